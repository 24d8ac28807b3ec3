using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.Tenants;
using Shouldly;
using Xunit;

namespace PilotAssessment.EntityFrameworkCore;

/// <summary>Times come back from the database as UTC, so the API writes them with "Z" and clients convert them.</summary>
public abstract class UtcDateTime_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : PilotAssessmentTestApplication
{
    [Fact]
    public async Task Should_Read_Stored_Times_And_Nullable_Times_Back_As_Utc()
    {
        var id = Guid.NewGuid();
        await app.AsUserAsync(null, "admin", async sp =>
        {
            var db = sp.GetRequiredService<PilotAssessmentDbContext>();
            db.Add(new Tenant(id, "时区测试" + id.ToString("N")[..8], "时区测试"));
            await db.SaveChangesAsync();
            var tenant = await db.Set<Tenant>().SingleAsync(t => t.Id == id);
            tenant.Rename("时区测试（改）");
            await db.SaveChangesAsync();
        });

        await app.AsUserAsync(null, "admin", async sp =>
        {
            var tenant = await sp.GetRequiredService<PilotAssessmentDbContext>().Set<Tenant>().AsNoTracking().SingleAsync(t => t.Id == id);
            tenant.CreationTime.Kind.ShouldBe(DateTimeKind.Utc);
            tenant.LastModificationTime.ShouldNotBeNull().Kind.ShouldBe(DateTimeKind.Utc);
        });
    }
}

public sealed class UtcDateTime_Sqlite_Tests(SqliteTestApplication app) : UtcDateTime_Tests<SqliteTestApplication>(app);

public sealed class UtcDateTime_MySql_Tests(MySqlTestApplication app) : UtcDateTime_Tests<MySqlTestApplication>(app);

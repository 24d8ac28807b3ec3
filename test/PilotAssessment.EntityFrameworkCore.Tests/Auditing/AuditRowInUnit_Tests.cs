using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.EntityFrameworkCore;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Repositories;
using PilotAssessment.Tenants;
using Shouldly;
using Xunit;

namespace PilotAssessment.Auditing;

/// <summary>
/// A request's audit row offered to its unit of work is saved in the batch of the unit's first save inside its
/// transaction: it commits with the write, rolls back with it, and costs no round trip of its own.
/// </summary>
public abstract class AuditRowInUnit_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : PilotAssessmentTestApplication
{
    [Fact]
    public async Task Should_Save_The_Row_In_The_Batch_Of_The_Units_First_Save_And_Commit_It_With_The_Write()
    {
        var row = NewRow();
        await app.AsUserAsync(null, "admin", async sp =>
        {
            var scope = sp.GetRequiredService<IAuditScope>();
            scope.OfferWithCommit(() => row);
            using var sql = await SqlCapture.StartAsync(sp.GetRequiredService<PilotAssessmentDbContext>());
            await using (var unit = await sp.GetRequiredService<IUnitOfWorkManager>().BeginAsync())
            {
                await RenameAsync(sp, "兰州", "（审）");
                await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
                scope.Committed.ShouldBeNull();
                await unit.CompleteAsync();
            }

            // MySQL sends a save as one batch; SQLite one statement at a time, in the same transaction.
            sql.Commands.Count(c => c.Contains("AuditLogs", StringComparison.Ordinal)).ShouldBe(1);
            if (app.Provider == EntityFrameworkCore.DatabaseProvider.MySql)
            {
                sql.Commands.ShouldContain(c => c.Contains("AuditLogs", StringComparison.Ordinal) && c.Contains("UPDATE", StringComparison.OrdinalIgnoreCase));
            }
            scope.Committed.ShouldBeSameAs(row);
        });

        (await StoredAsync(row.Id)).ShouldNotBeNull().Url.ShouldBe(row.Url);
    }

    [Fact]
    public async Task Should_Roll_The_Row_Back_With_A_Unit_That_Did_Not_Complete_And_Offer_It_Again()
    {
        var row = NewRow();
        await app.AsUserAsync(null, "admin", async sp =>
        {
            var scope = sp.GetRequiredService<IAuditScope>();
            scope.OfferWithCommit(() => row);
            await using (await sp.GetRequiredService<IUnitOfWorkManager>().BeginAsync())
            {
                await RenameAsync(sp, "天水", "（未）");
                await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
                scope.TakeForCommit().ShouldBeNull("the unit's save holds the row");
            }

            scope.Committed.ShouldBeNull();
            scope.TakeForCommit().ShouldBeSameAs(row);
        });

        (await StoredAsync(row.Id)).ShouldBeNull();
    }

    [Fact]
    public async Task Should_Not_Take_The_Row_In_A_Read_Nor_In_A_Save_Made_In_Another_Citys_Context()
    {
        var read = NewRow();
        var write = NewRow();
        var inCity = "/api/test/in-city/" + Guid.NewGuid().ToString("N");
        await app.AsUserAsync(null, "admin", async sp =>
        {
            var scope = sp.GetRequiredService<IAuditScope>();
            scope.OfferWithCommit(() => read);
            await using (var unit = await sp.GetRequiredService<IUnitOfWorkManager>().BeginAsync(isTransactional: false))
            {
                await unit.CompleteAsync();
            }

            scope.Committed.ShouldBeNull();

            // A write in a city's context saves at once; the host's row waits for the unit's own save (saved in the
            // city's context it would be refused as another tenant's row).
            scope.OfferWithCommit(() => write);
            using var sql = await SqlCapture.StartAsync(sp.GetRequiredService<PilotAssessmentDbContext>());
            await using (var unit = await sp.GetRequiredService<IUnitOfWorkManager>().BeginAsync())
            {
                var jinchang = await CityIdAsync(sp, "金昌");
                using (sp.GetRequiredService<ICurrentTenant>().Change(jinchang))
                {
                    await sp.GetRequiredService<IRepository<AuditLog>>().InsertAsync(new AuditLog(SequentialGuid.Next()) { HttpMethod = "PUT", Url = inCity, TenantId = jinchang });
                }

                scope.Committed.ShouldBeNull();
                await unit.CompleteAsync();
            }

            sql.Commands.Where(c => c.Contains(inCity, StringComparison.Ordinal)).ShouldAllBe(c => !c.Contains(write.Url, StringComparison.Ordinal));
            scope.Committed.ShouldBeSameAs(write);
        });

        (await StoredAsync(read.Id)).ShouldBeNull();
        (await StoredAsync(write.Id)).ShouldNotBeNull().TenantId.ShouldBeNull();
    }

    private static AuditLog NewRow() => new(SequentialGuid.Next()) { HttpMethod = "PUT", Url = "/api/test/" + Guid.NewGuid().ToString("N"), ExecutionTime = DateTime.UtcNow, HttpStatusCode = 200 };

    private Task<AuditLog?> StoredAsync(Guid id) =>
        app.AsUserAsync(null, "admin", async sp =>
        {
            var logs = sp.GetRequiredService<IRepository<AuditLog>>();
            return await logs.FirstOrDefaultAsync(logs.QueryReadOnly().Where(l => l.Id == id));
        });

    private static async Task RenameAsync(IServiceProvider sp, string name, string suffix)
    {
        var tenants = sp.GetRequiredService<IRepository<Tenant>>();
        var normalized = Tenant.Normalize(name);
        var city = (await tenants.FirstOrDefaultAsync(tenants.Query().Where(t => t.NormalizedName == normalized)))!;
        city.Rename(city.DisplayName + suffix);
    }

    private static async Task<Guid> CityIdAsync(IServiceProvider sp, string name)
    {
        var tenants = sp.GetRequiredService<IRepository<Tenant>>();
        var normalized = Tenant.Normalize(name);
        return (await tenants.FirstOrDefaultAsync(tenants.QueryReadOnly().Where(t => t.NormalizedName == normalized).Select(t => (Guid?)t.Id)))!.Value;
    }
}

public sealed class AuditRowInUnit_Sqlite_Tests(SqliteTestApplication app) : AuditRowInUnit_Tests<SqliteTestApplication>(app);

public sealed class AuditRowInUnit_MySql_Tests(MySqlTestApplication app) : AuditRowInUnit_Tests<MySqlTestApplication>(app);

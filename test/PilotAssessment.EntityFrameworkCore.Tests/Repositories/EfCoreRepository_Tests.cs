using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.EntityFrameworkCore;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.Repositories;
using PilotAssessment.Tenants;
using Shouldly;
using Xunit;

namespace PilotAssessment.EntityFrameworkCore.Repositories;

public abstract class EfCoreRepository_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : PilotAssessmentTestApplication
{
    [Fact]
    public async Task Should_Return_The_First_Row_In_The_Querys_Order_Reading_One_Row_Only()
    {
        await app.AsUserAsync(null, "admin", async sp =>
        {
            using var sql = await SqlCapture.StartAsync(sp.GetRequiredService<PilotAssessmentDbContext>());
            var tenants = sp.GetRequiredService<IRepository<Tenant>>();
            var ascending = tenants.Query().OrderBy(t => t.Name);
            var descending = tenants.Query().OrderByDescending(t => t.Name);
            var expectedFirst = (await tenants.ToListAsync(ascending))[0].Name;
            var expectedLast = (await tenants.ToListAsync(descending))[0].Name;
            expectedFirst.ShouldNotBe(expectedLast);
            sql.Commands.Count.ShouldBe(2);
            sql.Commands.ShouldAllBe(c => !c.Contains("LIMIT", StringComparison.OrdinalIgnoreCase));

            (await tenants.FirstOrDefaultAsync(ascending))!.Name.ShouldBe(expectedFirst);
            (await tenants.FirstOrDefaultAsync(descending))!.Name.ShouldBe(expectedLast);

            sql.Commands.Count.ShouldBe(4);
            sql.Commands.Skip(2).ShouldAllBe(c => c.Contains("LIMIT", StringComparison.OrdinalIgnoreCase));
        });
    }

    [Fact]
    public async Task Should_Return_Null_When_The_Query_Has_No_Row()
    {
        await app.AsUserAsync(null, "admin", async sp =>
        {
            var tenants = sp.GetRequiredService<IRepository<Tenant>>();
            var nobody = tenants.Query().Where(t => t.Name == "不存在的城市");

            (await tenants.FirstOrDefaultAsync(nobody)).ShouldBeNull();
            (await tenants.FirstOrDefaultAsync(nobody.Select(t => (Guid?)t.Id))).ShouldBeNull();
        });
    }

    [Fact]
    public async Task Should_Tell_Whether_The_Query_Has_A_Row_With_An_Exists_Query()
    {
        await app.AsUserAsync(null, "admin", async sp =>
        {
            var tenants = sp.GetRequiredService<IRepository<Tenant>>();
            var normalized = Tenant.Normalize("兰州");

            using var sql = await SqlCapture.StartAsync(sp.GetRequiredService<PilotAssessmentDbContext>());
            (await tenants.AnyAsync(tenants.Query().Where(t => t.NormalizedName == normalized))).ShouldBeTrue();
            (await tenants.AnyAsync(tenants.Query().Where(t => t.Name == "不存在的城市"))).ShouldBeFalse();

            sql.Commands.Count.ShouldBe(2);
            sql.Commands.ShouldAllBe(c => c.Contains("EXISTS", StringComparison.OrdinalIgnoreCase));
            sql.Commands.ShouldAllBe(c => !c.Contains("COUNT", StringComparison.OrdinalIgnoreCase));
        });
    }

    [Fact]
    public async Task Should_Report_A_Lost_Race_On_The_Concurrency_Stamp_As_The_Domains_Conflict()
    {
        await app.AsUserAsync(null, "admin", async sp =>
        {
            var tenants = sp.GetRequiredService<IRepository<Tenant>>();
            var normalized = Tenant.Normalize("金昌");
            var mine = (await tenants.FirstOrDefaultAsync(tenants.Query().Where(t => t.NormalizedName == normalized)))!;

            // Another request renames the same city first.
            using (var other = sp.GetRequiredService<IServiceScopeFactory>().CreateScope())
            {
                var theirs = other.ServiceProvider.GetRequiredService<IRepository<Tenant>>();
                var city = await theirs.GetAsync(mine.Id);
                city.Rename(city.DisplayName + "（先）");
                await theirs.UpdateAsync(city);
            }

            mine.Rename(mine.DisplayName + "（后）");
            var error = await Should.ThrowAsync<ConcurrencyConflictException>(() => tenants.UpdateAsync(mine));
            error.Code.ShouldBe(PilotAssessmentErrorCodes.ConcurrencyConflict);
        });
    }

    [Fact]
    public async Task Should_Throw_Entity_Not_Found_When_Getting_A_Missing_Id()
    {
        await app.AsUserAsync(null, "admin", async sp =>
        {
            var tenants = sp.GetRequiredService<IRepository<Tenant>>();
            var missing = Guid.NewGuid();

            var error = await Should.ThrowAsync<EntityNotFoundException>(() => tenants.GetAsync(missing));
            error.EntityType.ShouldBe(typeof(Tenant));
            error.Id.ShouldBe(missing);
        });
    }
}

public sealed class EfCoreRepository_Sqlite_Tests(SqliteTestApplication app) : EfCoreRepository_Tests<SqliteTestApplication>(app);

public sealed class EfCoreRepository_MySql_Tests(MySqlTestApplication app) : EfCoreRepository_Tests<MySqlTestApplication>(app);

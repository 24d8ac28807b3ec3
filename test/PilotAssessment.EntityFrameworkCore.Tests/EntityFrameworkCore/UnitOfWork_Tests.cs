using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.Identity;
using PilotAssessment.Repositories;
using PilotAssessment.Tenants;
using Shouldly;
using Xunit;

namespace PilotAssessment.EntityFrameworkCore;

public abstract class UnitOfWork_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : PilotAssessmentTestApplication
{
    [Fact]
    public async Task Should_Save_In_Its_Transaction_Without_A_Savepoint()
    {
        var renamed = await app.AsUserAsync(null, "admin", async sp =>
        {
            var tenants = sp.GetRequiredService<IRepository<Tenant>>();
            using var sql = await SqlCapture.StartAsync(sp.GetRequiredService<PilotAssessmentDbContext>());
            await using (var unit = await sp.GetRequiredService<IUnitOfWorkManager>().BeginAsync())
            {
                var city = await CityAsync(tenants, "兰州");
                city.Rename(city.DisplayName + "（甲）");
                await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
                await tenants.UpdateAsync(city, autoSave: true);
                await unit.CompleteAsync();
            }

            sql.Commands.ShouldContain(c => c.Contains("UPDATE", StringComparison.OrdinalIgnoreCase));
            sql.Savepoints.ShouldBeEmpty();
            return (await CityAsync(tenants, "兰州")).DisplayName;
        });

        (await app.AsUserAsync(null, "admin", async sp => (await CityAsync(sp.GetRequiredService<IRepository<Tenant>>(), "兰州")).DisplayName)).ShouldBe(renamed);
        renamed.ShouldEndWith("（甲）");
    }

    [Fact]
    public async Task Should_Never_Commit_A_Unit_Whose_Save_Failed()
    {
        var before = await app.AsUserAsync(null, "admin", async sp => (await CityAsync(sp.GetRequiredService<IRepository<Tenant>>(), "天水")).DisplayName);
        await app.AsUserAsync(null, "admin", async sp =>
        {
            var tenants = sp.GetRequiredService<IRepository<Tenant>>();
            var saved = await CityAsync(tenants, "天水");
            var raced = await CityAsync(tenants, "金昌");

            // Another request renames the second city first.
            using (var other = sp.GetRequiredService<IServiceScopeFactory>().CreateScope())
            {
                var theirs = other.ServiceProvider.GetRequiredService<IRepository<Tenant>>();
                var city = await theirs.GetAsync(raced.Id);
                city.Rename(city.DisplayName + "（先）");
                await theirs.UpdateAsync(city);
            }

            await using var unit = await sp.GetRequiredService<IUnitOfWorkManager>().BeginAsync();
            saved.Rename(saved.DisplayName + "（乙）");
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
            raced.Rename(raced.DisplayName + "（后）");
            await Should.ThrowAsync<ConcurrencyConflictException>(() => sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync());

            // A caller that goes on anyway cannot commit what the failed save left in the transaction.
            await Should.ThrowAsync<InvalidOperationException>(() => unit.CompleteAsync());
        });

        (await app.AsUserAsync(null, "admin", async sp => (await CityAsync(sp.GetRequiredService<IRepository<Tenant>>(), "天水")).DisplayName)).ShouldBe(before);
    }

    [Fact]
    public async Task Should_Keep_The_Savepoint_Of_A_Save_Made_Past_The_Unit()
    {
        await app.AsUserAsync(null, "admin", async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            using var sql = await SqlCapture.StartAsync(sp.GetRequiredService<PilotAssessmentDbContext>());
            await using var unit = await sp.GetRequiredService<IUnitOfWorkManager>().BeginAsync();
            var admin = (await users.FindByNameAsync("admin"))!;

            // Identity's stores save on their own and report a lost race as a result, so the caller may go on.
            (await users.UpdateSecurityStampAsync(admin)).Succeeded.ShouldBeTrue();

            sql.Savepoints.ShouldNotBeEmpty();
        });
    }

    private static async Task<Tenant> CityAsync(IRepository<Tenant> tenants, string name)
    {
        var normalized = Tenant.Normalize(name);
        return (await tenants.FirstOrDefaultAsync(tenants.Query().Where(t => t.NormalizedName == normalized)))!;
    }
}

public sealed class UnitOfWork_Sqlite_Tests(SqliteTestApplication app) : UnitOfWork_Tests<SqliteTestApplication>(app);

public sealed class UnitOfWork_MySql_Tests(MySqlTestApplication app) : UnitOfWork_Tests<MySqlTestApplication>(app);

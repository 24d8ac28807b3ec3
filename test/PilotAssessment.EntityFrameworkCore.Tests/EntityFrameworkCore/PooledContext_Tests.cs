using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.Identity;
using PilotAssessment.Repositories;
using Shouldly;
using Xunit;

namespace PilotAssessment.EntityFrameworkCore;

/// <summary>Contexts come from a pool: a context used by one city's scope is given, in the next, that scope's city, user and tracking state.</summary>
public abstract class PooledContext_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : PilotAssessmentTestApplication
{
    [Fact]
    public async Task Should_Reuse_Contexts_Across_Scopes()
    {
        var contexts = new List<PilotAssessmentDbContext>();
        for (var i = 0; i < 5; i++)
        {
            await app.AsUserAsync("兰州", "admin", async sp =>
            {
                var context = sp.GetRequiredService<PilotAssessmentDbContext>();
                var users = sp.GetRequiredService<IRepository<AppUser>>();
                (await users.ToListAsync(users.Query())).ShouldNotBeEmpty();
                contexts.Add(context);
            });
        }

        contexts.Distinct().Count().ShouldBeLessThan(contexts.Count);
    }

    [Fact]
    public async Task Should_Give_A_Reused_Context_The_City_User_And_Empty_Tracking_Of_The_Scope_That_Leases_It()
    {
        var tianshui = await app.TenantIdAsync("天水");
        var tianshuiAdmin = await app.AsUserAsync("天水", "admin", async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("admin"))!.Id);

        // The first scope leaves a tracked, changed row behind it unsaved.
        await app.AsUserAsync("兰州", "admin", async sp =>
        {
            var users = sp.GetRequiredService<IRepository<AppUser>>();
            var any = (await users.ToListAsync(users.Query())).First();
            any.Name = "未保存";
            sp.GetRequiredService<PilotAssessmentDbContext>().ChangeTracker.HasChanges().ShouldBeTrue();
        });

        var name = "池化-" + Guid.NewGuid().ToString("N")[..6];
        var saved = await app.AsUserAsync("天水", "admin", async sp =>
        {
            var context = sp.GetRequiredService<PilotAssessmentDbContext>();
            context.ChangeTracker.Entries().ShouldBeEmpty();
            context.CurrentTenant.Id.ShouldBe(tianshui);

            var users = sp.GetRequiredService<IRepository<AppUser>>();
            var all = await users.ToListAsync(users.Query());
            all.ShouldAllBe(u => u.TenantId == tianshui);
            var admin = all.Single(u => u.Id == tianshuiAdmin);
            admin.Name = name;
            await users.UpdateAsync(admin);
            return await users.GetAsync(tianshuiAdmin);
        });

        saved.LastModifierId.ShouldBe(tianshuiAdmin);
        var names = await app.AsUserAsync("兰州", "admin", async sp =>
        {
            var users = sp.GetRequiredService<IRepository<AppUser>>();
            return (await users.ToListAsync(users.Query())).Select(u => u.Name).ToList();
        });
        names.ShouldNotContain("未保存");
    }
}

public sealed class PooledContext_Sqlite_Tests(SqliteTestApplication app) : PooledContext_Tests<SqliteTestApplication>(app);

public sealed class PooledContext_MySql_Tests(MySqlTestApplication app) : PooledContext_Tests<MySqlTestApplication>(app);

using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.Data;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.Identity;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Permissions;
using PilotAssessment.Repositories;
using Shouldly;
using Xunit;

namespace PilotAssessment.EntityFrameworkCore.MultiTenancy;

public abstract class TenantFilter_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : PilotAssessmentTestApplication
{
    [Fact]
    public async Task Should_Set_TenantId_On_Insert_From_The_Current_Tenant()
    {
        var lanzhou = await app.TenantIdAsync("兰州");

        var grant = await app.AsUserAsync("兰州", "admin", sp =>
            sp.GetRequiredService<IRepository<PermissionGrant>>().InsertAsync(new PermissionGrant(null, "inserted-role", PilotAssessmentPermissions.Results.Default)));

        grant.TenantId.ShouldBe(lanzhou);
    }

    [Fact]
    public async Task Should_Not_Let_A_City_Read_Another_Citys_Records_Through_The_Repository()
    {
        var tianshuiClerk = await app.AsUserAsync("天水", "clerk", async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("clerk"))!.Id);

        await app.AsUserAsync("兰州", "admin", async sp =>
        {
            var users = sp.GetRequiredService<IRepository<AppUser>>();
            (await users.FindAsync(tianshuiClerk)).ShouldBeNull();
            await Should.ThrowAsync<EntityNotFoundException>(() => users.GetAsync(tianshuiClerk));
            (await users.ToListAsync(users.Query())).ShouldAllBe(u => u.TenantId == app.TenantIdAsync("兰州").Result);
        });
    }

    [Fact]
    public async Task Should_Refuse_Saving_A_Record_Of_Another_City()
    {
        var tianshui = await app.TenantIdAsync("天水");

        await app.AsUserAsync("兰州", "admin", async sp =>
        {
            var grants = sp.GetRequiredService<IRepository<PermissionGrant>>();
            await Should.ThrowAsync<ForbiddenException>(() =>
                grants.InsertAsync(new PermissionGrant(tianshui, "smuggled", PilotAssessmentPermissions.Results.Default)));
        });

        var smuggled = await app.AsUserAsync("天水", "admin", async sp =>
        {
            var grants = sp.GetRequiredService<IRepository<PermissionGrant>>();
            return await grants.CountAsync(grants.Query().Where(g => g.RoleName == "smuggled"));
        });
        smuggled.ShouldBe(0);
    }

    [Fact]
    public async Task Should_Refuse_Changing_Another_Citys_Record_Read_Across_Cities()
    {
        var tianshuiClerk = await app.AsUserAsync("天水", "clerk", async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("clerk"))!.Id);

        await app.AsUserAsync("兰州", "admin", async sp =>
        {
            var users = sp.GetRequiredService<IRepository<AppUser>>();
            AppUser foreign;
            using (sp.GetRequiredService<IDataFilter>().Disable<IMultiTenant>())
            {
                foreign = await users.GetAsync(tianshuiClerk);
            }

            foreign.Name = "篡改";
            await Should.ThrowAsync<ForbiddenException>(() => users.UpdateAsync(foreign));
        });
    }

    [Fact]
    public async Task Should_Read_Across_Cities_Only_Inside_The_Data_Filter_Scope()
    {
        await app.AsUserAsync(null, "admin", async sp =>
        {
            var users = sp.GetRequiredService<IRepository<AppUser>>();
            var hostOnly = await users.ToListAsync(users.Query());
            hostOnly.ShouldAllBe(u => u.TenantId == null);

            using (sp.GetRequiredService<IDataFilter>().Disable<IMultiTenant>())
            {
                var all = await users.ToListAsync(users.Query());
                all.Select(u => u.TenantId).Distinct().Count().ShouldBeGreaterThanOrEqualTo(6);
            }

            (await users.ToListAsync(users.Query())).Count.ShouldBe(hostOnly.Count);
        });
    }

    [Fact]
    public async Task Should_Hide_Soft_Deleted_Rows_And_Keep_Them_In_The_Table()
    {
        var id = await app.AsUserAsync("金昌", "admin", async sp =>
        {
            var userManager = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser(null, "to-delete-" + Guid.NewGuid().ToString("N")[..6]);
            (await userManager.CreateAsync(user, PilotAssessmentTestApplication.NewUserPassword)).Succeeded.ShouldBeTrue();
            (await userManager.DeleteAsync(user)).Succeeded.ShouldBeTrue();
            return user.Id;
        });

        await app.AsUserAsync("金昌", "admin", async sp =>
        {
            var users = sp.GetRequiredService<IRepository<AppUser>>();
            (await users.FindAsync(id)).ShouldBeNull();
            using (sp.GetRequiredService<IDataFilter>().Disable<Entities.ISoftDelete>())
            {
                var deleted = await users.FindAsync(id);
                deleted.ShouldNotBeNull();
                deleted.IsDeleted.ShouldBeTrue();
                deleted.DeletionTime.ShouldNotBeNull();
            }
        });
    }
}

public sealed class TenantFilter_Sqlite_Tests(SqliteTestApplication app) : TenantFilter_Tests<SqliteTestApplication>(app);

public sealed class TenantFilter_MySql_Tests(MySqlTestApplication app) : TenantFilter_Tests<MySqlTestApplication>(app);

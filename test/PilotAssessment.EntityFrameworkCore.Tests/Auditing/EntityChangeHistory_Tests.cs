using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.Auditing;
using PilotAssessment.Identity;
using PilotAssessment.Repositories;
using PilotAssessment.Tenants;
using Shouldly;
using Xunit;

namespace PilotAssessment.EntityFrameworkCore.Auditing;

public abstract class EntityChangeHistory_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : PilotAssessmentTestApplication
{
    [Fact]
    public async Task Should_Record_Old_And_New_Values_With_Who_Changed_Them()
    {
        var zhangye = await app.TenantIdAsync("张掖");
        var (official, _) = await app.PrincipalOfAsync(null, "admin");

        await app.AsUserAsync(null, "admin", async sp =>
        {
            var tenants = sp.GetRequiredService<IRepository<Tenant>>();
            var tenant = await tenants.GetAsync(zhangye);
            tenant.Rename("张掖市（试点）");
            await tenants.UpdateAsync(tenant);
        });

        var change = await app.AsUserAsync(null, "admin", async sp =>
        {
            var changes = sp.GetRequiredService<IRepository<EntityChange>>();
            var list = await changes.ToListAsync(changes.Query()
                .Where(c => c.EntityId == zhangye.ToString() && c.ChangeType == EntityChangeType.Updated)
                .SelectMany(c => c.PropertyChanges)
                .Where(p => p.PropertyName == nameof(Tenant.DisplayName)));
            return list.Single();
        });

        change.OriginalValue.ShouldBe("张掖市");
        change.NewValue.ShouldBe("张掖市（试点）");

        var userId = await app.AsUserAsync(null, "admin", async sp =>
        {
            var changes = sp.GetRequiredService<IRepository<EntityChange>>();
            return (await changes.ToListAsync(changes.Query().Where(c => c.EntityId == zhangye.ToString() && c.ChangeType == EntityChangeType.Updated))).Single().UserId;
        });
        userId.ShouldBe(Guid.Parse(official.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value));
    }

    [Fact]
    public async Task Should_Mask_Secrets_And_Record_Creation_In_The_Citys_History()
    {
        var jiuquan = await app.TenantIdAsync("酒泉");
        var userName = "history-" + Guid.NewGuid().ToString("N")[..6];
        var userId = await app.AsUserAsync("酒泉", "admin", async sp =>
        {
            var user = new AppUser(null, userName) { Name = "王芳" };
            (await sp.GetRequiredService<UserManager<AppUser>>().CreateAsync(user, PilotAssessmentTestApplication.NewUserPassword)).Succeeded.ShouldBeTrue();
            return user.Id;
        });

        var created = await app.AsUserAsync("酒泉", "admin", async sp =>
        {
            var changes = sp.GetRequiredService<IRepository<EntityChange>>();
            var list = await changes.ToListAsync(changes.Query().Where(c => c.EntityId == userId.ToString()));
            await changes.ToListAsync(changes.Query().Where(c => c.EntityId == userId.ToString()).SelectMany(c => c.PropertyChanges));
            return list.Single(c => c.ChangeType == EntityChangeType.Created);
        });

        created.TenantId.ShouldBe(jiuquan);
        created.PropertyChanges.Single(p => p.PropertyName == nameof(AppUser.Name)).NewValue.ShouldBe("王芳");
        created.PropertyChanges.Single(p => p.PropertyName == nameof(AppUser.PasswordHash)).NewValue.ShouldBe("***");
    }
}

public sealed class EntityChangeHistory_Sqlite_Tests(SqliteTestApplication app) : EntityChangeHistory_Tests<SqliteTestApplication>(app);

public sealed class EntityChangeHistory_MySql_Tests(MySqlTestApplication app) : EntityChangeHistory_Tests<MySqlTestApplication>(app);

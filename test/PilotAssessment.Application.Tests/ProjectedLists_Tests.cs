using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.Account;
using PilotAssessment.Auditing;
using PilotAssessment.Dtos;
using PilotAssessment.Identity;
using PilotAssessment.OrganizationUnits;
using PilotAssessment.Repositories;
using PilotAssessment.Tenants;
using Shouldly;
using Xunit;

namespace PilotAssessment;

/// <summary>The lists that are projected by the database through the AutoMapper profiles, on SQLite and MariaDB (docs/adr/0013).</summary>
public abstract class ProjectedLists_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : PilotAssessmentTestApplication
{
    [Fact]
    public async Task Should_Project_The_Cities_For_The_Province_And_For_The_Sign_In_Page()
    {
        var lanzhouId = await app.TenantIdAsync("兰州");

        var tenants = await app.AsUserAsync(null, "admin", sp => sp.GetRequiredService<ITenantAppService>().GetListAsync(new PagedAndFilteredRequestDto { MaxResultCount = 1000 }));
        var lanzhou = tenants.Items.Single(t => t.Id == lanzhouId);
        lanzhou.Name.ShouldBe("兰州");
        lanzhou.IsActive.ShouldBeTrue();
        lanzhou.ConcurrencyStamp.ShouldNotBeNullOrEmpty();

        var active = await app.WithScopeAsync(sp => sp.GetRequiredService<IAccountAppService>().GetActiveTenantsAsync());
        active.ShouldContain(t => t.Id == lanzhouId && t.Name == "兰州" && t.IsActive);
    }

    [Fact]
    public async Task Should_Project_Users_With_Their_Roles_And_Lockout_End_In_Utc()
    {
        var lockoutEnd = new DateTimeOffset(2030, 5, 1, 8, 0, 0, TimeSpan.FromHours(8));
        var userName = "projected-" + Guid.NewGuid().ToString("N")[..8];
        await app.AsUserAsync("兰州", "admin", async sp =>
        {
            var created = await sp.GetRequiredService<IUserAppService>().CreateAsync(new CreateUserInput
            {
                UserName = userName,
                Name = "投影用户",
                Password = PilotAssessmentTestApplication.NewUserPassword,
                RoleNames = [RoleNames.Clerk],
            });
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var user = await users.FindByIdAsync(created.Id.ToString());
            await users.SetLockoutEndDateAsync(user!, lockoutEnd);
        });

        var list = await app.AsUserAsync("兰州", "admin", sp => sp.GetRequiredService<IUserAppService>().GetListAsync(new PagedAndFilteredRequestDto { Filter = userName }));

        var dto = list.Items.ShouldHaveSingleItem();
        dto.UserName.ShouldBe(userName);
        dto.Name.ShouldBe("投影用户");
        dto.RoleNames.ShouldBe([RoleNames.Clerk]);
        dto.LockoutEnd.ShouldBe(lockoutEnd.UtcDateTime);
        list.TotalCount.ShouldBe(1);
    }

    [Theory]
    [InlineData("zh-Hans", "平台管理员")]
    [InlineData("en", "Platform administrator")]
    public async Task Should_Project_Roles_And_Show_A_Static_Role_By_Its_Localized_Name(string culture, string adminName)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var roles = await app.AsUserAsync(null, "admin", sp => sp.GetRequiredService<IRoleAppService>().GetListAsync());

            var admin = roles.Items.Single(r => r.Name == RoleNames.Admin);
            admin.IsStatic.ShouldBeTrue();
            admin.DisplayName.ShouldBe(adminName);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task Should_Project_The_Unit_Tree_With_Kinds_Member_Counts_And_Closed_Units()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (districtId, closedId) = await app.AsUserAsync("兰州", "admin", async sp =>
        {
            var units = sp.GetRequiredService<IOrganizationUnitAppService>();
            var district = await units.CreateAsync(new CreateOrganizationUnitInput { Code = $"P-{suffix}", Name = $"城关区{suffix}", Kind = OrganizationUnitKind.District });
            var office = await units.CreateAsync(new CreateOrganizationUnitInput { Code = $"P-{suffix}-1", Name = "政法委", ParentId = district.Id });
            var closed = await units.CreateAsync(new CreateOrganizationUnitInput { Code = $"P-{suffix}-2", Name = "撤并单位", ParentId = district.Id });
            await units.CloseAsync(closed.Id);
            var users = await sp.GetRequiredService<IUserAppService>().GetListAsync(new PagedAndFilteredRequestDto { Filter = "admin" });
            await units.AddMemberAsync(office.Id, users.Items.First().Id);
            return (district.Id, closed.Id);
        });

        var open = await app.AsUserAsync("兰州", "admin", sp => sp.GetRequiredService<IOrganizationUnitAppService>().GetTreeAsync(includeClosed: false));
        var all = await app.AsUserAsync("兰州", "admin", sp => sp.GetRequiredService<IOrganizationUnitAppService>().GetTreeAsync(includeClosed: true));

        var district = open.Single(u => u.Id == districtId);
        district.Kind.ShouldBe(nameof(OrganizationUnitKind.District));
        district.IsClosed.ShouldBeFalse();
        district.Children.ShouldHaveSingleItem().MemberCount.ShouldBe(1);
        district.Children.Single().Kind.ShouldBe(nameof(OrganizationUnitKind.Department));
        var closedUnit = all.Single(u => u.Id == districtId).Children.Single(c => c.Id == closedId);
        closedUnit.IsClosed.ShouldBeTrue();
        closedUnit.ClosedTime.ShouldNotBeNull();
    }

    [Fact]
    public async Task Should_Project_Audit_Logs_And_Put_In_Their_Entity_Changes()
    {
        var lanzhouId = await app.TenantIdAsync("兰州");
        var url = "/api/app/projected/" + Guid.NewGuid().ToString("N");
        var logId = Guid.NewGuid();
        await app.AsUserAsync("兰州", "admin", async sp =>
        {
            await sp.GetRequiredService<IRepository<AuditLog>>().InsertAsync(new AuditLog(logId)
            {
                TenantId = lanzhouId,
                UserName = "admin",
                HttpMethod = "PUT",
                Url = url,
                HttpStatusCode = 200,
                ExecutionTime = new DateTime(2026, 3, 1, 1, 0, 0, DateTimeKind.Utc),
                ExecutionDuration = 12,
            });
            var change = new EntityChange(lanzhouId, "PilotAssessment.OrganizationUnits.OrganizationUnit", "u-1", EntityChangeType.Updated, new DateTime(2026, 3, 1, 1, 0, 0, DateTimeKind.Utc))
            {
                AuditLogId = logId,
            };
            change.PropertyChanges.Add(new EntityPropertyChange("Name", "旧名", "新名"));
            await sp.GetRequiredService<IRepository<EntityChange>>().InsertAsync(change);
        });

        var logs = await app.AsUserAsync("兰州", "admin", sp => sp.GetRequiredService<IAuditLogAppService>().GetListAsync(new GetAuditLogsInput { MaxResultCount = 1000 }));

        var log = logs.Items.Single(l => l.Url == url);
        log.Id.ShouldBe(logId);
        log.HttpMethod.ShouldBe("PUT");
        log.ExecutionDuration.ShouldBe(12);
        var entityChange = log.EntityChanges.ShouldHaveSingleItem();
        entityChange.ChangeType.ShouldBe("Updated");
        entityChange.PropertyChanges.ShouldHaveSingleItem().ShouldBe(new EntityPropertyChangeDto("Name", "旧名", "新名"));
    }
}

public sealed class ProjectedLists_Sqlite_Tests(SqliteTestApplication app) : ProjectedLists_Tests<SqliteTestApplication>(app);

public sealed class ProjectedLists_MySql_Tests(MySqlTestApplication app) : ProjectedLists_Tests<MySqlTestApplication>(app);

using System.Net;
using System.Net.Http.Json;
using PilotAssessment.Auditing;
using PilotAssessment.Dtos;
using PilotAssessment.Identity;
using Shouldly;
using Xunit;

namespace PilotAssessment.MultiTenancy;

/// <summary>Every endpoint that takes an id, called by one city with another city's id, answers 404.</summary>
public abstract class TenantIsolation_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    [Fact]
    public async Task Should_Answer_404_For_Another_Citys_User()
    {
        using var tianshui = await host.ClientForAsync("天水", "admin");
        var tianshuiClerk = await ClerkOfAsync(tianshui);
        using var lanzhou = await host.ClientForAsync("兰州", "admin");

        (await lanzhou.GetAsync($"/api/app/users/{tianshuiClerk.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lanzhou.PutAsJsonAsync($"/api/app/users/{tianshuiClerk.Id}", new UpdateUserInput
        {
            UserName = "clerk",
            Name = "篡改",
            RoleNames = ["clerk"],
            ConcurrencyStamp = tianshuiClerk.ConcurrencyStamp!,
        })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lanzhou.DeleteAsync($"/api/app/users/{tianshuiClerk.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var unchanged = await tianshui.GetFromJsonAsync<UserDto>($"/api/app/users/{tianshuiClerk.Id}", HttpJson.Options);
        unchanged!.Name.ShouldBe(tianshuiClerk.Name);
    }

    [Fact]
    public async Task Should_Answer_404_For_Another_Citys_Role()
    {
        using var tianshui = await host.ClientForAsync("天水", "admin");
        var roles = await tianshui.GetFromJsonAsync<PagedResultDto<RoleDto>>("/api/app/roles", HttpJson.Options);
        var clerkRole = roles!.Items.Single(r => r.Name == "clerk");
        using var lanzhou = await host.ClientForAsync("兰州", "admin");

        (await lanzhou.GetAsync($"/api/app/roles/{clerkRole.Id}/permissions")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lanzhou.PutAsJsonAsync($"/api/app/roles/{clerkRole.Id}/permissions", new UpdatePermissionsInput())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lanzhou.PutAsJsonAsync($"/api/app/roles/{clerkRole.Id}", new RoleInput { Name = "renamed" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lanzhou.DeleteAsync($"/api/app/roles/{clerkRole.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var stillGranted = await tianshui.GetFromJsonAsync<PermissionListDto>($"/api/app/roles/{clerkRole.Id}/permissions", HttpJson.Options);
        stillGranted!.Groups.SelectMany(g => g.Permissions).Count(p => p.IsGranted).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Should_List_Only_The_Own_Citys_Users_And_Audit_Logs()
    {
        using var jinchang = await host.ClientForAsync("金昌", "admin");
        (await jinchang.PostAsJsonAsync("/api/app/users", new CreateUserInput
        {
            UserName = "jinchang-only",
            Name = "金昌专用",
            Password = PilotAssessmentHostFixture.NewUserPassword,
            RoleNames = ["clerk"],
        })).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var lanzhou = await host.ClientForAsync("兰州", "admin");
        var users = await lanzhou.GetFromJsonAsync<PagedResultDto<UserDto>>("/api/app/users?maxResultCount=1000", HttpJson.Options);
        users!.Items.ShouldNotContain(u => u.UserName == "jinchang-only");

        var logs = await lanzhou.GetFromJsonAsync<PagedResultDto<AuditLogDto>>("/api/app/audit-logs?maxResultCount=1000", HttpJson.Options);
        var lanzhouId = await host.TenantIdAsync("兰州");
        logs!.Items.ShouldAllBe(l => l.TenantId == lanzhouId);
        logs.Items.ShouldNotContain(l => l.Url.Contains("/api/app/users") && l.HttpMethod == "POST" && l.UserName == "admin" && l.TenantId != lanzhouId);
    }

    [Fact]
    public async Task Should_Refuse_A_City_User_Naming_Another_City_In_The_Tenant_Header()
    {
        var tianshuiId = await host.TenantIdAsync("天水");
        using var lanzhou = await host.ClientForAsync("兰州", "admin", actInTenant: tianshuiId);

        var response = await lanzhou.GetAsync("/api/app/users");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Should_Let_A_Host_Official_Act_Inside_A_City_With_The_Tenant_Header()
    {
        var zhangyeId = await host.TenantIdAsync("张掖");
        using var hostAdmin = await host.ClientForAsync(null, "admin", actInTenant: zhangyeId);

        var users = await hostAdmin.GetFromJsonAsync<PagedResultDto<UserDto>>("/api/app/users", HttpJson.Options);

        users!.Items.Select(u => u.UserName).ShouldBe(["admin", "clerk"], ignoreOrder: true);
        users.Items.ShouldContain(u => u.RoleNames.Contains("city-admin"));
    }

    [Fact]
    public async Task Should_Refuse_The_Tenant_Header_To_A_Host_User_Without_The_Permission()
    {
        var zhangyeId = await host.TenantIdAsync("张掖");
        using var hostAdmin = await host.ClientForAsync(null, "admin");
        var roles = await hostAdmin.GetFromJsonAsync<PagedResultDto<RoleDto>>("/api/app/roles", HttpJson.Options);
        var auditorRole = roles!.Items.Single(r => r.Name == "auditor");
        var permissions = await hostAdmin.GetFromJsonAsync<PermissionListDto>($"/api/app/roles/{auditorRole.Id}/permissions", HttpJson.Options);
        var withoutActInCity = permissions!.Groups.SelectMany(g => g.Permissions)
            .Where(p => p.IsGranted && p.Name != Permissions.PilotAssessmentPermissions.Tenants.ActInCity).Select(p => p.Name).ToList();
        (await hostAdmin.PutAsJsonAsync($"/api/app/roles/{auditorRole.Id}/permissions", new UpdatePermissionsInput { GrantedPermissions = withoutActInCity }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        using var auditor = await host.ClientForAsync(null, "auditor", actInTenant: zhangyeId);
        (await auditor.GetAsync("/api/app/application-configuration")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static async Task<UserDto> ClerkOfAsync(HttpClient cityAdmin)
    {
        var users = await cityAdmin.GetFromJsonAsync<PagedResultDto<UserDto>>("/api/app/users", HttpJson.Options);
        return users!.Items.Single(u => u.UserName == "clerk");
    }
}

public sealed class TenantIsolation_Http_Sqlite_Tests(SqliteHostFixture host) : TenantIsolation_Http_Tests<SqliteHostFixture>(host);

public sealed class TenantIsolation_Http_MySql_Tests(MySqlHostFixture host) : TenantIsolation_Http_Tests<MySqlHostFixture>(host);

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PilotAssessment.ApplicationConfiguration;
using PilotAssessment.Dtos;
using PilotAssessment.Permissions;
using PilotAssessment.Tenants;
using Shouldly;
using Xunit;

namespace PilotAssessment.Identity;

public sealed class Permissions_Http_Tests(SqliteHostFixture host) : IClassFixture<SqliteHostFixture>
{
    [Fact]
    public async Task Should_Not_Let_A_Clerk_Manage_Users()
    {
        using var clerk = await host.ClientForAsync("兰州", "clerk");

        (await clerk.GetAsync("/api/app/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await clerk.PostAsJsonAsync("/api/app/users", new CreateUserInput { UserName = "x", Password = PilotAssessmentHostFixture.NewUserPassword }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Should_Not_Let_A_City_Admin_Create_Cities()
    {
        using var cityAdmin = await host.ClientForAsync("兰州", "admin");

        var response = await cityAdmin.PostAsJsonAsync("/api/app/tenants", new CreateTenantInput
        {
            Name = "白银",
            DisplayName = "白银市",
            AdminPassword = PilotAssessmentHostFixture.NewUserPassword,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.ReadProblemAsync()).GetProperty("title").GetString().ShouldBe("您没有执行此操作的权限。");
    }

    [Fact]
    public async Task Should_Refuse_Granting_A_Host_Only_Permission_Inside_A_City()
    {
        using var cityAdmin = await host.ClientForAsync("天水", "admin");
        var roles = await cityAdmin.GetFromJsonAsync<PagedResultDto<RoleDto>>("/api/app/roles", HttpJson.Options);
        var clerkRole = roles!.Items.Single(r => r.Name == "clerk");

        var response = await cityAdmin.PutAsJsonAsync($"/api/app/roles/{clerkRole.Id}/permissions",
            new UpdatePermissionsInput { GrantedPermissions = [PilotAssessmentPermissions.Tenants.Create] });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).GetProperty("code").GetString().ShouldBe("Error:PermissionNotGrantableOnThisSide");
        var offered = await cityAdmin.GetFromJsonAsync<PermissionListDto>($"/api/app/roles/{clerkRole.Id}/permissions", HttpJson.Options);
        offered!.Groups.SelectMany(g => g.Permissions).ShouldNotContain(p => p.Name.StartsWith(PilotAssessmentPermissions.Tenants.Default));
    }

    [Fact]
    public async Task Should_Tell_The_Client_The_User_Tenant_And_Granted_Permissions()
    {
        using var clerk = await host.ClientForAsync("酒泉", "clerk");

        var config = await clerk.GetFromJsonAsync<ApplicationConfigurationDto>("/api/app/application-configuration", HttpJson.Options);

        config!.CurrentUser.IsAuthenticated.ShouldBeTrue();
        config.CurrentUser.UserName.ShouldBe("clerk");
        config.CurrentTenant.Name.ShouldBe("酒泉");
        config.Auth.GrantedPolicies.Keys.ShouldContain(PilotAssessmentPermissions.DataEntry.Default);
        config.Auth.GrantedPolicies.Keys.ShouldNotContain(PilotAssessmentPermissions.Users.Default);
        config.Localization.CurrentCulture.ShouldBe("zh-Hans");
        config.Localization.Languages.Select(l => l.CultureName).ShouldBe(["zh-Hans", "en"]);
    }

    [Fact]
    public async Task Should_Leave_The_Interface_Texts_To_The_Client()
    {
        using var clerk = await host.ClientForAsync("酒泉", "clerk");

        using var response = await clerk.GetAsync("/api/app/application-configuration");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var localization = body.RootElement.GetProperty("localization");
        localization.TryGetProperty("texts", out _).ShouldBeFalse();
        localization.GetProperty("currentCulture").GetString().ShouldBe("zh-Hans");
    }
}

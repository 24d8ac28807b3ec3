using System.Net;
using System.Net.Http.Json;
using PilotAssessment.Dtos;
using PilotAssessment.Permissions;
using Shouldly;
using Xunit;

namespace PilotAssessment.Identity;

/// <summary>Nobody grants a role or a permission they do not hold themselves.</summary>
public abstract class GrantEscalation_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    [Fact]
    public async Task Should_Refuse_A_User_Editor_Granting_The_City_Administrator_Role_To_Anyone()
    {
        using var cityAdmin = await host.ClientForAsync("天水", "admin");
        var editorRole = await CreateRoleAsync(cityAdmin, "user-editor", PilotAssessmentPermissions.Users.Default, PilotAssessmentPermissions.Users.Update);
        var editor = await CreateUserAsync(cityAdmin, "editor", editorRole.Name);
        var victim = await CreateUserAsync(cityAdmin, "someone", "clerk");
        using var editorClient = await host.ClientForAsync("天水", "editor", password: PilotAssessmentHostFixture.NewUserPassword);

        foreach (var target in new[] { editor, victim })
        {
            var response = await editorClient.PutAsJsonAsync($"/api/app/users/{target.Id}", Update(target, [.. target.RoleNames, RoleNames.CityAdmin]));
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            var problem = await response.ReadProblemAsync();
            problem.GetProperty("code").GetString().ShouldBe("Error:RoleNotGrantable");
            problem.GetProperty("title").GetString()!.ShouldContain("市级管理员");
        }

        var roles = await cityAdmin.GetFromJsonAsync<UserDto>($"/api/app/users/{editor.Id}", HttpJson.Options);
        roles!.RoleNames.ShouldBe([editorRole.Name]);

        // What the editor holds itself may be granted, and the city administrator may grant the clerk role.
        (await editorClient.PutAsJsonAsync($"/api/app/users/{victim.Id}", Update(victim, ["clerk", editorRole.Name]))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var other = await CreateUserAsync(cityAdmin, "other-clerk", "clerk");
        other.RoleNames.ShouldBe(["clerk"]);
    }

    [Fact]
    public async Task Should_Refuse_Creating_A_User_With_A_Role_The_Creator_Does_Not_Hold()
    {
        using var cityAdmin = await host.ClientForAsync("酒泉", "admin");
        var creatorRole = await CreateRoleAsync(cityAdmin, "user-creator", PilotAssessmentPermissions.Users.Default, PilotAssessmentPermissions.Users.Create);
        await CreateUserAsync(cityAdmin, "creator", creatorRole.Name);
        using var creator = await host.ClientForAsync("酒泉", "creator", password: PilotAssessmentHostFixture.NewUserPassword);

        var response = await creator.PostAsJsonAsync("/api/app/users", new CreateUserInput { UserName = "new-boss", Password = PilotAssessmentHostFixture.NewUserPassword, RoleNames = [RoleNames.CityAdmin] });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.ReadProblemAsync()).GetProperty("code").GetString().ShouldBe("Error:RoleNotGrantable");
        var list = await cityAdmin.GetFromJsonAsync<PagedResultDto<UserDto>>("/api/app/users?filter=new-boss", HttpJson.Options);
        list!.TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task Should_Refuse_Granting_A_Permission_The_Granter_Does_Not_Hold()
    {
        using var cityAdmin = await host.ClientForAsync("金昌", "admin");
        var managerRole = await CreateRoleAsync(cityAdmin, "perm-manager", PilotAssessmentPermissions.Roles.Default, PilotAssessmentPermissions.Roles.ManagePermissions);
        await CreateUserAsync(cityAdmin, "perm-manager", managerRole.Name);
        using var manager = await host.ClientForAsync("金昌", "perm-manager", password: PilotAssessmentHostFixture.NewUserPassword);

        var response = await manager.PutAsJsonAsync($"/api/app/roles/{managerRole.Id}/permissions", new UpdatePermissionsInput
        {
            GrantedPermissions = [PilotAssessmentPermissions.Roles.Default, PilotAssessmentPermissions.Roles.ManagePermissions, PilotAssessmentPermissions.Users.Delete],
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.ReadProblemAsync()).GetProperty("code").GetString().ShouldBe("Error:PermissionNotHeld");
        var granted = await cityAdmin.GetFromJsonAsync<PermissionListDto>($"/api/app/roles/{managerRole.Id}/permissions", HttpJson.Options);
        granted!.Groups.SelectMany(g => g.Permissions).Where(p => p.IsGranted).Select(p => p.Name)
            .ShouldBe([PilotAssessmentPermissions.Roles.Default, PilotAssessmentPermissions.Roles.ManagePermissions], ignoreOrder: true);

        // Keeping what the role has, or removing from it, needs nothing more.
        (await manager.PutAsJsonAsync($"/api/app/roles/{managerRole.Id}/permissions", new UpdatePermissionsInput { GrantedPermissions = [PilotAssessmentPermissions.Roles.Default, PilotAssessmentPermissions.Roles.ManagePermissions] }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<RoleDto> CreateRoleAsync(HttpClient admin, string name, params string[] permissions)
    {
        var role = await (await admin.PostAsJsonAsync("/api/app/roles", new RoleInput { Name = name })).ReadJsonAsync<RoleDto>();
        (await admin.PutAsJsonAsync($"/api/app/roles/{role!.Id}/permissions", new UpdatePermissionsInput { GrantedPermissions = [.. permissions] }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        return role;
    }

    private static async Task<UserDto> CreateUserAsync(HttpClient admin, string userName, string role)
    {
        var created = await admin.PostAsJsonAsync("/api/app/users", new CreateUserInput { UserName = userName, Password = PilotAssessmentHostFixture.NewUserPassword, RoleNames = [role] });
        created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        return (await created.ReadJsonAsync<UserDto>())!;
    }

    private static UpdateUserInput Update(UserDto user, List<string> roles) => new()
    {
        UserName = user.UserName,
        Name = user.Name,
        Email = user.Email,
        IsActive = user.IsActive,
        RoleNames = roles,
        ConcurrencyStamp = user.ConcurrencyStamp!,
    };
}

public sealed class GrantEscalation_Http_Sqlite_Tests(SqliteHostFixture host) : GrantEscalation_Http_Tests<SqliteHostFixture>(host);

public sealed class GrantEscalation_Http_MySql_Tests(MySqlHostFixture host) : GrantEscalation_Http_Tests<MySqlHostFixture>(host);

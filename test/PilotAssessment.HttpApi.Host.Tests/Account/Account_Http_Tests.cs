using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using PilotAssessment.Dtos;
using PilotAssessment.Identity;
using PilotAssessment.Tenants;
using Shouldly;
using Xunit;

namespace PilotAssessment.Account;

public abstract class Account_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    [Fact]
    public async Task Should_Lock_Out_After_The_Configured_Number_Of_Failed_Sign_Ins()
    {
        using var cityAdmin = await host.ClientForAsync("张掖", "admin");
        (await cityAdmin.PostAsJsonAsync("/api/app/users", new CreateUserInput { UserName = "lockme", Password = PilotAssessmentHostFixture.NewUserPassword, RoleNames = ["clerk"] }))
            .EnsureSuccessStatusCode();
        using var client = host.CreateClient();

        // The tests configure 3 attempts (Identity:Lockout:MaxFailedAccessAttempts).
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var failed = await client.PostAsJsonAsync("/api/account/login", new LoginInput { Tenant = "张掖", UserName = "lockme", Password = "Wrong1!" });
            (await failed.ReadProblemAsync()).GetProperty("code").GetString().ShouldBe("Error:InvalidCredentials");
        }

        var third = await client.PostAsJsonAsync("/api/account/login", new LoginInput { Tenant = "张掖", UserName = "lockme", Password = "Wrong1!" });
        (await third.ReadProblemAsync()).GetProperty("code").GetString().ShouldBe("Error:UserLockedOut");

        var correct = await client.PostAsJsonAsync("/api/account/login", new LoginInput { Tenant = "张掖", UserName = "lockme", Password = PilotAssessmentHostFixture.NewUserPassword });
        correct.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await correct.ReadProblemAsync()).GetProperty("title").GetString()!.ShouldStartWith("登录失败次数过多");
    }

    [Fact]
    public async Task Should_Refuse_A_Revoked_Or_Already_Used_Refresh_Token()
    {
        var first = await host.SignInAsync("天水", "clerk");
        using var client = host.CreateClient();

        var refreshed = await client.PostAsJsonAsync("/api/account/refresh", new RefreshTokenInput { RefreshToken = first.RefreshToken });
        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = (await refreshed.ReadJsonAsync<TokenResultDto>())!;

        (await client.PostAsJsonAsync("/api/account/refresh", new RefreshTokenInput { RefreshToken = first.RefreshToken }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await client.PostAsJsonAsync("/api/account/logout", new RefreshTokenInput { RefreshToken = second.RefreshToken })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/account/refresh", new RefreshTokenInput { RefreshToken = second.RefreshToken }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Should_Create_A_City_With_Its_Admin_And_Refuse_Sign_In_Once_Deactivated()
    {
        using var official = await host.ClientForAsync(null, "admin");
        var created = await official.PostAsJsonAsync("/api/app/tenants", new CreateTenantInput
        {
            Name = "白银",
            DisplayName = "白银市",
            AdminUserName = "admin",
            AdminPassword = "Baiyin#2026",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        var tenant = (await created.ReadJsonAsync<TenantDto>())!;

        // The same user name exists in the province and in every city.
        var token = await host.SignInAsync("白银", "admin", "Baiyin#2026");
        token.AccessToken.ShouldNotBeNullOrEmpty();

        // The province chose this password: the city's administrator must replace it before doing anything else.
        token.MustChangePassword.ShouldBeTrue();
        using (var first = host.CreateClient())
        {
            first.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
            (await first.GetAsync("/api/app/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await official.PostAsync($"/api/app/tenants/{tenant.Id}/deactivate", null)).EnsureSuccessStatusCode();

        using var client = host.CreateClient();
        var refused = await client.PostAsJsonAsync("/api/account/login", new LoginInput { Tenant = "白银", UserName = "admin", Password = "Baiyin#2026" });
        (await refused.ReadProblemAsync()).GetProperty("code").GetString().ShouldBe("Error:TenantInactive");

        using var stale = host.CreateClient();
        stale.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        (await stale.GetAsync("/api/app/application-configuration")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostAsJsonAsync("/api/account/refresh", new RefreshTokenInput { RefreshToken = token.RefreshToken })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await official.PostAsync($"/api/app/tenants/{tenant.Id}/activate", null)).EnsureSuccessStatusCode();
        (await host.SignInAsync("白银", "admin", "Baiyin#2026")).AccessToken.ShouldNotBeNullOrEmpty();

        // Deactivating the city revoked its sessions: reactivating it does not bring them back.
        (await client.PostAsJsonAsync("/api/account/refresh", new RefreshTokenInput { RefreshToken = token.RefreshToken })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Should_Refuse_A_Duplicate_City_Name_And_Keep_Nothing_Of_A_Failed_Creation()
    {
        using var official = await host.ClientForAsync(null, "admin");

        var duplicate = await official.PostAsJsonAsync("/api/app/tenants", new CreateTenantInput { Name = "兰州", DisplayName = "兰州市", AdminPassword = "Lanzhou#2026" });
        (await duplicate.ReadProblemAsync()).GetProperty("code").GetString().ShouldBe("Error:TenantNameTaken");

        var weakPassword = await official.PostAsJsonAsync("/api/app/tenants", new CreateTenantInput { Name = "定西", DisplayName = "定西市", AdminPassword = "weak" });
        weakPassword.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var list = await official.GetFromJsonAsync<PagedResultDto<TenantDto>>("/api/app/tenants?filter=定西", HttpJson.Options);
        list!.TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task Should_Refuse_A_Stale_Concurrency_Stamp_When_Renaming_A_City()
    {
        using var official = await host.ClientForAsync(null, "admin");
        var id = await host.TenantIdAsync("酒泉");
        var tenant = await official.GetFromJsonAsync<TenantDto>($"/api/app/tenants/{id}", HttpJson.Options);

        (await official.PutAsJsonAsync($"/api/app/tenants/{id}", new UpdateTenantInput { DisplayName = "酒泉市（一）", ConcurrencyStamp = tenant!.ConcurrencyStamp! }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await official.PutAsJsonAsync($"/api/app/tenants/{id}", new UpdateTenantInput { DisplayName = "酒泉市（二）", ConcurrencyStamp = tenant.ConcurrencyStamp! });

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await official.GetFromJsonAsync<TenantDto>($"/api/app/tenants/{id}", HttpJson.Options))!.DisplayName.ShouldBe("酒泉市（一）");
    }

    [Fact]
    public async Task Should_Let_A_User_Change_The_Own_Password()
    {
        using var cityAdmin = await host.ClientForAsync("金昌", "admin");
        (await cityAdmin.PostAsJsonAsync("/api/app/users", new CreateUserInput { UserName = "changer", Password = PilotAssessmentHostFixture.NewUserPassword, RoleNames = ["clerk"] }))
            .EnsureSuccessStatusCode();
        using var changer = await host.ClientForAsync("金昌", "changer", password: PilotAssessmentHostFixture.NewUserPassword);

        var wrong = await changer.PostAsJsonAsync("/api/account/change-password", new ChangePasswordInput { CurrentPassword = "Nope1!", NewPassword = "Changed#2026" });
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await changer.PostAsJsonAsync("/api/account/change-password", new ChangePasswordInput { CurrentPassword = PilotAssessmentHostFixture.NewUserPassword, NewPassword = "Changed#2026" }))
            .EnsureSuccessStatusCode();

        (await host.SignInAsync("金昌", "changer", "Changed#2026")).AccessToken.ShouldNotBeNullOrEmpty();
    }
}

public sealed class Account_Http_Sqlite_Tests(SqliteHostFixture host) : Account_Http_Tests<SqliteHostFixture>(host);

public sealed class Account_Http_MySql_Tests(MySqlHostFixture host) : Account_Http_Tests<MySqlHostFixture>(host);

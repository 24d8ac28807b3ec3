using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PilotAssessment.Dtos;
using PilotAssessment.Identity;
using Shouldly;
using Xunit;

namespace PilotAssessment.Account;

/// <summary>Sessions end when they must: token families, parallel refreshes, password changes, deactivation; the password policy; lockout.</summary>
public abstract class SignIn_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    private const string Refresh = "/api/account/refresh";

    // Any endpoint that needs a signed-in clerk (the application configuration also answers anonymous callers).
    private const string Protected = "/api/app/periods";

    [Fact]
    public async Task Should_Revoke_The_Whole_Family_When_A_Rotated_Refresh_Token_Is_Reused()
    {
        var first = await host.SignInAsync("兰州", "clerk");
        using var client = host.CreateClient();
        var second = (await (await client.PostAsJsonAsync(Refresh, new RefreshTokenInput { RefreshToken = first.RefreshToken })).ReadJsonAsync<TokenResultDto>())!;
        var other = await host.SignInAsync("兰州", "clerk");

        // The first token again: someone holds a copy. Its family (second, and what came from it) ends; another sign-in does not.
        (await client.PostAsJsonAsync(Refresh, new RefreshTokenInput { RefreshToken = first.RefreshToken })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.PostAsJsonAsync(Refresh, new RefreshTokenInput { RefreshToken = second.RefreshToken })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.PostAsJsonAsync(Refresh, new RefreshTokenInput { RefreshToken = other.RefreshToken })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_Let_Only_One_Of_Two_Parallel_Refreshes_Of_One_Token_Succeed()
    {
        for (var round = 0; round < 3; round++)
        {
            var token = await host.SignInAsync("天水", "clerk");
            using var a = host.CreateClient();
            using var b = host.CreateClient();
            var input = new RefreshTokenInput { RefreshToken = token.RefreshToken };
            var answers = await Task.WhenAll(a.PostAsJsonAsync(Refresh, input), b.PostAsJsonAsync(Refresh, input));

            answers.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1, string.Join(", ", answers.Select(r => r.StatusCode)));
            answers.Count(r => r.StatusCode == HttpStatusCode.Unauthorized).ShouldBe(1);
        }
    }

    [Fact]
    public async Task Should_End_Other_Sessions_When_A_User_Changes_The_Password()
    {
        var (_, password) = await CreateClerkAsync("酒泉", "pwchanger");
        var elsewhere = await host.SignInAsync("酒泉", "pwchanger", password);
        using var here = await host.ClientForAsync("酒泉", "pwchanger", password: password);

        var changed = await here.PostAsJsonAsync("/api/account/change-password", new ChangePasswordInput { CurrentPassword = password, NewPassword = "Bianhuan#2026" });
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var fresh = (await changed.ReadJsonAsync<TokenResultDto>())!;

        using var client = host.CreateClient();
        (await client.PostAsJsonAsync(Refresh, new RefreshTokenInput { RefreshToken = elsewhere.RefreshToken })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Bearer(elsewhere.AccessToken).GetAsync(Protected)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Bearer(fresh.AccessToken).GetAsync(Protected)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsJsonAsync(Refresh, new RefreshTokenInput { RefreshToken = fresh.RefreshToken })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_Refuse_The_Tokens_Of_A_User_At_Once_When_Deactivated_Or_The_Password_Is_Reset()
    {
        using var admin = await host.ClientForAsync("张掖", "admin");
        var (deactivated, password) = await CreateClerkAsync("张掖", "leaver");
        var (reset, _) = await CreateClerkAsync("张掖", "forgetful");
        var leaver = await host.SignInAsync("张掖", "leaver", password);
        var forgetful = await host.SignInAsync("张掖", "forgetful", password);
        (await Bearer(leaver.AccessToken).GetAsync(Protected)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Bearer(forgetful.AccessToken).GetAsync(Protected)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await admin.PutAsJsonAsync($"/api/app/users/{deactivated.Id}", Update(deactivated, u => u.IsActive = false))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PutAsJsonAsync($"/api/app/users/{reset.Id}", Update(reset, u => u.Password = "Chongzhi#2026"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var client = host.CreateClient();
        foreach (var token in new[] { leaver, forgetful })
        {
            (await Bearer(token.AccessToken).GetAsync(Protected)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await client.PostAsJsonAsync(Refresh, new RefreshTokenInput { RefreshToken = token.RefreshToken })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task Should_Require_Ten_Characters_And_Refuse_Common_Passwords()
    {
        CommonPasswordValidator.ListedCount.ShouldBe(1000);
        using var admin = await host.ClientForAsync("金昌", "admin");

        var tooShort = await admin.PostAsJsonAsync("/api/app/users", new CreateUserInput { UserName = "short-pw", Password = "Abcdef#12", RoleNames = ["clerk"] });
        tooShort.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooShort.ReadProblemAsync()).GetProperty("errors").GetProperty("password")[0].GetString().ShouldBe("密码至少需要 10 个字符。");

        using var en = await host.ClientForAsync("金昌", "admin");
        en.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var common = await en.PostAsJsonAsync("/api/app/users", new CreateUserInput { UserName = "common-pw", Password = "qwertyuiop", RoleNames = ["clerk"] });
        common.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var messages = (await common.ReadProblemAsync()).GetProperty("errors").GetProperty("password").EnumerateArray().Select(e => e.GetString()).ToList();
        messages.ShouldContain("This password is among the most common ones and easy to guess; choose another.");
        messages.ShouldNotContain(m => m!.Contains("10"));

        (await admin.PostAsJsonAsync("/api/app/users", new CreateUserInput { UserName = "good-pw", Password = "Qiangmima#2026", RoleNames = ["clerk"] }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_Answer_An_Unknown_User_Exactly_Like_A_Known_One_Up_To_The_Lockout()
    {
        await CreateClerkAsync("兰州", "known-lock");
        var known = await FailThreeTimesAsync("known-lock");
        var unknown = await FailThreeTimesAsync("nobody-here");

        known.ShouldBe(unknown);
        known[2].ShouldContain("Error:UserLockedOut");
        known[0].ShouldContain("Error:InvalidCredentials");
    }

    private async Task<List<string>> FailThreeTimesAsync(string userName)
    {
        using var client = host.CreateClient();
        var answers = new List<string>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var response = await client.PostAsJsonAsync("/api/account/login", new LoginInput { Tenant = "兰州", UserName = userName, Password = "Wrong#Pass1" });
            var problem = await response.ReadProblemAsync();
            answers.Add($"{(int)response.StatusCode} {problem.GetProperty("code").GetString()} {problem.GetProperty("title").GetString()} {problem.GetProperty("detail").GetString()}");
        }

        return answers;
    }

    private async Task<(UserDto User, string Password)> CreateClerkAsync(string tenant, string userName)
    {
        using var admin = await host.ClientForAsync(tenant, "admin");
        var created = await admin.PostAsJsonAsync("/api/app/users", new CreateUserInput { UserName = userName, Password = PilotAssessmentHostFixture.NewUserPassword, RoleNames = ["clerk"] });
        created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        return ((await created.ReadJsonAsync<UserDto>())!, PilotAssessmentHostFixture.NewUserPassword);
    }

    private static UpdateUserInput Update(UserDto user, Action<UpdateUserInput> change)
    {
        var input = new UpdateUserInput
        {
            UserName = user.UserName,
            Name = user.Name,
            Email = user.Email,
            IsActive = user.IsActive,
            RoleNames = user.RoleNames.ToList(),
            ConcurrencyStamp = user.ConcurrencyStamp!,
        };
        change(input);
        return input;
    }

    private HttpClient Bearer(string accessToken)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }
}

public sealed class SignIn_Http_Sqlite_Tests(SqliteHostFixture host) : SignIn_Http_Tests<SqliteHostFixture>(host);

public sealed class SignIn_Http_MySql_Tests(MySqlHostFixture host) : SignIn_Http_Tests<MySqlHostFixture>(host);

using System.Net;
using System.Net.Http.Json;
using PilotAssessment.Identity;
using Shouldly;
using Xunit;

namespace PilotAssessment.Account;

/// <summary>
/// A provincial account signing in with a city chosen, or a city's account on the province side, is told which side
/// to use; the answer is the same whether the password was right or not, and the lockout still counts.
/// </summary>
public abstract class WrongSide_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    private const string Login = "/api/account/login";

    [Fact]
    public async Task Should_Tell_A_Provincial_Account_Signing_In_To_A_City_To_Use_The_Province_Side()
    {
        await CreateUserAsync(null, "prov-side", RoleNames.Official);

        var right = await SignInAsync("兰州", "prov-side", PilotAssessmentHostFixture.NewUserPassword);
        right.Code.ShouldBe(PilotAssessmentErrorCodes.SignInOnProvinceSide);
        right.Title.ShouldBe("该账号是省级账号，请在登录页选择“省级（平台）”后登录，不要选择试点城市。");
        var wrong = await SignInAsync("兰州", "PROV-SIDE ", "Wrong#Pass1");
        wrong.ShouldBe(right);
        (await SignInAsync("天水", "prov-side", "Wrong#Pass1", "en")).Title
            .ShouldBe("This is a provincial account: on the sign-in page choose \"Province (platform)\" and no pilot city.");

        // The third failure in a row locks the name out in that city, as for any unknown name.
        (await SignInAsync("兰州", "prov-side", "Wrong#Pass1")).Code.ShouldBe(PilotAssessmentErrorCodes.UserLockedOut);

        // On the right side the account signs in.
        (await host.SignInAsync(null, "prov-side", PilotAssessmentHostFixture.NewUserPassword)).AccessToken.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Should_Tell_A_Citys_Account_Signing_In_To_The_Province_To_Choose_Its_City()
    {
        await CreateUserAsync("天水", "city-side", RoleNames.Clerk);

        var right = await SignInAsync(null, "city-side", PilotAssessmentHostFixture.NewUserPassword);
        right.Code.ShouldBe(PilotAssessmentErrorCodes.SignInOnCitySide);
        right.Title.ShouldBe("该账号是试点城市的账号，请在登录页选择“试点城市”并选中所在城市后登录。");
        right.Title.ShouldNotContain("天水");
        var wrong = await SignInAsync(null, "city-side", "Wrong#Pass1", "en");
        wrong.Code.ShouldBe(right.Code);
        wrong.Title.ShouldBe("This is a pilot city's account: on the sign-in page choose \"Pilot city\" and your city.");

        // Another city is not the province: the name is simply unknown there.
        (await SignInAsync("金昌", "city-side", PilotAssessmentHostFixture.NewUserPassword)).Code.ShouldBe(PilotAssessmentErrorCodes.InvalidCredentials);
        (await host.SignInAsync("天水", "city-side", PilotAssessmentHostFixture.NewUserPassword)).AccessToken.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Should_Answer_Wrong_Credentials_For_A_Name_Known_On_This_Side_Or_Nowhere()
    {
        // "admin" exists in the province and in every city: a wrong password is only a wrong password.
        (await SignInAsync("兰州", "admin", "Wrong#Pass1")).Code.ShouldBe(PilotAssessmentErrorCodes.InvalidCredentials);
        (await SignInAsync(null, "admin", "Wrong#Pass1")).Code.ShouldBe(PilotAssessmentErrorCodes.InvalidCredentials);
        (await SignInAsync(null, "nobody-anywhere", "Wrong#Pass1")).Code.ShouldBe(PilotAssessmentErrorCodes.InvalidCredentials);
        (await SignInAsync("酒泉", "nobody-anywhere", "Wrong#Pass1")).Code.ShouldBe(PilotAssessmentErrorCodes.InvalidCredentials);
    }

    private async Task CreateUserAsync(string? tenant, string userName, string role)
    {
        using var admin = await host.ClientForAsync(tenant, "admin");
        var created = await admin.PostAsJsonAsync("/api/app/users", new CreateUserInput { UserName = userName, Password = PilotAssessmentHostFixture.NewUserPassword, RoleNames = [role] });
        created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
    }

    private async Task<Answer> SignInAsync(string? tenant, string userName, string password, string? language = null)
    {
        using var client = host.CreateClient(language);
        var response = await client.PostAsJsonAsync(Login, new LoginInput { Tenant = tenant, UserName = userName, Password = password });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        return new Answer(
            problem.GetProperty("code").GetString()!,
            problem.GetProperty("title").GetString()!,
            problem.TryGetProperty("errors", out var errors) ? errors.GetRawText() : null);
    }

    private sealed record Answer(string Code, string Title, string? Errors);
}

public sealed class WrongSide_Http_Sqlite_Tests(SqliteHostFixture host) : WrongSide_Http_Tests<SqliteHostFixture>(host);

public sealed class WrongSide_Http_MySql_Tests(MySqlHostFixture host) : WrongSide_Http_Tests<MySqlHostFixture>(host);

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using PilotAssessment.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace PilotAssessment.Account;

/// <summary>An installation without demo data: its first administrator has the configured password and must change it.</summary>
public abstract class FirstAdministratorHostFixture(DatabaseProvider provider) : PilotAssessmentHostFixture(provider)
{
    public const string InitialPassword = "Chushi#Mima2026";

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Database:SeedDemoData"] = "false",
        ["Identity:InitialAdminPassword"] = InitialPassword,
    };
}

public sealed class SqliteFirstAdministratorHostFixture() : FirstAdministratorHostFixture(DatabaseProvider.Sqlite);

public sealed class MySqlFirstAdministratorHostFixture() : FirstAdministratorHostFixture(DatabaseProvider.MySql);

public abstract class FirstAdministrator_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : FirstAdministratorHostFixture
{
    [Fact]
    public async Task Should_Seed_No_Demo_Password_And_Make_The_First_Administrator_Change_The_Configured_One()
    {
        using var anonymous = host.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/account/login", new LoginInput { UserName = "admin", Password = PilotAssessmentHostFixture.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await anonymous.PostAsJsonAsync("/api/account/login", new LoginInput { UserName = "official", Password = PilotAssessmentHostFixture.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var first = await host.SignInAsync(null, "admin", FirstAdministratorHostFixture.InitialPassword);
        first.MustChangePassword.ShouldBeTrue();
        using var admin = host.CreateClient("en");
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", first.AccessToken);

        var refused = await admin.GetAsync("/api/app/tenants");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var problem = await refused.ReadProblemAsync();
        problem.GetProperty("code").GetString().ShouldBe("Error:PasswordChangeRequired");
        problem.GetProperty("title").GetString().ShouldBe("Change your password first: it must be changed at first sign-in.");
        (await admin.GetAsync("/api/app/application-configuration")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var changed = await admin.PostAsJsonAsync("/api/account/change-password",
            new ChangePasswordInput { CurrentPassword = FirstAdministratorHostFixture.InitialPassword, NewPassword = "Xinde#Mima2026" });
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var fresh = (await changed.ReadJsonAsync<TokenResultDto>())!;
        fresh.MustChangePassword.ShouldBeFalse();

        using var changedAdmin = host.CreateClient();
        changedAdmin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fresh.AccessToken);
        (await changedAdmin.GetAsync("/api/app/tenants")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.SignInAsync(null, "admin", "Xinde#Mima2026")).MustChangePassword.ShouldBeFalse();
    }
}

public sealed class FirstAdministrator_Http_Sqlite_Tests(SqliteFirstAdministratorHostFixture host) : FirstAdministrator_Http_Tests<SqliteFirstAdministratorHostFixture>(host);

public sealed class FirstAdministrator_Http_MySql_Tests(MySqlFirstAdministratorHostFixture host) : FirstAdministrator_Http_Tests<MySqlFirstAdministratorHostFixture>(host);

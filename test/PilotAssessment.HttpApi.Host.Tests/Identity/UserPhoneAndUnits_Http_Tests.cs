using System.Net;
using System.Net.Http.Json;
using PilotAssessment.Dtos;
using PilotAssessment.OrganizationUnits;
using Shouldly;
using Xunit;

namespace PilotAssessment.Identity;

/// <summary>The user list shows each user's phone (entered and checked here) and the city units the user belongs to.</summary>
public abstract class UserPhoneAndUnits_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    private const string Users = "/api/app/users";

    [Fact]
    public async Task Should_Keep_A_Valid_Phone_And_Refuse_Others_With_A_Localized_Field_Error()
    {
        using var admin = await host.ClientForAsync("天水", "admin");
        var created = await admin.PostAsJsonAsync(Users, new CreateUserInput
        {
            UserName = "phone-user",
            Password = PilotAssessmentHostFixture.NewUserPassword,
            PhoneNumber = " 138 1234 5678 ",
            RoleNames = ["clerk"],
        });
        created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        var user = (await created.ReadJsonAsync<UserDto>())!;
        user.PhoneNumber.ShouldBe("13812345678");

        var landline = await admin.PutAsJsonAsync($"{Users}/{user.Id}", Update(user, "0938-8212345"));
        landline.StatusCode.ShouldBe(HttpStatusCode.OK, await landline.Content.ReadAsStringAsync());
        user = (await landline.ReadJsonAsync<UserDto>())!;
        user.PhoneNumber.ShouldBe("0938-8212345");
        var found = await admin.GetFromJsonAsync<PagedResultDto<UserDto>>($"{Users}?filter=8212345", HttpJson.Options);
        found!.Items.Single().UserName.ShouldBe("phone-user");

        foreach (var wrong in new[] { "12345", "2381234567a", "１３８１２３４５６７８", "138123456789" })
        {
            var refused = await admin.PutAsJsonAsync($"{Users}/{user.Id}", Update(user, wrong));
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, wrong);
            (await refused.ReadProblemAsync()).GetProperty("errors").GetProperty("phoneNumber")[0].GetString()
                .ShouldBe("请填写正确的手机号（如 13812345678）或带区号的固定电话（如 0931-8123456）。");
        }

        using var en = await host.ClientForAsync("天水", "admin");
        en.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = await en.PostAsJsonAsync(Users, new CreateUserInput { UserName = "phone-bad", Password = PilotAssessmentHostFixture.NewUserPassword, PhoneNumber = "110", RoleNames = ["clerk"] });
        english.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await english.ReadProblemAsync()).GetProperty("errors").GetProperty("phoneNumber")[0].GetString()
            .ShouldBe("Enter a mobile number (e.g. 13812345678) or a landline with its area code (e.g. 0931-8123456).");
        (await admin.GetFromJsonAsync<PagedResultDto<UserDto>>($"{Users}?filter=phone-bad", HttpJson.Options))!.TotalCount.ShouldBe(0);

        // Emptying the phone removes it.
        var cleared = await admin.PutAsJsonAsync($"{Users}/{user.Id}", Update(user, "  "));
        (await cleared.ReadJsonAsync<UserDto>())!.PhoneNumber.ShouldBeNull();
    }

    [Fact]
    public async Task Should_List_The_Open_Units_Each_User_Belongs_To()
    {
        using var admin = await host.ClientForAsync("酒泉", "admin");
        var police = await OrganizationUnits_Http_Tests<THost>.CreateAsync(admin, "JQ-U-GA", "酒泉市公安局", OrganizationUnitKind.Department, null);
        var justice = await OrganizationUnits_Http_Tests<THost>.CreateAsync(admin, "JQ-U-SF", "酒泉市司法局", OrganizationUnitKind.Department, null);
        var closed = await OrganizationUnits_Http_Tests<THost>.CreateAsync(admin, "JQ-U-OLD", "酒泉市综治办", OrganizationUnitKind.Department, null);
        var clerk = await OrganizationUnits_Http_Tests<THost>.UserIdAsync(admin, "clerk");
        foreach (var unit in new[] { justice, police, closed })
        {
            (await admin.PostAsync($"/api/app/organization-units/{unit.Id}/members/{clerk}", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await admin.PostAsync($"/api/app/organization-units/{closed.Id}/close", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var list = await admin.GetFromJsonAsync<PagedResultDto<UserDto>>($"{Users}?maxResultCount=100", HttpJson.Options);
        list!.Items.Single(u => u.UserName == "clerk").UnitNames.ShouldBe(["酒泉市公安局", "酒泉市司法局"]);
        list.Items.Single(u => u.UserName == "admin").UnitNames.ShouldBeEmpty();
        (await admin.GetFromJsonAsync<UserDto>($"{Users}/{clerk}", HttpJson.Options))!.UnitNames.ShouldBe(["酒泉市公安局", "酒泉市司法局"]);

        // Another city's clerk is in none of these units; the province's users have none.
        using var other = await host.ClientForAsync("金昌", "admin");
        (await other.GetFromJsonAsync<PagedResultDto<UserDto>>($"{Users}?maxResultCount=100", HttpJson.Options))!.Items.ShouldAllBe(u => u.UnitNames.Count == 0);
        (await other.GetAsync($"{Users}/{clerk}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var province = await host.ClientForAsync(null, "admin");
        (await province.GetFromJsonAsync<PagedResultDto<UserDto>>($"{Users}?maxResultCount=100", HttpJson.Options))!.Items.ShouldAllBe(u => u.UnitNames.Count == 0);
    }

    private static UpdateUserInput Update(UserDto user, string? phone) => new()
    {
        UserName = user.UserName,
        Name = user.Name,
        Email = user.Email,
        PhoneNumber = phone,
        IsActive = user.IsActive,
        RoleNames = user.RoleNames.ToList(),
        ConcurrencyStamp = user.ConcurrencyStamp!,
    };
}

public sealed class UserPhoneAndUnits_Http_Sqlite_Tests(SqliteHostFixture host) : UserPhoneAndUnits_Http_Tests<SqliteHostFixture>(host);

public sealed class UserPhoneAndUnits_Http_MySql_Tests(MySqlHostFixture host) : UserPhoneAndUnits_Http_Tests<MySqlHostFixture>(host);

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PilotAssessment.DataEntry;
using PilotAssessment.Identity;
using PilotAssessment.Periods;
using Shouldly;
using Xunit;

namespace PilotAssessment.Todo;

/// <summary>催报: the official sees the late cities of an open period and urges one; each of its clerks gets one notification, once a day.</summary>
public abstract class Urge_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    [Fact]
    public async Task Should_Urge_A_Late_City_Once_A_Day_With_One_Notification_Per_Clerk()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var cityAdmin = await host.ClientForAsync("金昌", "admin");
        var userName = $"urge-{period.Year}";
        (await cityAdmin.PostAsJsonAsync("/api/app/users", new CreateUserInput { UserName = userName, Password = PilotAssessmentHostFixture.NewUserPassword, RoleNames = ["clerk"] }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        using var official = await host.ClientForAsync(null, "official");
        var jinchang = await host.TenantIdAsync("金昌");

        var late = (await Todo_Http_Tests<THost>.TodoAsync(official)).Late.Single(l => l.PeriodId == period.Id);
        var city = late.Cities.Single(c => c.CityId == jinchang);
        (city.CityName, city.Reported, city.UrgedToday, city.SubmissionStatusText).ShouldBe(("金昌市", 0, false, "未提交"));
        late.CopyText.ShouldContain("金昌市：已填报 0/");
        late.CopyText.ShouldContain(period.EntryClosesAtLocal.Replace("T", " ", StringComparison.Ordinal));

        var urged = await official.PostAsync(UrgeUrl(period.Id, jinchang), null);
        urged.StatusCode.ShouldBe(HttpStatusCode.OK, await urged.Content.ReadAsStringAsync());
        var result = (await urged.ReadJsonAsync<UrgeResultDto>())!;
        result.Notified.ShouldBeGreaterThanOrEqualTo(3);
        result.Emailed.ShouldBe(0);
        result.CopyText.ShouldContain(period.Name);

        using var clerk = await host.ClientForAsync("金昌", "clerk");
        using var newClerk = await host.ClientForAsync("金昌", userName, password: PilotAssessmentHostFixture.NewUserPassword);
        foreach (var user in new[] { clerk, newClerk, cityAdmin })
        {
            var mine = (await UrgesAsync(user, period.Id)).ShouldHaveSingleItem();
            mine.Body.ShouldContain("金昌市");
            mine.Body.ShouldContain(period.EntryClosesAtLocal.Replace("T", " ", StringComparison.Ordinal));
        }

        using var otherCity = await host.ClientForAsync("天水", "clerk");
        (await UrgesAsync(otherCity, period.Id)).ShouldBeEmpty();

        // The same day again: refused, in the caller's language, and nobody is told twice.
        var again = await official.PostAsync(UrgeUrl(period.Id, jinchang), null);
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await again.ReadProblemAsync();
        problem.GetProperty("code").GetString().ShouldBe(TodoErrorCodes.AlreadyUrged);
        problem.GetProperty("title").GetString()!.ShouldStartWith("今天已于");
        (await UrgesAsync(clerk, period.Id)).Count.ShouldBe(1);
        var now = (await Todo_Http_Tests<THost>.TodoAsync(official)).Late.Single(l => l.PeriodId == period.Id).Cities.Single(c => c.CityId == jinchang);
        now.UrgedToday.ShouldBeTrue();
        now.LastUrgedLocal.ShouldNotBeNull();

        // Audited with its own wording.
        var logs = await official.GetAsync("/api/app/audit-logs?userName=official&httpMethod=POST&maxResultCount=200");
        var entries = (await logs.ReadJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
        entries.Where(e => e.GetProperty("url").GetString() == UrgeUrl(period.Id, jinchang)).Select(e => e.GetProperty("event").GetString())
            .ShouldContain(text => text!.Contains("向城市催报"));
    }

    [Fact]
    public async Task Should_Refuse_To_Urge_A_City_That_Submitted_An_Unknown_City_Or_For_A_City_User()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var admin = await host.ClientForAsync("张掖", "admin");
        (await admin.PutAsJsonAsync($"/api/app/data-entry/periods/{period.Id}/lines/B04", new SaveEntryLineInput { Value = new EntryValueDto { Number = 90 } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostAsync($"/api/app/data-entry/periods/{period.Id}/submit", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var official = await host.ClientForAsync(null, "official");
        var zhangye = await host.TenantIdAsync("张掖");

        var late = (await Todo_Http_Tests<THost>.TodoAsync(official)).Late.Single(l => l.PeriodId == period.Id);
        late.Cities.ShouldNotContain(c => c.CityId == zhangye);
        var submitted = await official.PostAsync(UrgeUrl(period.Id, zhangye), null);
        submitted.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await submitted.ReadProblemAsync()).GetProperty("code").GetString().ShouldBe(TodoErrorCodes.NothingToUrge);

        var unknown = await official.PostAsync(UrgeUrl(period.Id, Guid.NewGuid()), null);
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.ReadProblemAsync()).GetProperty("errors").GetProperty("cityId")[0].GetString().ShouldBe("未找到该试点城市，或该城市已停用。");
        (await official.PostAsync(UrgeUrl(Guid.NewGuid(), zhangye), null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // A city urges nobody, not even itself.
        (await admin.PostAsync(UrgeUrl(period.Id, zhangye), null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var auditor = await host.ClientForAsync(null, "auditor");
        (await auditor.PostAsync(UrgeUrl(period.Id, zhangye), null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // A planned period is not urged.
        var planned = await PeriodTestClient.CreatePeriodAsync(official, host.NewYear(), TimeSpan.FromDays(1), TimeSpan.FromDays(5), open: false);
        var notOpen = await official.PostAsync(UrgeUrl(planned.Id, await host.TenantIdAsync("兰州")), null);
        notOpen.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await notOpen.ReadProblemAsync()).GetProperty("title").GetString()!.ShouldContain("计划中");
    }

    private static string UrgeUrl(Guid periodId, Guid cityId) => $"{Todo_Http_Tests<THost>.Url}/periods/{periodId}/cities/{cityId}/urge";

    private static async Task<List<NotificationDto>> UrgesAsync(HttpClient client, Guid periodId)
    {
        var all = await client.GetFromJsonAsync<List<NotificationDto>>("/api/app/notifications", HttpJson.Options);
        return all!.Where(n => n.Key.StartsWith(TodoConsts.UrgeKeyPrefix(periodId), StringComparison.Ordinal)).ToList();
    }
}

public sealed class Urge_Http_Sqlite_Tests(SqliteHostFixture host) : Urge_Http_Tests<SqliteHostFixture>(host);

public sealed class Urge_Http_MySql_Tests(MySqlHostFixture host) : Urge_Http_Tests<MySqlHostFixture>(host);

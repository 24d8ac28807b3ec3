using System.Net;
using System.Net.Http.Json;
using PilotAssessment.Agreements;
using PilotAssessment.DataEntry;
using PilotAssessment.Identity;
using PilotAssessment.OrganizationUnits;
using PilotAssessment.Periods;
using PilotAssessment.Reviews;
using Shouldly;
using Xunit;

namespace PilotAssessment.Todo;

/// <summary>
/// The to-do (待办) of each role: a clerk's lines of their unit with the days left, the city administrator's lines to
/// check and the submission, the auditor's queue, the official's periods and late cities; never another city's or
/// another unit's items.
/// </summary>
public abstract class Todo_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    internal const string Url = "/api/app/todo";

    [Fact]
    public async Task Should_Give_A_Unit_Clerk_The_Lines_Of_Their_Unit_With_The_Days_Left_And_Never_Another_Citys()
    {
        var city = await CityWithUnitsAsync("兰州");
        using var police = city.Police;
        using var justice = city.Justice;

        var before = await EntryAsync(police, city.Period.Id);
        before.Expected.ShouldBe(1);
        before.Missing.ShouldBe(1);
        before.DaysLeft.ShouldBe(10);
        before.MayWrite.ShouldBeTrue();
        before.EntryClosesAtLocal.ShouldBe(city.Period.EntryClosesAtLocal.Replace("T", " ", StringComparison.Ordinal));
        before.ToCheck.ShouldBeNull();
        before.SubmissionStatus.ShouldBeNull();

        (await police.PutAsJsonAsync($"/api/app/data-entry/periods/{city.Period.Id}/lines/B04", new SaveEntryLineInput { Value = new EntryValueDto { Number = 80 } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await EntryAsync(police, city.Period.Id);
        after.Reported.ShouldBe(1);
        after.Missing.ShouldBe(0);

        // The other unit, the users of no unit and another city count only their own lines.
        var other = await EntryAsync(justice, city.Period.Id);
        (other.Expected, other.Reported).ShouldBe((1, 0));
        using var clerk = await host.ClientForAsync(city.Name, "clerk");
        var rest = await EntryAsync(clerk, city.Period.Id);
        rest.Reported.ShouldBe(0);
        using var admin = await host.ClientForAsync(city.Name, "admin");
        var whole = await EntryAsync(admin, city.Period.Id);
        whole.Expected.ShouldBe(rest.Expected + 2);
        whole.Reported.ShouldBe(1);
        whole.ToCheck.ShouldBe(0);
        whole.SubmissionStatus.ShouldBe("Draft");
        whole.SubmissionStatusText.ShouldBe("未提交");
        using var otherCity = await host.ClientForAsync("天水", "admin");
        (await EntryAsync(otherCity, city.Period.Id)).Reported.ShouldBe(0);

        // The unit reports its line: the city administrator has it to check, and nobody else.
        (await police.PostAsJsonAsync($"/api/app/data-entry/periods/{city.Period.Id}/lines/submit", new SubmitLinesInput { IndicatorCodes = ["B04"] }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await EntryAsync(admin, city.Period.Id)).ToCheck.ShouldBe(1);
        (await EntryAsync(otherCity, city.Period.Id)).ToCheck.ShouldBe(0);

        // A city's user has no province parts.
        var mine = await TodoAsync(police);
        mine.Review.ShouldBeEmpty();
        mine.Late.ShouldBeEmpty();
        mine.PeriodStates.ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_Queue_Submitted_Sheets_For_The_Auditor_And_Give_The_City_Its_Returned_Lines()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var admin = await host.ClientForAsync("酒泉", "admin");
        (await admin.PutAsJsonAsync($"/api/app/data-entry/periods/{period.Id}/lines/B04", new SaveEntryLineInput { Value = new EntryValueDto { Number = 70 } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var submitted = await admin.PostAsync($"/api/app/data-entry/periods/{period.Id}/submit", null);
        submitted.StatusCode.ShouldBe(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());

        using var auditor = await host.ClientForAsync(null, "auditor");
        var queue = (await TodoAsync(auditor)).Review.Single(r => r.PeriodId == period.Id);
        queue.Submitted.ShouldBe(1);
        queue.PeriodName.ShouldBe(period.Name);
        queue.Cities.Single().CityName.ShouldBe("酒泉市");
        queue.Cities.Single().TimeLocal.ShouldNotBeNullOrEmpty();
        using var official = await host.ClientForAsync(null, "official");
        (await TodoAsync(official)).Review.ShouldBeEmpty();

        var jiuquan = await host.TenantIdAsync("酒泉");
        var returned = await auditor.PostAsJsonAsync(
            $"/api/app/reviews/periods/{period.Id}/cities/{jiuquan}/return",
            new ReturnSubmissionInput { Comment = "请核实", Lines = [new ReturnLineInput { IndicatorCode = "B04", Comment = "请补充佐证" }] });
        returned.StatusCode.ShouldBe(HttpStatusCode.OK, await returned.Content.ReadAsStringAsync());

        var entry = await EntryAsync(admin, period.Id);
        entry.ReturnedCount.ShouldBe(1);
        entry.Returned.Single().IndicatorCode.ShouldBe("B04");
        entry.Returned.Single().IndicatorName.ShouldBe("扫黑除恶线索核查办结率");
        entry.Returned.Single().Comment.ShouldBe("请补充佐证");
        entry.SubmissionStatus.ShouldBe("Returned");
        (await TodoAsync(auditor)).Review.ShouldNotContain(r => r.PeriodId == period.Id);
        using var other = await host.ClientForAsync("张掖", "admin");
        (await EntryAsync(other, period.Id)).ReturnedCount.ShouldBe(0);
    }

    [Fact]
    public async Task Should_Show_Overdue_Problems_To_The_City_Administrator_And_The_Province_Only()
    {
        using var official = await host.ClientForAsync(null, "official");
        var tianshui = await host.TenantIdAsync("天水");
        var title = $"逾期未整改的问题{Guid.NewGuid():N}"[..16];
        var created = await official.PostAsJsonAsync("/api/app/supervision/problems", new
        {
            cityId = tianshui,
            title,
            category = "平安建设",
            deadline = DateOnly.FromDateTime(ProvinceTime.ToLocal(DateTime.UtcNow)).AddDays(-2),
        });
        created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());

        var province = (await TodoAsync(official)).OverdueProblems!;
        var item = province.Items.Single(p => p.Title == title);
        item.CityName.ShouldBe("天水市");
        item.OverdueDays.ShouldBe(2);
        using var admin = await host.ClientForAsync("天水", "admin");
        (await TodoAsync(admin)).OverdueProblems!.Items.ShouldContain(p => p.Title == title);
        using var otherCity = await host.ClientForAsync("兰州", "admin");
        (await TodoAsync(otherCity)).OverdueProblems!.Items.ShouldNotContain(p => p.Title == title);

        // Not handed to a unit yet: a clerk of no unit does not follow it.
        using var clerk = await host.ClientForAsync("天水", "clerk");
        (await TodoAsync(clerk)).OverdueProblems!.Items.ShouldNotContain(p => p.Title == title);
    }

    internal static async Task<TodoDto> TodoAsync(HttpClient client)
    {
        var response = await client.GetAsync(Url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<TodoDto>())!;
    }

    internal static async Task<EntryTodoDto> EntryAsync(HttpClient client, Guid periodId) =>
        (await TodoAsync(client)).Entry.Single(e => e.PeriodId == periodId);

    /// <summary>Two units of the city, B04 handed to 公安局 and F01 to 司法局, each with a clerk of its own.</summary>
    private async Task<UnitCity> CityWithUnitsAsync(string city)
    {
        var year = host.NewYear();
        using var official = await host.ClientForAsync(null, "official");
        var agreement = await AgreementTestClient.InForceAsync(host, official, city, year);
        var period = await PeriodTestClient.CreateOpenPeriodAsync(official, year);
        using var admin = await host.ClientForAsync(city, "admin");
        var police = await OrganizationUnits_Http_Tests<THost>.CreateAsync(admin, $"GA-{year}", $"公安局{year}", OrganizationUnitKind.Department, null);
        var justice = await OrganizationUnits_Http_Tests<THost>.CreateAsync(admin, $"SF-{year}", $"司法局{year}", OrganizationUnitKind.Department, null);
        var policeClerk = await UnitTestClient.CreateMemberAsync(host, admin, city, police.Id, $"ga-{year}");
        var justiceClerk = await UnitTestClient.CreateMemberAsync(host, admin, city, justice.Id, $"sf-{year}");
        var assigned = await admin.PutAsJsonAsync($"{AgreementTestClient.Url}/{agreement.Id}/assignments", new AssignUnitsInput
        {
            Lines = [new() { Code = "B04", UnitId = police.Id }, new() { Code = "F01", UnitId = justice.Id }],
        });
        assigned.StatusCode.ShouldBe(HttpStatusCode.OK, await assigned.Content.ReadAsStringAsync());
        return new UnitCity(city, period, policeClerk, justiceClerk);
    }

    private sealed record UnitCity(string Name, PeriodDto Period, HttpClient Police, HttpClient Justice);
}

public sealed class Todo_Http_Sqlite_Tests(SqliteHostFixture host) : Todo_Http_Tests<SqliteHostFixture>(host);

public sealed class Todo_Http_MySql_Tests(MySqlHostFixture host) : Todo_Http_Tests<MySqlHostFixture>(host);

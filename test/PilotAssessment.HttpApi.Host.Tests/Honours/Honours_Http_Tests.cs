using System.Net;
using System.Net.Http.Json;
using PilotAssessment.Dtos;
using PilotAssessment.Periods;
using PilotAssessment.Results;
using PilotAssessment.Schemes;
using Shouldly;
using Xunit;

namespace PilotAssessment.Honours;

/// <summary>
/// Honours over HTTP: a rule of the sample scheme's series, two annual periods published and made final, the award
/// made at the second one, revoked by a retroactive veto with its reason, revoked by hand, re-evaluated when the rule
/// changes; the city profile read by the province and by the city itself only.
/// </summary>
public abstract class Honours_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    [Fact]
    public async Task Should_Award_On_The_Second_Final_Year_Revoke_On_A_Retroactive_Veto_And_Show_It_On_The_City_Profile()
    {
        using var official = await host.ClientForAsync(null, "official");
        var series = (await official.GetFromJsonAsync<List<HonourSeriesDto>>("/api/app/honours/series", HttpJson.Options))!;
        var scheme = await SampleSchemeAsync(official);
        series.Single(s => s.Name == scheme.Name).Grades.ShouldContain("优秀");
        var (lanzhou, tianshui) = (await host.TenantIdAsync("兰州"), await host.TenantIdAsync("天水"));

        var first = await PublishedAndFinalAsync(official);
        var firstRanking = (await official.GetFromJsonAsync<List<RankingRowDto>>($"/api/app/results/periods/{first.Id}/ranking", HttpJson.Options))!;
        var grade = firstRanking.Single(r => r.CityId == lanzhou).Grade!;
        firstRanking.ShouldAllBe(r => r.Grade == grade);

        // The rule asks for two consecutive years of the grade every city had; one final year earns nothing yet.
        var created = await official.PostAsJsonAsync("/api/app/honours/rules", new SaveHonourRuleInput
        {
            SeriesName = scheme.Name,
            Name = "平安鼎",
            NameEn = "Ping'an Tripod",
            Kind = HonourRuleKind.ConsecutiveGrade,
            Grade = grade,
            Count = 2,
            VetoBreaksRun = true,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        var rule = (await created.ReadJsonAsync<HonourRuleDto>())!;
        (rule.KindText, rule.ActiveAwards).ShouldBe(("连续获评", 0));
        rule.Description.ShouldBe($"连续 2 个年度考评获评{grade}，被一票否决的年度不计");
        (await AwardsAsync(official, "")).ShouldBeEmpty();

        // The second year made final awards every city, with both years.
        var second = await PublishedAndFinalAsync(official);
        var awards = await AwardsAsync(official, "");
        awards.Count.ShouldBe(PublishTestClient.Cities.Length);
        var lanzhouAward = awards.Single(a => a.CityId == lanzhou);
        (lanzhouAward.Name, lanzhouAward.CityName, lanzhouAward.YearsText, lanzhouAward.IsActive).ShouldBe(("平安鼎", "兰州市", $"{first.Year}、{second.Year}", true));
        lanzhouAward.PeriodIds.ShouldBe([first.Id, second.Id]);
        using (var english = await host.ClientForAsync(null, "official"))
        {
            english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
            (await AwardsAsync(english, $"cityId={lanzhou}")).Single().Name.ShouldBe("Ping'an Tripod");
        }

        // A city reads only its own awards and cannot revoke.
        using var tianshuiAdmin = await host.ClientForAsync("天水", "admin");
        (await AwardsAsync(tianshuiAdmin, $"cityId={lanzhou}")).ShouldBeEmpty();
        (await AwardsAsync(tianshuiAdmin, "")).ShouldAllBe(a => a.CityId == tianshui);
        var tianshuiAward = awards.Single(a => a.CityId == tianshui);
        (await tianshuiAdmin.PostAsJsonAsync($"/api/app/honours/awards/{tianshuiAward.Id}/revoke", new RevokeHonourInput { Reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // A retroactive veto of 兰州's second year revokes its award with the veto's reason; the others keep theirs.
        var vetoed = await official.PostAsJsonAsync($"/api/app/results/periods/{second.Id}/cities/{lanzhou}/retroactive-veto", new RetroactiveVetoInput { VetoCode = "V4", Reason = "发生重大群体性事件" });
        vetoed.StatusCode.ShouldBe(HttpStatusCode.OK, await vetoed.Content.ReadAsStringAsync());
        var revoked = (await AwardsAsync(official, $"cityId={lanzhou}&includeRevoked=true")).Single();
        (revoked.Id, revoked.IsActive, revoked.RevocationKind, revoked.RevocationKindText, revoked.RevokedByName).ShouldBe((lanzhouAward.Id, false, "NoLongerEarned", "不再符合条件", "official"));
        revoked.RevokeReason!.ShouldStartWith("V4 ");
        revoked.RevokeReason.ShouldEndWith("发生重大群体性事件");
        (await AwardsAsync(official, "")).Count.ShouldBe(PublishTestClient.Cities.Length - 1);

        // Revoked by hand, with a reason; without one it is refused beside the field.
        var noReason = await official.PostAsJsonAsync($"/api/app/honours/awards/{tianshuiAward.Id}/revoke", new RevokeHonourInput { Reason = " " });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.ReadProblemAsync()).GetProperty("errors").GetProperty("reason")[0].GetString().ShouldBe("请填写撤销理由。");
        var byHand = (await (await official.PostAsJsonAsync($"/api/app/honours/awards/{tianshuiAward.Id}/revoke", new RevokeHonourInput { Reason = "核查发现材料不实" })).ReadJsonAsync<HonourAwardDto>())!;
        (byHand.IsActive, byHand.RevocationKind, byHand.RevokeReason).ShouldBe((false, "Manual", "核查发现材料不实"));
        (await official.PostAsJsonAsync($"/api/app/honours/awards/{tianshuiAward.Id}/revoke", new RevokeHonourInput { Reason = "再次" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // A rule in use cannot be deleted; changing it re-evaluates: three years revokes every award, two again awards
        // the cities still earning it, but neither the vetoed 兰州 nor the 天水 revoked by hand.
        (await official.DeleteAsync($"/api/app/honours/rules/{rule.Id}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var three = await official.PutAsJsonAsync($"/api/app/honours/rules/{rule.Id}", new SaveHonourRuleInput
        {
            SeriesName = scheme.Name,
            Name = "平安鼎",
            Kind = HonourRuleKind.ConsecutiveGrade,
            Grade = grade,
            Count = 3,
            VetoBreaksRun = true,
            ConcurrencyStamp = rule.ConcurrencyStamp,
        });
        three.StatusCode.ShouldBe(HttpStatusCode.OK, await three.Content.ReadAsStringAsync());
        (await AwardsAsync(official, "")).ShouldBeEmpty();
        (await AwardsAsync(official, "includeRevoked=true")).Where(a => a.RevocationKind == "NoLongerEarned" && a.CityId != lanzhou).ShouldAllBe(a => a.RevokeReason!.Contains("平安鼎"));
        var stale = await official.PutAsJsonAsync($"/api/app/honours/rules/{rule.Id}", new SaveHonourRuleInput
        {
            SeriesName = scheme.Name,
            Name = "平安鼎",
            Kind = HonourRuleKind.ConsecutiveGrade,
            Grade = grade,
            Count = 2,
            ConcurrencyStamp = rule.ConcurrencyStamp,
        });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var current = (await official.GetFromJsonAsync<List<HonourRuleDto>>("/api/app/honours/rules", HttpJson.Options))!.Single(r => r.Id == rule.Id);
        (await official.PutAsJsonAsync($"/api/app/honours/rules/{rule.Id}", new SaveHonourRuleInput
        {
            SeriesName = scheme.Name,
            Name = "平安鼎",
            Kind = HonourRuleKind.ConsecutiveGrade,
            Grade = grade,
            Count = 2,
            VetoBreaksRun = true,
            ConcurrencyStamp = current.ConcurrencyStamp,
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await AwardsAsync(official, "");
        again.Select(a => a.CityId).ShouldNotContain(lanzhou);
        again.Select(a => a.CityId).ShouldNotContain(tianshui);
        again.Count.ShouldBe(PublishTestClient.Cities.Length - 2);
        again.ShouldAllBe(a => !awards.Select(x => x.Id).Contains(a.Id));

        // The profile: both years with grade, rank and the veto, the honours held and revoked, the open problems.
        var profile = (await official.GetFromJsonAsync<CityProfileDto>($"/api/app/cities/{lanzhou}/profile", HttpJson.Options))!;
        profile.CityName.ShouldBe("兰州市");
        var years = profile.Periods.Where(p => p.PeriodId == first.Id || p.PeriodId == second.Id).ToList();
        years.Select(p => (p.Year, p.KindText, p.Final)).ShouldBe([(first.Year, "年度", true), (second.Year, "年度", true)]);
        (years[0].Grade, years[0].Vetoed, years[0].Version).ShouldBe((grade, false, 1));
        (years[1].Total, years[1].Vetoed, years[1].Version).ShouldBe(((decimal?)0m, true, 2));
        years.ShouldAllBe(p => p.Rank != null && p.GradeKey != null);
        profile.Honours.Single().Id.ShouldBe(lanzhouAward.Id);
        profile.OpenProblemCount.ShouldBe(profile.OpenProblems.Count);

        // A city reads its own profile; another city's is not found, as is an unknown city for the province.
        using var lanzhouClerk = await host.ClientForAsync("兰州", "clerk");
        (await lanzhouClerk.GetFromJsonAsync<CityProfileDto>($"/api/app/cities/{lanzhou}/profile", HttpJson.Options))!.Periods.Count.ShouldBe(profile.Periods.Count);
        (await lanzhouClerk.GetAsync($"/api/app/cities/{tianshui}/profile")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await official.GetAsync($"/api/app/cities/{Guid.NewGuid()}/profile")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_Refuse_A_Rule_Of_An_Unknown_Series_Or_Grade_Or_Count_Beside_The_Field_In_Both_Languages()
    {
        using var official = await host.ClientForAsync(null, "official");
        var scheme = await SampleSchemeAsync(official);

        var unknownGrade = await official.PostAsJsonAsync("/api/app/honours/rules", new SaveHonourRuleInput { SeriesName = scheme.Name, Name = "平安鼎", Grade = "特优", Count = 3 });
        unknownGrade.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknownGrade.ReadProblemAsync()).GetProperty("errors").GetProperty("grade")[0].GetString().ShouldBe($"考评方案“{scheme.Name}”没有“特优”这一等次。");

        var unknownSeries = await official.PostAsJsonAsync("/api/app/honours/rules", new SaveHonourRuleInput { SeriesName = "不存在的细则", Name = "平安鼎", Grade = "优秀", Count = 3 });
        (await unknownSeries.ReadProblemAsync()).GetProperty("errors").GetProperty("seriesName")[0].GetString().ShouldBe("没有名为“不存在的细则”的已发布考评方案。");

        using var english = await host.ClientForAsync(null, "official");
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var zero = await english.PostAsJsonAsync("/api/app/honours/rules", new SaveHonourRuleInput { SeriesName = scheme.Name, Name = "平安鼎", Grade = "优秀", Count = 0 });
        zero.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await zero.ReadProblemAsync()).GetProperty("errors").GetProperty("count")[0].GetString().ShouldBe("The number of years must be 1 to 20.");
        var badKind = await english.PostAsJsonAsync("/api/app/honours/rules", new { seriesName = scheme.Name, name = "平安鼎", grade = "优秀", count = 3, kind = 7 });
        badKind.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badKind.ReadProblemAsync()).GetProperty("errors").GetProperty("kind")[0].GetString()!.ShouldContain("7");
        (await official.GetFromJsonAsync<List<HonourRuleDto>>("/api/app/honours/rules", HttpJson.Options))!.ShouldNotContain(r => r.Grade == "特优" || r.Count == 0 || r.SeriesName == "不存在的细则");

        // Only the province manages rules; a city reads them.
        using var cityAdmin = await host.ClientForAsync("酒泉", "admin");
        (await cityAdmin.PostAsJsonAsync("/api/app/honours/rules", new SaveHonourRuleInput { SeriesName = scheme.Name, Name = "平安鼎", Grade = "优秀", Count = 3 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await cityAdmin.GetAsync("/api/app/honours/rules")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await cityAdmin.GetAsync("/api/app/honours/series")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static async Task<SchemeDto> SampleSchemeAsync(HttpClient official)
    {
        var schemes = await official.GetFromJsonAsync<PagedResultDto<SchemeDto>>("/api/app/schemes?status=Published&maxResultCount=100", HttpJson.Options);
        return schemes!.Items.OrderBy(s => s.CreationTime).First();
    }

    private static async Task<List<HonourAwardDto>> AwardsAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/app/honours/awards?{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<List<HonourAwardDto>>())!;
    }

    /// <summary>A new annual period, every city approved, published early with a reason and made final.</summary>
    private async Task<PeriodDto> PublishedAndFinalAsync(HttpClient official)
    {
        var period = await host.CreateOpenPeriodAsync();
        await host.ApproveEveryCityAsync(period.Id);
        var published = await host.PublishLeavingOutAsync(official, period.Id);
        published.StatusCode.ShouldBe(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        var final = await official.PostAsync($"/api/app/results/periods/{period.Id}/finalize", null);
        final.StatusCode.ShouldBe(HttpStatusCode.OK, await final.Content.ReadAsStringAsync());
        return period;
    }
}

public sealed class Honours_Http_Sqlite_Tests(SqliteHostFixture host) : Honours_Http_Tests<SqliteHostFixture>(host);

public sealed class Honours_Http_MySql_Tests(MySqlHostFixture host) : Honours_Http_Tests<MySqlHostFixture>(host);

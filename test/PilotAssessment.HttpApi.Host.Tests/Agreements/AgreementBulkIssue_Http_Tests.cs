using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PilotAssessment.Dtos;
using PilotAssessment.OrganizationUnits;
using PilotAssessment.Periods;
using Shouldly;
using Xunit;
using static PilotAssessment.Agreements.AgreementTestClient;

namespace PilotAssessment.Agreements;

/// <summary>The province issues every city's agreement of a year from one template with per-city targets, all or none.</summary>
public abstract class AgreementBulkIssue_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    private const string Bulk = Url + "/bulk-issue";

    [Fact]
    public async Task Should_Issue_Every_Selected_City_From_The_Template_With_Its_Own_Targets_And_Not_Twice()
    {
        using var official = await host.ClientForAsync(null, "official");
        var year = host.NewYear();
        var template = await CreateAsync(host, official, "兰州", year);
        template = await UpdateAsync(official, template.Id, StandardBody(template));
        var input = new BulkIssueAgreementsInput
        {
            TemplateId = template.Id,
            Issue = true,
            Cities =
            [
                City(await host.TenantIdAsync("兰州"), ("D01", 97)),
                City(await host.TenantIdAsync("天水"), ("D01", 95), ("X1", 12)),
                City(await host.TenantIdAsync("金昌")),
            ],
        };

        var first = await PostAsync(official, input);
        first.Year.ShouldBe(year);
        first.Rows.Select(r => (r.CityName, r.Outcome, r.Status)).ShouldBe([("兰州市", "Updated", "Issued"), ("天水市", "Created", "Issued"), ("金昌市", "Created", "Issued")]);
        first.Rows[0].AgreementId.ShouldBe(template.Id);

        // Each city's agreement: the template's body with the city's own targets; the rest as the template says.
        var tianshui = (await official.GetFromJsonAsync<AgreementDto>($"{Url}/{first.Rows[1].AgreementId}", HttpJson.Options))!;
        tianshui.CityName.ShouldBe("天水市");
        tianshui.Title.ShouldContain("天水市");
        tianshui.Year.ShouldBe(year);
        tianshui.SchemeId.ShouldBe(template.SchemeId);
        tianshui.Lines.Count.ShouldBe(template.Lines.Count);
        tianshui.Lines.Single(l => l.Code == "D01").Target.ShouldBe(95);
        tianshui.Lines.Single(l => l.Code == "X1").Target.ShouldBe(12);
        tianshui.KeyTasks.Select(t => t.Code).ShouldBe(["K01", "K02", "K03", "K04"]);
        tianshui.KeyTasks[0].DueDate.ShouldBe(new DateTime(year, 3, 31));
        tianshui.KeyTasks[0].ResponsibleUnit.ShouldBe("市委办公室");
        tianshui.Prohibitions.ShouldBe(["不得瞒报、迟报重大案事件"]);
        var jinchang = (await official.GetFromJsonAsync<AgreementDto>($"{Url}/{first.Rows[2].AgreementId}", HttpJson.Options))!;
        jinchang.Lines.Single(l => l.Code == "D01").Target.ShouldBe(99);
        (await official.GetFromJsonAsync<AgreementDto>($"{Url}/{template.Id}", HttpJson.Options))!.Lines.Single(l => l.Code == "D01").Target.ShouldBe(97);

        // The city sees its issued agreement and signs it as any other.
        using var tianshuiAdmin = await host.ClientForAsync("天水", "admin");
        (await tianshuiAdmin.GetAsync($"{Url}/{tianshui.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Issuing again makes nothing new and changes nothing.
        var again = await PostAsync(official, input);
        again.Rows.Select(r => (r.AgreementId, r.Outcome)).ShouldBe(first.Rows.Select(r => (r.AgreementId, "Unchanged")));
        (await official.GetFromJsonAsync<PagedResultDto<AgreementDto>>($"{Url}?year={year}&maxResultCount=100", HttpJson.Options))!.TotalCount.ShouldBe(3);
    }

    [Fact]
    public async Task Should_Refuse_The_Whole_Request_With_Each_Rows_Problems_And_Write_Nothing()
    {
        using var official = await host.ClientForAsync(null, "official");
        using var admin = await host.ClientForAsync("酒泉", "admin");
        var year = host.NewYear();
        var template = await CreateAsync(host, official, "张掖", year);
        template = await UpdateAsync(official, template.Id, StandardBody(template));
        var tianshui = await host.TenantIdAsync("天水");
        var jiuquan = await host.TenantIdAsync("酒泉");
        (await PostAsync(official, new BulkIssueAgreementsInput { TemplateId = template.Id, Issue = true, Cities = [City(tianshui)] }))
            .Rows.Single().Outcome.ShouldBe("Created");
        var unit = await OrganizationUnits_Http_Tests<THost>.CreateAsync(admin, $"JQ-BULK-{year}", "酒泉市委政法委", OrganizationUnitKind.Department, null);

        var refused = await official.PostAsJsonAsync(Bulk, new BulkIssueAgreementsInput
        {
            TemplateId = template.Id,
            Issue = true,
            Cities =
            [
                City(jiuquan, ("Z99", 1)),
                City(tianshui, ("D01", 90)),
                City(unit.Id),
                City(jiuquan),
                City(await host.TenantIdAsync("金昌")),
            ],
        });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await refused.Content.ReadAsStringAsync());
        var problem = await refused.ReadProblemAsync();
        problem.GetProperty("title").GetString().ShouldBe("有城市的责任书不能下达，请改正标出的行后重新提交；本次没有改动任何城市的责任书。");
        var errors = problem.GetProperty("errors");
        Messages(errors, "cities[0]").ShouldBe(["责任书中没有指标“Z99”。"]);
        Messages(errors, "cities[1]").ShouldBe(["天水市本年度的责任书已是“已下达”状态且内容不同，不能重新下达；请在该责任书上发起变更。"]);
        Messages(errors, "cities[2]").ShouldBe(["未找到该试点城市。"]);
        Messages(errors, "cities[3]").ShouldBe(["酒泉市重复出现。"]);
        errors.EnumerateObject().Count().ShouldBe(4);

        // Nothing of the valid rows (金昌) was written.
        var list = await official.GetFromJsonAsync<PagedResultDto<AgreementDto>>($"{Url}?year={year}&maxResultCount=100", HttpJson.Options);
        list!.Items.Select(a => a.CityName).OrderBy(n => n, StringComparer.Ordinal).ShouldBe(["天水市", "张掖市"]);
        (await official.GetFromJsonAsync<AgreementDto>($"{Url}/{template.Id}", HttpJson.Options))!.Status.ShouldBe("Draft");

        using var en = await host.ClientForAsync(null, "official");
        en.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var none = await en.PostAsJsonAsync(Bulk, new BulkIssueAgreementsInput { TemplateId = template.Id });
        none.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Messages((await none.ReadProblemAsync()).GetProperty("errors"), "cities").ShouldBe(["Choose from 1 to 100 cities."]);
        var badYear = await official.PostAsJsonAsync(Bulk, new BulkIssueAgreementsInput { TemplateId = template.Id, Year = 1999, Cities = [City(tianshui)] });
        badYear.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Messages((await badYear.ReadProblemAsync()).GetProperty("errors"), "year").ShouldBe(["年度 1999 无效。"]);
    }

    [Fact]
    public async Task Should_Move_The_Templates_Key_Tasks_Into_Another_Year_And_Keep_Drafts_Drafts()
    {
        using var official = await host.ClientForAsync(null, "official");
        var year = host.NewYear();
        var template = await CreateAsync(host, official, "金昌", year);
        template = await UpdateAsync(official, template.Id, StandardBody(template));
        var next = host.NewYear();

        var result = await PostAsync(official, new BulkIssueAgreementsInput { TemplateId = template.Id, Year = next, Cities = [City(await host.TenantIdAsync("金昌"))] });
        var row = result.Rows.Single();
        (row.Outcome, row.Status).ShouldBe(("Created", "Draft"));
        row.AgreementId.ShouldNotBe(template.Id);
        var moved = (await official.GetFromJsonAsync<AgreementDto>($"{Url}/{row.AgreementId}", HttpJson.Options))!;
        moved.Year.ShouldBe(next);
        moved.KeyTasks.ShouldAllBe(t => t.DueDate!.Value.Year == next);
        moved.KeyTasks[0].Milestones.Single().DueDate.ShouldBe(new DateTime(next, 2, 28));

        // A draft from the bulk issue is a draft like any other: the city does not see it yet.
        using var admin = await host.ClientForAsync("金昌", "admin");
        (await admin.GetAsync($"{Url}/{row.AgreementId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_Let_Only_The_Province_Issue_In_Bulk_From_An_Agreement_It_Can_See()
    {
        using var official = await host.ClientForAsync(null, "official");
        using var admin = await host.ClientForAsync("兰州", "admin");
        var lanzhou = await host.TenantIdAsync("兰州");
        var unit = await OrganizationUnits_Http_Tests<THost>.CreateAsync(admin, $"LZ-BULK-{host.NewYear()}", "兰州市司法局", OrganizationUnitKind.Department, null);
        var year = host.NewYear();
        var agreement = await CreateAsync(host, official, "天水", year);

        (await admin.PostAsJsonAsync(Bulk, new BulkIssueAgreementsInput { TemplateId = agreement.Id, Cities = [City(lanzhou)] }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await official.PostAsJsonAsync(Bulk, new BulkIssueAgreementsInput { TemplateId = unit.Id, Cities = [City(lanzhou)] }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await official.PostAsJsonAsync(Bulk, new BulkIssueAgreementsInput { TemplateId = Guid.NewGuid(), Cities = [City(lanzhou)] }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var anonymous = host.CreateClient();
        (await anonymous.PostAsJsonAsync(Bulk, new BulkIssueAgreementsInput { TemplateId = agreement.Id, Cities = [City(lanzhou)] }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static BulkIssueCityInput City(Guid cityId, params (string Code, decimal Target)[] targets) => new()
    {
        CityId = cityId,
        Targets = targets.Select(t => new AgreementTargetInput { Code = t.Code, Target = t.Target }).ToList(),
    };

    private static async Task<BulkIssueResultDto> PostAsync(HttpClient official, BulkIssueAgreementsInput input)
    {
        var response = await official.PostAsJsonAsync(Bulk, input);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<BulkIssueResultDto>())!;
    }

    private static string[] Messages(JsonElement errors, string key) =>
        errors.GetProperty(key).EnumerateArray().Select(e => e.GetString()!).ToArray();
}

public sealed class AgreementBulkIssue_Http_Sqlite_Tests(SqliteHostFixture host) : AgreementBulkIssue_Http_Tests<SqliteHostFixture>(host);

public sealed class AgreementBulkIssue_Http_MySql_Tests(MySqlHostFixture host) : AgreementBulkIssue_Http_Tests<MySqlHostFixture>(host);

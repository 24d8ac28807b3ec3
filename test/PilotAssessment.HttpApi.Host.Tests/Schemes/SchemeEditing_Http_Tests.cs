using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PilotAssessment.Dtos;
using Shouldly;
using Xunit;

namespace PilotAssessment.Schemes;

public abstract class SchemeEditing_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    private static readonly JsonElement B04At90 = JsonSerializer.Deserialize<JsonElement>(
        """{ "kind": "threshold_bands", "dir": "higher", "bands": [{ "at": 90, "points": 3 }, { "at": 85, "points": 2 }, { "at": 70, "points": 1 }], "otherwise": 0 }""");

    [Fact]
    public async Task Should_Show_The_Rule_In_Words_And_Flag_A_Stale_Official_Wording_Until_It_Is_Updated()
    {
        using var official = await host.ClientForAsync(null, "official");
        official.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");
        var draft = await CopySampleAsync(official);
        var b04 = draft.RuleTexts.Single(r => r.Code == "B04");
        b04.GeneratedText.ShouldBe("≥95%得3分；≥85%得2分；≥70%得1分；其余得0分。");
        b04.GeneratedTextEn.ShouldBe("≥ 95%: 3 points; ≥ 85%: 2 points; ≥ 70%: 1 point; otherwise 0 points.");
        draft.RuleTexts.ShouldAllBe(r => !r.RuleTextDisagrees);

        // The rule now starts at 90 while the wording still says ≥95%.
        var edited = await PutIndicatorAsync(official, draft, "B04", B04Fields(draft, rule: B04At90, ruleText: "≥95%得3分；≥85%得2分；≥70%得1分；其余0分"));
        b04 = edited.RuleTexts.Single(r => r.Code == "B04");
        b04.RuleTextDisagrees.ShouldBeTrue();
        b04.StaleNumbers.ShouldBe([95m]);
        b04.GeneratedText.ShouldStartWith("≥90%得3分");
        edited.Problems.ShouldContain(p => p.Target == "B04" && p.Code == SchemeErrorCodes.RuleTextDisagrees && p.Message.Contains("95"));

        var publish = await official.PostAsync($"/api/app/schemes/{draft.Id}/publish", null);
        publish.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await publish.ReadProblemAsync()).GetProperty("errors");
        errors.GetProperty("B04").EnumerateArray().Single().GetString().ShouldBe("细则原文写有95，计分规则中已没有这些数值：请按规则更新原文，或核对规则。");

        // English readers get the English wording.
        using var english = await host.ClientForAsync(null, "official");
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var read = (await english.GetFromJsonAsync<SchemeDto>($"/api/app/schemes/{draft.Id}", HttpJson.Options))!;
        read.RuleTexts.Single(r => r.Code == "B04").GeneratedText.ShouldStartWith("≥ 90%: 3 points");

        var fixedText = await PutIndicatorAsync(official, edited, "B04", B04Fields(edited, rule: null, ruleText: "≥90%得3分；≥85%得2分；≥70%得1分；其余0分"));
        fixedText.RuleTexts.Single(r => r.Code == "B04").RuleTextDisagrees.ShouldBeFalse();
        fixedText.Problems.ShouldBeEmpty();
        (await official.PostAsync($"/api/app/schemes/{draft.Id}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_Edit_Name_Year_Categories_And_Indicators_Of_A_Draft()
    {
        using var official = await host.ClientForAsync(null, "official");
        var draft = await CopySampleAsync(official);

        var header = await official.PutAsJsonAsync($"/api/app/schemes/{draft.Id}", new UpdateSchemeInput { Name = "2027年考评细则", Year = 2027, Scale = 100, ConcurrencyStamp = draft.ConcurrencyStamp! });
        header.StatusCode.ShouldBe(HttpStatusCode.OK);
        draft = (await header.ReadJsonAsync<SchemeDto>())!;
        (draft.Name, draft.Year, draft.IndicatorCount).ShouldBe(("2027年考评细则", 2027, 30));

        draft = await OkAsync(official.PostAsJsonAsync($"/api/app/schemes/{draft.Id}/categories", new AddCategoryInput { Code = "Z", Name = "新增类别", ConcurrencyStamp = draft.ConcurrencyStamp! }));
        Categories(draft).Last().GetProperty("code").GetString().ShouldBe("Z");

        draft = await OkAsync(official.PostAsJsonAsync($"/api/app/schemes/{draft.Id}/indicators", new AddIndicatorInput
        {
            CategoryCode = "Z",
            Code = "Z01",
            Name = "新增指标",
            Unit = "%",
            MaxPoints = 2,
            ScoreSource = "field",
            ConcurrencyStamp = draft.ConcurrencyStamp!,
        }));
        draft.IndicatorCount.ShouldBe(31);
        // 102 points: reported, not silently rebalanced; the new rule is empty until it is filled in.
        draft.Problems.ShouldContain(p => p.Code == SchemeErrorCodes.PointsDoNotAddUp);
        draft.Problems.ShouldContain(p => p.Target == "Z01" && p.Code == SchemeErrorCodes.BandsEmpty);

        draft = await OkAsync(official.PostAsJsonAsync($"/api/app/schemes/{draft.Id}/indicators/Z01/move", new MoveIndicatorInput { CategoryCode = "A", Position = 0, ConcurrencyStamp = draft.ConcurrencyStamp! }));
        Categories(draft)[0].GetProperty("indicators")[0].GetProperty("code").GetString().ShouldBe("Z01");

        draft = await OkAsync(official.PutAsJsonAsync($"/api/app/schemes/{draft.Id}/indicators/Z01", new UpdateIndicatorInput
        {
            Name = "网格员配备率",
            Unit = "人",
            MaxPoints = 2,
            ResponsibleUnit = "市委社会工作部",
            ScoreSource = "survey",
            EvidenceRequired = true,
            ConcurrencyStamp = draft.ConcurrencyStamp!,
        }));
        var z01 = Categories(draft)[0].GetProperty("indicators")[0];
        z01.GetProperty("name").GetString().ShouldBe("网格员配备率");
        z01.GetProperty("unit").GetString().ShouldBe("人");
        z01.GetProperty("responsible_unit").GetString().ShouldBe("市委社会工作部");
        z01.GetProperty("score_source").GetString().ShouldBe("survey");
        z01.GetProperty("evidence_required").GetBoolean().ShouldBeTrue();

        draft = await OkAsync(official.PutAsJsonAsync($"/api/app/schemes/{draft.Id}/categories/Z", new UpdateCategoryInput { Name = "改名类别", ConcurrencyStamp = draft.ConcurrencyStamp! }));
        draft = await OkAsync(official.PostAsJsonAsync($"/api/app/schemes/{draft.Id}/categories/Z/move", new MoveCategoryInput { ParentCode = "B", ConcurrencyStamp = draft.ConcurrencyStamp! }));
        var z = Categories(draft)[1].GetProperty("children")[0];
        (z.GetProperty("code").GetString(), z.GetProperty("name").GetString()).ShouldBe(("Z", "改名类别"));

        draft = await OkAsync(official.DeleteAsync($"/api/app/schemes/{draft.Id}/indicators/Z01?concurrencyStamp={draft.ConcurrencyStamp}"));
        draft = await OkAsync(official.DeleteAsync($"/api/app/schemes/{draft.Id}/categories/Z?concurrencyStamp={draft.ConcurrencyStamp}"));
        draft.IndicatorCount.ShouldBe(30);
        draft.Problems.ShouldBeEmpty();

        // A stale stamp: somebody else saved in between.
        var stale = await official.DeleteAsync($"/api/app/schemes/{draft.Id}/indicators/A01?concurrencyStamp=0123456789abcdef");
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Should_Refuse_Bad_Edits_With_Localized_Field_Errors()
    {
        using var official = await host.ClientForAsync(null, "official");
        official.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");
        var draft = await CopySampleAsync(official);
        var stamp = draft.ConcurrencyStamp!;

        await RefusedAsync(official.PostAsJsonAsync($"/api/app/schemes/{draft.Id}/categories", new AddCategoryInput { Code = "B01", Name = "重复", ConcurrencyStamp = stamp }), "code", "编码“B01”重复。");
        await RefusedAsync(official.DeleteAsync($"/api/app/schemes/{draft.Id}/categories/A?concurrencyStamp={stamp}"), "code", "类别“A”下还有3个指标、0个子类别，请先移走或删除。");
        await RefusedAsync(official.PostAsJsonAsync($"/api/app/schemes/{draft.Id}/indicators/Q99/move", new MoveIndicatorInput { CategoryCode = "A", ConcurrencyStamp = stamp }), "code", "本方案没有编码为“Q99”的指标。");
        await RefusedAsync(official.PostAsJsonAsync($"/api/app/schemes/{draft.Id}/indicators/A01/move", new MoveIndicatorInput { CategoryCode = "Q", ConcurrencyStamp = stamp }), "categoryCode", "本方案没有编码为“Q”的类别。");
        await RefusedAsync(official.PutAsJsonAsync($"/api/app/schemes/{draft.Id}/indicators/B04", B04Fields(draft, rule: null, ruleText: null, scoreSource: "somebody")), "scoreSource", "评分来源无效，可选：自查自评、部门考评、实地考评、群众评价。");
        var badRule = JsonSerializer.Deserialize<JsonElement>("""{ "kind": "no_such_kind" }""");
        await RefusedAsync(official.PutAsJsonAsync($"/api/app/schemes/{draft.Id}/indicators/B04", B04Fields(draft, rule: badRule, ruleText: null)), "rule", "计分规则无法识别，请检查规则类型和各项参数。");

        var unchanged = (await official.GetFromJsonAsync<SchemeDto>($"/api/app/schemes/{draft.Id}", HttpJson.Options))!;
        unchanged.ConcurrencyStamp.ShouldBe(stamp);
        unchanged.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_Refuse_Every_Edit_Of_A_Published_Scheme()
    {
        using var official = await host.ClientForAsync(null, "official");
        official.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");
        var published = (await official.GetFromJsonAsync<SchemeDto>($"/api/app/schemes/{(await SampleAsync(official)).Id}", HttpJson.Options))!;
        var stamp = published.ConcurrencyStamp!;
        foreach (var call in Edits(official, published.Id, stamp, published))
        {
            var response = await call();
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var problem = await response.ReadProblemAsync();
            problem.GetProperty("code").GetString().ShouldBe(SchemeErrorCodes.NotDraft);
            problem.GetProperty("title").GetString().ShouldBe("只有草稿状态的考评方案可以修改，当前为已发布。请复制为新版本草稿后再修改。");
        }

        (await official.GetFromJsonAsync<SchemeDto>($"/api/app/schemes/{published.Id}", HttpJson.Options))!.ConcurrencyStamp.ShouldBe(stamp);
    }

    [Fact]
    public async Task Should_Forbid_Editing_To_City_Users_And_Auditors()
    {
        using var official = await host.ClientForAsync(null, "official");
        var draft = await CopySampleAsync(official);
        using var cityAdmin = await host.ClientForAsync("天水", "admin");
        using var auditor = await host.ClientForAsync(null, "auditor");

        foreach (var client in new[] { cityAdmin, auditor })
        {
            foreach (var call in Edits(client, draft.Id, draft.ConcurrencyStamp!, draft))
            {
                (await call()).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            }
        }

        (await official.GetFromJsonAsync<SchemeDto>($"/api/app/schemes/{draft.Id}", HttpJson.Options))!.ConcurrencyStamp.ShouldBe(draft.ConcurrencyStamp);
    }

    private static IEnumerable<Func<Task<HttpResponseMessage>>> Edits(HttpClient client, Guid id, string stamp, SchemeDto scheme)
    {
        var url = $"/api/app/schemes/{id}";
        yield return () => client.PostAsJsonAsync($"{url}/categories", new AddCategoryInput { Code = "Y", Name = "新类别", ConcurrencyStamp = stamp });
        yield return () => client.PutAsJsonAsync($"{url}/categories/A", new UpdateCategoryInput { Name = "改名", ConcurrencyStamp = stamp });
        yield return () => client.PostAsJsonAsync($"{url}/categories/B/move", new MoveCategoryInput { Position = 0, ConcurrencyStamp = stamp });
        yield return () => client.DeleteAsync($"{url}/categories/A?concurrencyStamp={stamp}");
        yield return () => client.PostAsJsonAsync($"{url}/indicators", new AddIndicatorInput { CategoryCode = "A", Code = "A09", Name = "新指标", MaxPoints = 1, ConcurrencyStamp = stamp });
        yield return () => client.PutAsJsonAsync($"{url}/indicators/B04", B04Fields(scheme, rule: B04At90, ruleText: null));
        yield return () => client.PostAsJsonAsync($"{url}/indicators/B04/move", new MoveIndicatorInput { CategoryCode = "A", ConcurrencyStamp = stamp });
        yield return () => client.DeleteAsync($"{url}/indicators/B04?concurrencyStamp={stamp}");
    }

    private static UpdateIndicatorInput B04Fields(SchemeDto scheme, JsonElement? rule, string? ruleText, string scoreSource = "department") => new()
    {
        Name = "扫黑除恶线索核查办结率",
        Unit = "%",
        MaxPoints = 3,
        ResponsibleUnit = "市扫黑办",
        ScoreSource = scoreSource,
        Rule = rule,
        RuleText = ruleText,
        ConcurrencyStamp = scheme.ConcurrencyStamp!,
    };

    private static async Task<SchemeDto> PutIndicatorAsync(HttpClient client, SchemeDto scheme, string code, UpdateIndicatorInput input) =>
        await OkAsync(client.PutAsJsonAsync($"/api/app/schemes/{scheme.Id}/indicators/{code}", input));

    private static async Task<SchemeDto> OkAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<SchemeDto>())!;
    }

    private static async Task RefusedAsync(Task<HttpResponseMessage> call, string field, string message)
    {
        var response = await call;
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var errors = (await response.ReadProblemAsync()).GetProperty("errors");
        errors.GetProperty(field).EnumerateArray().Select(e => e.GetString()).ShouldBe([message]);
    }

    private static JsonElement[] Categories(SchemeDto scheme) => scheme.Definition!.Value.GetProperty("categories").EnumerateArray().ToArray();

    private static async Task<SchemeDto> SampleAsync(HttpClient official) =>
        (await official.GetFromJsonAsync<PagedResultDto<SchemeDto>>("/api/app/schemes?status=Published&maxResultCount=100", HttpJson.Options))!.Items
        .OrderBy(s => s.CreationTime).First();

    private static async Task<SchemeDto> CopySampleAsync(HttpClient official) =>
        await OkAsync(official.PostAsync($"/api/app/schemes/{(await SampleAsync(official)).Id}/copy", null));
}

public sealed class SchemeEditing_Http_Sqlite_Tests(SqliteHostFixture host) : SchemeEditing_Http_Tests<SqliteHostFixture>(host);

public sealed class SchemeEditing_Http_MySql_Tests(MySqlHostFixture host) : SchemeEditing_Http_Tests<MySqlHostFixture>(host);

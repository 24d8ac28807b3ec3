using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using PilotAssessment.Dtos;
using Shouldly;
using Xunit;

namespace PilotAssessment.Schemes;

public abstract class Schemes_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    [Fact]
    public async Task Should_Seed_The_Sample_Scheme_Published_And_Show_It_To_Cities()
    {
        using var clerk = await host.ClientForAsync("兰州", "clerk");

        var list = await clerk.GetFromJsonAsync<PagedResultDto<SchemeDto>>("/api/app/schemes", HttpJson.Options);

        // Other tests of this fixture add schemes; the seeded one is the oldest.
        var sample = list!.Items.OrderBy(s => s.CreationTime).First();
        sample.Status.ShouldBe("Published");
        sample.IndicatorCount.ShouldBe(30);
        sample.Scale.ShouldBe(100);
        var detail = await clerk.GetFromJsonAsync<SchemeDto>($"/api/app/schemes/{sample.Id}", HttpJson.Options);
        detail!.Definition!.Value.GetProperty("categories").GetArrayLength().ShouldBe(9);
    }

    [Fact]
    public async Task Should_Hide_Drafts_From_Cities_And_Refuse_Them_Editing()
    {
        using var official = await host.ClientForAsync(null, "official");
        var draft = await CreateDraftFromSampleAsync(official);
        using var cityAdmin = await host.ClientForAsync("天水", "admin");

        (await cityAdmin.GetAsync($"/api/app/schemes/{draft.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await cityAdmin.GetFromJsonAsync<PagedResultDto<SchemeDto>>("/api/app/schemes?maxResultCount=100", HttpJson.Options);
        list!.Items.ShouldNotContain(s => s.Id == draft.Id);
        (await cityAdmin.PostAsync($"/api/app/schemes/{draft.Id}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await cityAdmin.PostAsJsonAsync("/api/app/schemes", new CreateSchemeInput { Name = "x", Year = 2026 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Auditors read published schemes only.
        using var auditor = await host.ClientForAsync(null, "auditor");
        (await auditor.GetAsync($"/api/app/schemes/{draft.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var auditorList = await auditor.GetFromJsonAsync<PagedResultDto<SchemeDto>>("/api/app/schemes?maxResultCount=100", HttpJson.Options);
        auditorList!.Items.ShouldNotContain(s => s.Status == "Draft");
        auditorList.Items.ShouldNotBeEmpty();
        (await official.GetAsync($"/api/app/schemes/{draft.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_List_Every_Problem_With_Its_Indicator_When_Publishing_An_Invalid_Draft()
    {
        using var official = await host.ClientForAsync(null, "official");
        var draft = await CreateDraftFromSampleAsync(official);
        var definition = JsonNode.Parse(draft.Definition!.Value.GetRawText())!;
        var indicator = definition["categories"]![0]!["indicators"]![0]!;
        indicator["max_points"] = 7; // 103 points in all
        definition["categories"]![1]!["indicators"]![0]!["code"] = indicator["code"]!.GetValue<string>(); // duplicate code
        var saved = await official.PutAsJsonAsync($"/api/app/schemes/{draft.Id}", new UpdateSchemeInput
        {
            Name = draft.Name,
            Year = draft.Year,
            Scale = 100,
            Definition = JsonSerializer.Deserialize<JsonElement>(definition.ToJsonString()),
            ConcurrencyStamp = draft.ConcurrencyStamp!,
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await saved.ReadJsonAsync<SchemeDto>())!.Problems.Count.ShouldBeGreaterThanOrEqualTo(2);

        var publish = await official.PostAsync($"/api/app/schemes/{draft.Id}/publish", null);

        publish.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await publish.ReadProblemAsync()).GetProperty("errors");
        errors.TryGetProperty("A01", out var a01).ShouldBeTrue();
        a01.EnumerateArray().Select(e => e.GetString()).ShouldAllBe(m => !m!.Contains('|'));
        errors.EnumerateObject().Count().ShouldBeGreaterThanOrEqualTo(2);
        (await official.GetFromJsonAsync<SchemeDto>($"/api/app/schemes/{draft.Id}", HttpJson.Options))!.Status.ShouldBe("Draft");
    }

    [Fact]
    public async Task Should_Refuse_A_Register_Fed_Indicator_Without_A_Per_Occurrence_Rule_On_Save_And_Publish()
    {
        using var official = await host.ClientForAsync(null, "official");
        official.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");
        var draft = await CreateDraftFromSampleAsync(official);
        var definition = JsonNode.Parse(draft.Definition!.Value.GetRawText())!;
        definition["categories"]![0]!["indicators"]![0]!["occurrence_source"] = "supervision"; // A01, per occurrence: fine
        definition["categories"]![1]!["indicators"]![3]!["occurrence_source"] = "supervision"; // B04, threshold bands
        var saved = await official.PutAsJsonAsync($"/api/app/schemes/{draft.Id}", new UpdateSchemeInput
        {
            Name = draft.Name,
            Year = draft.Year,
            Scale = 100,
            Definition = JsonSerializer.Deserialize<JsonElement>(definition.ToJsonString()),
            ConcurrencyStamp = draft.ConcurrencyStamp!,
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        const string Message = "该指标设为从督查问题台账取发生数，只有“按次扣分”规则能按问题计分：请改用按次扣分规则（且不设公式），或改为由填报员填报。";
        var problem = (await saved.ReadJsonAsync<SchemeDto>())!.Problems.ShouldHaveSingleItem();
        (problem.Target, problem.Message).ShouldBe(("B04", Message));

        var publish = await official.PostAsync($"/api/app/schemes/{draft.Id}/publish", null);

        publish.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await publish.ReadProblemAsync()).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe(["B04"]);
        errors.GetProperty("B04")[0].GetString().ShouldBe(Message);
        official.DefaultRequestHeaders.AcceptLanguage.Clear();
        official.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = await official.PostAsync($"/api/app/schemes/{draft.Id}/publish", null);
        (await english.ReadProblemAsync()).GetProperty("errors").GetProperty("B04")[0].GetString()!.ShouldStartWith("This indicator takes its occurrences from the supervision problem register");
        (await official.GetFromJsonAsync<SchemeDto>($"/api/app/schemes/{draft.Id}", HttpJson.Options))!.Status.ShouldBe("Draft");
    }

    [Fact]
    public async Task Should_Round_Trip_A_Scheme_Through_Json_Export_And_Import_Then_Publish_It()
    {
        using var official = await host.ClientForAsync(null, "official");
        var sample = (await official.GetFromJsonAsync<PagedResultDto<SchemeDto>>("/api/app/schemes?status=Published", HttpJson.Options))!.Items.First();
        var exported = await official.GetByteArrayAsync($"/api/app/schemes/{sample.Id}/export/json");

        var imported = await ImportAsync(official, exported);
        imported.Status.ShouldBe("Draft");
        imported.Problems.ShouldBeEmpty();
        var reExported = await official.GetByteArrayAsync($"/api/app/schemes/{imported.Id}/export/json");
        JsonNode.Parse(reExported)!["definition"]!.ToJsonString().ShouldBe(JsonNode.Parse(exported)!["definition"]!.ToJsonString());

        var published = await official.PostAsync($"/api/app/schemes/{imported.Id}/publish", null);
        published.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await published.ReadJsonAsync<SchemeDto>())!.Status.ShouldBe("Published");
        var edit = await official.PutAsJsonAsync($"/api/app/schemes/{imported.Id}", new UpdateSchemeInput { Name = "改", Year = 2026, ConcurrencyStamp = "x" });
        edit.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Should_Refuse_A_Malformed_Import_With_Its_Line_And_Save_Nothing()
    {
        using var official = await host.ClientForAsync(null, "official");
        var before = (await official.GetFromJsonAsync<PagedResultDto<SchemeDto>>("/api/app/schemes?maxResultCount=1000", HttpJson.Options))!.TotalCount;

        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent("{\n  \"name\": \"坏\",\n  \"year\": \"二〇二六\"\n}"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(file, "file", "bad.json");
        var response = await official.PostAsync("/api/app/schemes/import/json", content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.GetProperty("errors").GetRawText().ShouldContain("3");
        (await official.GetFromJsonAsync<PagedResultDto<SchemeDto>>("/api/app/schemes?maxResultCount=1000", HttpJson.Options))!.TotalCount.ShouldBe(before);
    }

    [Fact]
    public async Task Should_Preview_A_Score_Without_Saving_Anything()
    {
        using var clerk = await host.ClientForAsync("酒泉", "clerk");
        var sample = (await clerk.GetFromJsonAsync<PagedResultDto<SchemeDto>>("/api/app/schemes", HttpJson.Options))!.Items.First();

        var response = await clerk.PostAsJsonAsync("/api/app/schemes/preview", new PreviewScoreInput
        {
            SchemeId = sample.Id,
            Values = new CityValuesDto { Indicators = { ["I01"] = new IndicatorValueDto { Number = 93.5m } } },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var sheet = (await response.ReadJsonAsync<ScoreSheetDto>())!;
        var line = sheet.Lines.Single(l => l.IndicatorCode == "I01");
        // 96 − 93.5 = 2.5 points below the full-marks line × 0.25 = 0.625 → 0.63 deducted from 6.
        line.Points.ShouldBe(5.37m);
        line.Explanation.ShouldContain("5.37");
        sheet.UnreportedCount.ShouldBe(29);
        sheet.Total.ShouldBe(5.37m);
    }

    private static async Task<SchemeDto> CreateDraftFromSampleAsync(HttpClient official)
    {
        var sample = (await official.GetFromJsonAsync<PagedResultDto<SchemeDto>>("/api/app/schemes?status=Published", HttpJson.Options))!.Items.First();
        var copied = await official.PostAsync($"/api/app/schemes/{sample.Id}/copy", null);
        copied.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await copied.ReadJsonAsync<SchemeDto>())!;
    }

    private static async Task<SchemeDto> ImportAsync(HttpClient client, byte[] json)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(json);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(file, "file", "scheme.json");
        var response = await client.PostAsync("/api/app/schemes/import/json", content);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<SchemeDto>())!;
    }
}

public sealed class Schemes_Http_Sqlite_Tests(SqliteHostFixture host) : Schemes_Http_Tests<SqliteHostFixture>(host);

public sealed class Schemes_Http_MySql_Tests(MySqlHostFixture host) : Schemes_Http_Tests<MySqlHostFixture>(host);

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using PilotAssessment.Dtos;
using Shouldly;
using Xunit;

namespace PilotAssessment.Schemes;

public abstract class FormulaLimits_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    private static readonly string HugeFormula = string.Join("-", Enumerable.Repeat("1", 100_000));

    private static async Task<(SchemeDto Sample, JsonElement Hostile)> HostileDefinitionAsync(HttpClient client)
    {
        var sample = (await client.GetFromJsonAsync<PagedResultDto<SchemeDto>>("/api/app/schemes?status=Published", HttpJson.Options))!.Items.First();
        var detail = (await client.GetFromJsonAsync<SchemeDto>($"/api/app/schemes/{sample.Id}", HttpJson.Options))!;
        var definition = JsonNode.Parse(detail.Definition!.Value.GetRawText())!;
        definition["categories"]![0]!["indicators"]![0]!["formula"] = HugeFormula;
        return (detail, JsonSerializer.Deserialize<JsonElement>(definition.ToJsonString()));
    }

    private static async Task ShouldBeRefusedAsTooLongAsync(HttpResponseMessage response, string language)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var problem = await response.ReadProblemAsync();
        var messages = problem.GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray()).Select(m => m.GetString()!).ToList();
        var message = messages.ShouldHaveSingleItem();
        message.ShouldContain(language == "en" ? "at most" : "超过了上限");
        message.ShouldContain("4");
        message.ShouldNotContain("Scheme:");
    }

    [Theory]
    [InlineData("zh-Hans")]
    [InlineData("en")]
    public async Task Should_Refuse_A_Preview_With_A_100000_Term_Formula_And_Keep_Answering(string language)
    {
        using var clerk = await host.ClientForAsync("兰州", "clerk");
        clerk.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var (_, hostile) = await HostileDefinitionAsync(clerk);

        var response = await clerk.PostAsJsonAsync("/api/app/schemes/preview", new PreviewScoreInput { Definition = hostile, Scale = 100 });

        await ShouldBeRefusedAsTooLongAsync(response, language);
        (await clerk.GetAsync("/api/app/schemes")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_Refuse_To_Save_A_Scheme_With_A_100000_Term_Formula_And_Store_Nothing()
    {
        using var official = await host.ClientForAsync(null, "official");
        var (sample, hostile) = await HostileDefinitionAsync(official);
        var copied = await official.PostAsync($"/api/app/schemes/{sample.Id}/copy", null);
        var draft = (await copied.ReadJsonAsync<SchemeDto>())!;

        var created = await official.PostAsJsonAsync("/api/app/schemes", new CreateSchemeInput { Name = "超长公式", Year = 2026, Definition = hostile });
        await ShouldBeRefusedAsTooLongAsync(created, "zh-Hans");
        var updated = await official.PutAsJsonAsync($"/api/app/schemes/{draft.Id}", new UpdateSchemeInput
        {
            Name = draft.Name,
            Year = draft.Year,
            Scale = 100,
            Definition = hostile,
            ConcurrencyStamp = draft.ConcurrencyStamp!,
        });
        await ShouldBeRefusedAsTooLongAsync(updated, "zh-Hans");

        var list = await official.GetFromJsonAsync<PagedResultDto<SchemeDto>>("/api/app/schemes?maxResultCount=100&filter=超长公式", HttpJson.Options);
        list!.Items.ShouldBeEmpty();
        var stored = (await official.GetFromJsonAsync<SchemeDto>($"/api/app/schemes/{draft.Id}", HttpJson.Options))!;
        stored.Definition!.Value.GetRawText().ShouldNotContain("1-1-1-1");
    }
}

public sealed class FormulaLimits_Http_Sqlite_Tests(SqliteHostFixture host) : FormulaLimits_Http_Tests<SqliteHostFixture>(host);

public sealed class FormulaLimits_Http_MySql_Tests(MySqlHostFixture host) : FormulaLimits_Http_Tests<MySqlHostFixture>(host);

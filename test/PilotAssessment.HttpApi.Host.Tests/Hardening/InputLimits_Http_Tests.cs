using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PilotAssessment.Dtos;
using PilotAssessment.Schemes;
using Shouldly;
using Xunit;

namespace PilotAssessment.Hardening;

/// <summary>Bad shapes of input are field errors of a localized 400 (or a 413 for a body too large), never a 500.</summary>
public abstract class InputLimits_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    private static IEnumerable<string> Messages(JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()!);

    private async Task<Guid> SampleSchemeIdAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<PagedResultDto<SchemeDto>>("/api/app/schemes?status=Published", HttpJson.Options))!.Items.OrderBy(s => s.CreationTime).First().Id;

    [Fact]
    public async Task Should_Refuse_A_Period_Kind_Outside_The_Defined_Set()
    {
        using var official = await host.ClientForAsync(null, "official");
        var schemeId = await SampleSchemeIdAsync(official);

        var response = await official.PostAsJsonAsync("/api/app/periods", new
        {
            schemeId,
            kind = 99,
            year = 2091,
            number = 1,
            entryOpensAt = "2091-01-01T00:00:00",
            entryClosesAt = "2091-02-01T00:00:00",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        Messages(await response.ReadProblemAsync(), "kind").ShouldBe(["“99”不是允许的取值。"]);
    }

    [Theory]
    [InlineData("99")]
    [InlineData("\"Galaxy\"")]
    public async Task Should_Refuse_A_Unit_Kind_Outside_The_Defined_Set(string kind)
    {
        using var admin = await host.ClientForAsync("兰州", "admin");
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        using var body = new StringContent($"{{\"code\":\"X{kind.Length}\",\"name\":\"单位\",\"kind\":{kind}}}", Encoding.UTF8, "application/json");

        var response = await admin.PostAsync("/api/app/organization-units", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        Messages(await response.ReadProblemAsync(), "kind").Single().ShouldEndWith("is not one of the allowed values.");
    }

    [Fact]
    public async Task Should_Answer_A_Null_Element_Of_A_List_With_Its_Index()
    {
        using var clerk = await host.ClientForAsync("兰州", "clerk");
        var schemeId = await SampleSchemeIdAsync(clerk);
        using var body = new StringContent(
            $"{{\"schemeId\":\"{schemeId}\",\"values\":{{\"indicators\":{{\"A02\":{{\"checklistPresent\":[\"制度\",null]}},\"A03\":{{\"occurrences\":[null]}}}}}}}}",
            Encoding.UTF8,
            "application/json");

        var response = await clerk.PostAsync("/api/app/schemes/preview", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var problem = await response.ReadProblemAsync();
        Messages(problem, "values.indicators[A02].checklistPresent[1]").ShouldBe(["此项不能为空。"]);
        Messages(problem, "values.indicators[A03].occurrences[0]").ShouldBe(["此项不能为空。"]);
    }

    [Fact]
    public async Task Should_Answer_A_Null_Permission_Of_A_Role_With_Its_Index()
    {
        using var cityAdmin = await host.ClientForAsync("天水", "admin");
        var roles = await cityAdmin.GetFromJsonAsync<PagedResultDto<Identity.RoleDto>>("/api/app/roles", HttpJson.Options);
        var clerkRole = roles!.Items.Single(r => r.Name == "clerk");
        using var body = new StringContent("{\"grantedPermissions\":[null]}", Encoding.UTF8, "application/json");

        var response = await cityAdmin.PutAsync($"/api/app/roles/{clerkRole.Id}/permissions", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        Messages(await response.ReadProblemAsync(), "grantedPermissions[0]").ShouldBe(["此项不能为空。"]);
    }

    [Fact]
    public async Task Should_Refuse_A_List_Beyond_The_Collection_Limit()
    {
        using var clerk = await host.ClientForAsync("兰州", "clerk");
        var schemeId = await SampleSchemeIdAsync(clerk);
        var input = new PreviewScoreInput
        {
            SchemeId = schemeId,
            Values = new CityValuesDto
            {
                Indicators = { ["A03"] = new IndicatorValueDto { Flags = [.. Enumerable.Range(0, InputShapeFilter.MaxCollectionItems + 1).Select(i => "f")] } },
            },
        };

        var response = await clerk.PostAsJsonAsync("/api/app/schemes/preview", input);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        Messages(await response.ReadProblemAsync(), "values.indicators[A03].flags").Single().ShouldContain("10000");
    }

    [Fact]
    public async Task Should_Refuse_A_Text_Nobody_Bounded_Beyond_The_Default_Limit()
    {
        using var official = await host.ClientForAsync(null, "official");
        var schemeId = await SampleSchemeIdAsync(official);
        var created = await official.PostAsJsonAsync("/api/app/periods", new
        {
            schemeId,
            kind = 0,
            year = 2093,
            number = 1,
            entryOpensAt = "2093-01-01T00:00:00",
            entryClosesAt = "2093-02-01T00:00:00",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        var id = (await created.ReadJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var response = await official.PutAsJsonAsync($"/api/app/periods/{id}/window", new
        {
            entryOpensAt = "2093-01-02T00:00:00",
            entryClosesAt = "2093-02-01T00:00:00",
            concurrencyStamp = new string('x', 100_000),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        Messages(await response.ReadProblemAsync(), "concurrencyStamp").ShouldBe([$"不能超过 {InputShapeFilter.MaxTextLength} 个字符。"]);
    }

    [Fact]
    public async Task Should_Refuse_An_Occurrence_Type_Longer_Than_A_Name()
    {
        using var clerk = await host.ClientForAsync("兰州", "clerk");
        var schemeId = await SampleSchemeIdAsync(clerk);
        var input = new PreviewScoreInput
        {
            SchemeId = schemeId,
            Values = new CityValuesDto
            {
                Indicators = { ["A03"] = new IndicatorValueDto { Occurrences = [new OccurrenceCountDto { Type = new string('x', 10_000), Count = 1 }] } },
            },
        };

        var response = await clerk.PostAsJsonAsync("/api/app/schemes/preview", input);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var errors = (await response.ReadProblemAsync()).GetProperty("errors");
        errors.EnumerateObject().ShouldHaveSingleItem().Value[0].GetString()!.ShouldContain("128");
    }

    [Fact]
    public async Task Should_Answer_A_Json_Body_Above_1_MB_With_A_Localized_413_And_Keep_Answering()
    {
        using var clerk = await host.ClientForAsync("兰州", "clerk");
        var schemeId = await SampleSchemeIdAsync(clerk);
        var padding = new string(' ', 1_100_000);
        using var body = new StringContent($"{{\"schemeId\":\"{schemeId}\",{padding}\"values\":{{}}}}", Encoding.UTF8, "application/json");

        var response = await clerk.PostAsync("/api/app/schemes/preview", body);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var problem = await response.ReadProblemAsync();
        problem.GetProperty("title").GetString().ShouldBe("提交的内容过大，最多 1 MB。");
        (await clerk.GetAsync("/api/app/schemes")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_Cut_Off_A_Json_Body_Without_A_Length_Above_1_MB()
    {
        using var clerk = await host.ClientForAsync("兰州", "clerk");
        var padding = new string(' ', 1_100_000);
        using var body = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($"{{{padding}\"values\":{{}}}}")));
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        body.Headers.ContentLength = null;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/app/schemes/preview") { Content = body };
        request.Headers.TransferEncodingChunked = true;

        var response = await clerk.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge, await response.Content.ReadAsStringAsync());
        (await response.ReadProblemAsync()).GetProperty("title").GetString().ShouldBe("提交的内容过大，请减少后重试。");
    }

    [Fact]
    public async Task Should_Name_Enum_Values_In_The_OpenApi_Document()
    {
        using var client = host.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");

        var kind = document.GetProperty("components").GetProperty("schemas").GetProperty("Periods.PeriodKind");
        kind.GetProperty("x-enumNames").EnumerateArray().Select(n => n.GetString()).ShouldBe(["Annual", "HalfYear", "Quarterly", "Monthly"]);
        kind.GetProperty("x-enum-varnames").GetArrayLength().ShouldBe(4);
        kind.GetProperty("description").GetString()!.ShouldContain("1 = HalfYear");
        kind.GetProperty("enum").EnumerateArray().Select(v => v.GetInt32()).ShouldBe([0, 1, 2, 3]);
    }
}

public sealed class InputLimits_Http_Sqlite_Tests(SqliteHostFixture host) : InputLimits_Http_Tests<SqliteHostFixture>(host);

public sealed class InputLimits_Http_MySql_Tests(MySqlHostFixture host) : InputLimits_Http_Tests<MySqlHostFixture>(host);

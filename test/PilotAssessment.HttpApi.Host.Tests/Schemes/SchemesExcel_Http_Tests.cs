using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PilotAssessment.Dtos;
using PilotAssessment.Excel;
using Shouldly;
using Xunit;

namespace PilotAssessment.Schemes;

public abstract class SchemesExcel_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task Should_Round_Trip_A_Scheme_Through_Xlsx_Export_And_Import_Then_Publish_It()
    {
        using var official = await host.ClientForAsync(null, "official");
        var sample = await SampleAsync(official);

        var export = await official.GetAsync($"/api/app/schemes/{sample.Id}/export/xlsx");

        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe(XlsxContentType);
        export.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"{sample.Name}-{sample.Year}-v{sample.Version}.xlsx");
        var imported = await ImportAsync(official, await export.Content.ReadAsByteArrayAsync());
        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        var draft = (await imported.ReadJsonAsync<SchemeDto>())!;
        draft.Status.ShouldBe("Draft");
        draft.Id.ShouldNotBe(sample.Id);
        draft.Name.ShouldBe(sample.Name);
        draft.Problems.ShouldBeEmpty();
        (await DefinitionJsonAsync(official, draft.Id)).ShouldBe(await DefinitionJsonAsync(official, sample.Id));

        (await official.PostAsync($"/api/app/schemes/{draft.Id}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_List_The_Problems_Of_An_Imported_Draft_Like_The_Json_Import()
    {
        using var official = await host.ClientForAsync(null, "official");
        var xlsx = await (await official.GetAsync($"/api/app/schemes/{(await SampleAsync(official)).Id}/export/xlsx")).Content.ReadAsByteArrayAsync();
        xlsx = WorkbookEditor.SetCell(xlsx, "指标", "I4", "5"); // 101 points in all

        var imported = await ImportAsync(official, xlsx);

        imported.StatusCode.ShouldBe(HttpStatusCode.OK);
        var draft = (await imported.ReadJsonAsync<SchemeDto>())!;
        draft.Status.ShouldBe("Draft");
        draft.Problems.ShouldContain(p => p.Code == SchemeErrorCodes.PointsDoNotAddUp);
    }

    [Fact]
    public async Task Should_Refuse_A_Malformed_Workbook_With_Every_Cell_Error_And_Save_Nothing()
    {
        using var official = await host.ClientForAsync(null, "official");
        var before = await CountAsync(official);
        var xlsx = await (await official.GetAsync($"/api/app/schemes/{(await SampleAsync(official)).Id}/export/xlsx")).Content.ReadAsByteArrayAsync();
        xlsx = WorkbookEditor.SetCell(xlsx, "指标", "I4", "四分");
        xlsx = WorkbookEditor.SetCell(xlsx, "指标", "P5", "{\"kind\":\"dice\"}");
        xlsx = WorkbookEditor.RemoveSheet(xlsx, "预警色");

        var response = await ImportAsync(official, xlsx);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.GetProperty("code").GetString().ShouldBe(SchemeExcelErrorCodes.Invalid);
        problem.GetProperty("title").GetString()!.ShouldContain("3");
        var errors = problem.GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe(["预警色", "指标!I4", "指标!P5"], ignoreOrder: true);
        errors.GetProperty("指标!I4")[0].GetString().ShouldBe("指标!I4：分值必须是数字（当前为“四分”）。");
        errors.GetProperty("指标!P5")[0].GetString()!.ShouldContain("dice");
        errors.GetProperty("预警色")[0].GetString().ShouldBe("缺少工作表“预警色”。");
        (await CountAsync(official)).ShouldBe(before);
    }

    [Fact]
    public async Task Should_Refuse_A_File_That_Is_Not_A_Workbook_In_The_Callers_Language()
    {
        using var official = await host.ClientForAsync(null, "official");
        official.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var before = await CountAsync(official);

        var response = await ImportAsync(official, "{\"name\":\"不是表格\"}"u8.ToArray());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.GetProperty("code").GetString().ShouldBe(SchemeExcelErrorCodes.NotXlsx);
        problem.GetProperty("title").GetString()!.ShouldContain("not a valid Excel workbook");
        (await CountAsync(official)).ShouldBe(before);
    }

    [Fact]
    public async Task Should_Not_Let_A_City_Import_A_Workbook()
    {
        using var official = await host.ClientForAsync(null, "official");
        var xlsx = await (await official.GetAsync($"/api/app/schemes/{(await SampleAsync(official)).Id}/export/xlsx")).Content.ReadAsByteArrayAsync();
        var before = await CountAsync(official);
        using var cityAdmin = await host.ClientForAsync("张掖", "admin");

        (await ImportAsync(cityAdmin, xlsx)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await CountAsync(official)).ShouldBe(before);
    }

    [Fact]
    public async Task Should_Let_Cities_Export_Published_Schemes_But_Answer_404_For_Drafts_And_Unknown_Ids()
    {
        using var official = await host.ClientForAsync(null, "official");
        var sample = await SampleAsync(official);
        var copied = await official.PostAsync($"/api/app/schemes/{sample.Id}/copy", null);
        var draft = (await copied.ReadJsonAsync<SchemeDto>())!;
        using var clerk = await host.ClientForAsync("金昌", "clerk");

        (await clerk.GetAsync($"/api/app/schemes/{sample.Id}/export/xlsx")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await clerk.GetAsync($"/api/app/schemes/{draft.Id}/export/xlsx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await clerk.GetAsync($"/api/app/schemes/{Guid.NewGuid()}/export/xlsx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await official.GetAsync($"/api/app/schemes/{draft.Id}/export/xlsx")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<SchemeDto> SampleAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<PagedResultDto<SchemeDto>>("/api/app/schemes?status=Published&maxResultCount=1000", HttpJson.Options))!
        .Items.OrderBy(s => s.CreationTime).First();

    private static async Task<long> CountAsync(HttpClient official) =>
        (await official.GetFromJsonAsync<PagedResultDto<SchemeDto>>("/api/app/schemes?maxResultCount=1000", HttpJson.Options))!.TotalCount;

    private static async Task<string> DefinitionJsonAsync(HttpClient client, Guid id)
    {
        var json = await client.GetByteArrayAsync($"/api/app/schemes/{id}/export/json");
        return JsonNode.Parse(json)!["definition"]!.ToJsonString();
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] xlsx)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(xlsx);
        file.Headers.ContentType = new MediaTypeHeaderValue(XlsxContentType);
        content.Add(file, "file", "scheme.xlsx");
        return await client.PostAsync("/api/app/schemes/import/xlsx", content);
    }
}

public sealed class SchemesExcel_Http_Sqlite_Tests(SqliteHostFixture host) : SchemesExcel_Http_Tests<SqliteHostFixture>(host);

public sealed class SchemesExcel_Http_MySql_Tests(MySqlHostFixture host) : SchemesExcel_Http_Tests<MySqlHostFixture>(host);

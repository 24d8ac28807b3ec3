using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using PilotAssessment.Dtos;
using PilotAssessment.Excel;
using PilotAssessment.Periods;
using PilotAssessment.Schemes;
using Shouldly;
using Xunit;

namespace PilotAssessment.DataEntry;

/// <summary>Every hostile entry workbook gets a localized 400, and the host goes on answering.</summary>
public abstract class DataEntryXlsxLimits_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    public static TheoryData<string, string, string, string> HostileFiles => new()
    {
        { "bomb", "zh-Hans", DataEntryErrorCodes.XlsxTooLarge, "解压后超过 20 MB" },
        { "malformed", "en", DataEntryErrorCodes.XlsxUnreadable, "use the downloaded template" },
        { "nosheet", "zh-Hans", DataEntryErrorCodes.XlsxNoSheet, "没有工作表" },
        { "rows", "en", DataEntryErrorCodes.XlsxTooManyRows, "more rows than this period has indicators to enter (30)" },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task Should_Refuse_A_Hostile_Workbook_With_A_Localized_400_And_Keep_Answering(string kind, string language, string code, string message)
    {
        var period = await host.CreateOpenPeriodAsync();
        using var clerk = await host.ClientForAsync("兰州", "clerk");
        clerk.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var file = kind switch
        {
            "bomb" => HostileWorkbooks.ZipBomb(),
            "malformed" => HostileWorkbooks.MalformedSheet(),
            "nosheet" => HostileWorkbooks.NoSheet(),
            _ => HostileWorkbooks.ManyRows(100_000),
        };

        var response = await UploadAsync(clerk, period.Id, file);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var problem = await response.ReadProblemAsync();
        problem.GetProperty("code").GetString().ShouldBe(code);
        problem.GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain(message);
        (await clerk.GetAsync($"/api/app/data-entry/periods/{period.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_Name_The_Row_Of_An_Indicator_Entered_Twice_And_Save_Nothing()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var clerk = await host.ClientForAsync("天水", "clerk");

        var response = await UploadAsync(clerk, period.Id, HostileWorkbooks.Entry("B04", "I01", "B04"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var problem = await response.ReadProblemAsync();
        problem.GetProperty("errors").GetProperty("A4")[0].GetString().ShouldBe("指标“B04”已在第2行填写，每个指标只能填一行。");
        var sheet = await clerk.GetFromJsonAsync<EntrySheetDto>($"/api/app/data-entry/periods/{period.Id}", HttpJson.Options);
        sheet!.Lines.ShouldAllBe(l => !l.Reported);
    }

    [Fact]
    public async Task Should_Still_Take_A_Workbook_Within_The_Limits()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var clerk = await host.ClientForAsync("天水", "clerk");

        var response = await UploadAsync(clerk, period.Id, HostileWorkbooks.Entry("B04", "I01"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var sheet = (await response.ReadJsonAsync<EntrySheetDto>())!;
        sheet.Lines.Single(l => l.IndicatorCode == "B04").Value.Number.ShouldBe(90m);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid periodId, byte[] xlsx)
    {
        var file = new ByteArrayContent(xlsx);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var form = new MultipartFormDataContent { { file, "file", "填报.xlsx" } };
        return await client.PostAsync($"/api/app/data-entry/periods/{periodId}/xlsx", form);
    }
}

public sealed class DataEntryXlsxLimits_Http_Sqlite_Tests(SqliteHostFixture host) : DataEntryXlsxLimits_Http_Tests<SqliteHostFixture>(host);

public sealed class DataEntryXlsxLimits_Http_MySql_Tests(MySqlHostFixture host) : DataEntryXlsxLimits_Http_Tests<MySqlHostFixture>(host);

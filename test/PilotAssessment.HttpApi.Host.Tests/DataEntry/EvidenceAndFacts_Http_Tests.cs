using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using PilotAssessment.Dtos;
using PilotAssessment.Periods;
using PilotAssessment.Schemes;
using Shouldly;
using Xunit;

namespace PilotAssessment.DataEntry;

/// <summary>Facts take only the scheme's data items; evidence is bounded by a per-city quota and recognised by content.</summary>
public abstract class EvidenceAndFacts_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    private static byte[] Pdf(int size)
    {
        var bytes = new byte[size];
        Encoding.ASCII.GetBytes("%PDF-1.4\n").CopyTo(bytes, 0);
        return bytes;
    }

    [Fact]
    public async Task Should_Refuse_A_Data_Item_The_Scheme_Does_Not_Have()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var clerk = await host.ClientForAsync("金昌", "clerk");

        var response = await clerk.PutAsJsonAsync($"/api/app/data-entry/periods/{period.Id}/facts", new CityFactsDto { DataItems = { ["population"] = 1_000_000 } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var problem = await response.ReadProblemAsync();
        problem.GetProperty("errors").GetProperty("dataItems.population")[0].GetString().ShouldBe("“population”不是本方案需要填报的数据项。");
    }

    [Fact]
    public async Task Should_Refuse_Evidence_Beyond_The_Citys_Quota_Saying_Used_And_Limit()
    {
        var options = host.GetService<EvidenceOptions>();
        var before = options.CityQuotaBytes;
        options.CityQuotaBytes = 3 * 1024 * 1024 / 2; // 1.5 MB
        try
        {
            var period = await host.CreateOpenPeriodAsync();
            using var clerk = await host.ClientForAsync("金昌", "clerk");
            var saved = await clerk.PutAsJsonAsync($"/api/app/data-entry/periods/{period.Id}/lines/B04", new SaveEntryLineInput { Value = new EntryValueDto { Number = 80 } });
            var line = (await saved.ReadJsonAsync<EntryLineDto>())!;

            (await UploadAsync(clerk, line.Id!.Value, Pdf(1024 * 1024))).StatusCode.ShouldBe(HttpStatusCode.OK);
            var refused = await UploadAsync(clerk, line.Id!.Value, Pdf(1024 * 1024));

            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await refused.Content.ReadAsStringAsync());
            var message = (await refused.ReadProblemAsync()).GetProperty("errors").GetProperty("file")[0].GetString();
            message.ShouldBe("本市佐证材料已用 1 MB，上限为 1.5 MB，无法再上传此文件（1 MB）；请删除不需要的材料或联系省级管理员。");
        }
        finally
        {
            options.CityQuotaBytes = before;
        }
    }

    [Fact]
    public async Task Should_Refuse_A_Plain_Zip_Named_Xlsx_As_Evidence()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var clerk = await host.ClientForAsync("金昌", "clerk");
        var saved = await clerk.PutAsJsonAsync($"/api/app/data-entry/periods/{period.Id}/lines/B04", new SaveEntryLineInput { Value = new EntryValueDto { Number = 80 } });
        var line = (await saved.ReadJsonAsync<EntryLineDto>())!;
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("xl/payload.bin").Open());
            writer.Write("not a workbook");
        }

        var response = await UploadAsync(clerk, line.Id!.Value, zip.ToArray(), "报表.xlsx");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        (await response.ReadProblemAsync()).GetProperty("code").GetString().ShouldBe(DataEntryErrorCodes.EvidenceType);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid lineId, byte[] content, string name = "evidence.pdf")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var form = new MultipartFormDataContent { { file, "file", name } };
        return await client.PostAsync($"/api/app/data-entry/lines/{lineId}/evidence", form);
    }
}

public sealed class EvidenceAndFacts_Http_Sqlite_Tests(SqliteHostFixture host) : EvidenceAndFacts_Http_Tests<SqliteHostFixture>(host);

public sealed class EvidenceAndFacts_Http_MySql_Tests(MySqlHostFixture host) : EvidenceAndFacts_Http_Tests<MySqlHostFixture>(host);

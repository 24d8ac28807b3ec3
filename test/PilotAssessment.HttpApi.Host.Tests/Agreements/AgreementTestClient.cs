using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using PilotAssessment.Dtos;
using PilotAssessment.Schemes;
using Shouldly;

namespace PilotAssessment.Agreements;

/// <summary>Calls of the agreement API shared by the agreement tests.</summary>
internal static class AgreementTestClient
{
    public const string Url = "/api/app/agreements";

    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    public static async Task<AgreementDto> CreateAsync(PilotAssessmentHostFixture host, HttpClient official, string city, int year)
    {
        var schemes = await official.GetFromJsonAsync<PagedResultDto<SchemeDto>>("/api/app/schemes?status=Published&maxResultCount=100", HttpJson.Options);
        var sample = schemes!.Items.OrderBy(s => s.CreationTime).First();
        var response = await official.PostAsJsonAsync(Url, new CreateAgreementInput { CityId = await host.TenantIdAsync(city), SchemeId = sample.Id, Year = year });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<AgreementDto>())!;
    }

    /// <summary>The standard body; its key tasks fall due within the agreement's year, as they must.</summary>
    public static UpdateAgreementInput StandardBody(AgreementDto agreement) => new()
    {
        Title = agreement.Title,
        ConcurrencyStamp = agreement.ConcurrencyStamp!,
        Targets = [new AgreementTargetInput { Code = "D01", Target = 99, Note = "本市基础较好，目标提高" }],
        ExtraLines = [new AgreementExtraLineInput { Code = "X1", Name = "“枫桥式”派出所创建数", MaxPoints = 2, Target = 10 }],
        KeyTasks =
        [
            new AgreementKeyTaskInput
            {
                Code = "K01", Area = "完善共治格局", Task = "成立由市委、市政府主要领导任组长的试点工作领导机构", ResponsibleUnit = "市委办公室",
                DueDate = new DateTime(agreement.Year, 3, 31), Milestones = [new KeyTaskMilestoneDto { Title = "印发组建通知", DueDate = new DateTime(agreement.Year, 2, 28) }],
            },
            new AgreementKeyTaskInput { Code = "K02", Area = "完善共治格局", Task = "制定试点工作实施方案并分解任务清单、责任清单", ResponsibleUnit = "市委政法委", DueDate = new DateTime(agreement.Year, 4, 30) },
            new AgreementKeyTaskInput { Code = "K03", Area = "打造工作网络", Task = "建成市、县、乡三级综治中心并实体化运行", ResponsibleUnit = "市委政法委", DueDate = new DateTime(agreement.Year, 12, 31) },
            new AgreementKeyTaskInput { Code = "K04", Area = "建强支撑保障", Task = "落实试点工作经费保障", ResponsibleUnit = "市财政局", DueDate = new DateTime(agreement.Year, 6, 30) },
        ],
        Duties = ["落实平安建设领导责任制", "每季度研究一次试点工作"],
        Prohibitions = ["不得瞒报、迟报重大案事件"],
        Rules = ["重点任务按节点报送进度，逾期未完成的扣分"],
    };

    public static async Task<AgreementDto> UpdateAsync(HttpClient official, Guid id, UpdateAgreementInput body)
    {
        var response = await official.PutAsJsonAsync($"{Url}/{id}", body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<AgreementDto>())!;
    }

    public static async Task<AgreementDto> PostAsync(HttpClient client, Guid id, string action, object? body = null)
    {
        var response = await client.PostAsJsonAsync($"{Url}/{id}/{action}", body ?? new { });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<AgreementDto>())!;
    }

    /// <summary>A standard agreement, issued, signed by the city's admin and put in force.</summary>
    public static async Task<AgreementDto> InForceAsync(PilotAssessmentHostFixture host, HttpClient official, string city, int year)
    {
        var agreement = await CreateAsync(host, official, city, year);
        agreement = await UpdateAsync(official, agreement.Id, StandardBody(agreement));
        await PostAsync(official, agreement.Id, "issue");
        using var cityAdmin = await host.ClientForAsync(city, "admin");
        await PostAsync(cityAdmin, agreement.Id, "sign", new SignAgreementInput { Signatory = "张明" });
        return await PostAsync(official, agreement.Id, "put-in-force");
    }

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, byte[] bytes, string fileName) =>
        client.PostAsync($"{Url}/{id}/attachments", FileContent(bytes, fileName));

    public static Task<HttpResponseMessage> ReportAsync(HttpClient client, Guid id, string task, int percent, string? milestone = null, byte[]? file = null, string fileName = "evidence.png")
    {
        var content = file is null ? new MultipartFormDataContent() : FileContent(file, fileName);
        content.Add(new StringContent(percent.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Percent");
        content.Add(new StringContent("按节点推进"), "Note");
        if (milestone is not null)
        {
            content.Add(new StringContent(milestone), "Milestone");
        }

        return client.PostAsync($"{Url}/{id}/key-tasks/{task}/progress", content);
    }

    private static MultipartFormDataContent FileContent(byte[] bytes, string fileName)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);
        return content;
    }
}

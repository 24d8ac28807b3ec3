using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using PilotAssessment.DataEntry;
using PilotAssessment.Dtos;
using PilotAssessment.OrganizationUnits;
using PilotAssessment.Periods;
using Shouldly;
using Xunit;

namespace PilotAssessment.Supervision;

/// <summary>
/// Problems are rows of their city: another city's problem answers 404 on every endpoint, and inside a city a unit's
/// member sees only the problems handed to their unit. The province raises, verifies and closes; the city hands on; the
/// unit reports with evidence.
/// </summary>
public abstract class Problems_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    private const string Url = "/api/app/supervision/problems";

    private static readonly byte[] Pdf = "%PDF-1.4\n%%EOF"u8.ToArray();

    [Fact]
    public async Task Should_Answer_404_To_Another_City_For_Every_Problem_Endpoint()
    {
        using var official = await host.ClientForAsync(null, "official");
        var problem = await CreateAsync(official, await host.TenantIdAsync("兰州"), "兰州的问题");
        var finding = await UploadAsync(official, problem.Id);
        finding.StatusCode.ShouldBe(HttpStatusCode.OK, await finding.Content.ReadAsStringAsync());
        var evidence = (await finding.ReadJsonAsync<ProblemEvidenceDto>())!;
        evidence.Stage.ShouldBe("Finding");

        using var other = await host.ClientForAsync("天水", "admin");
        (await other.GetAsync($"{Url}/{problem.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsJsonAsync($"{Url}/{problem.Id}/hand-to-unit", new HandToUnitInput { UnitId = Guid.NewGuid() })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await UploadAsync(other, problem.Id)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"{Url}/{problem.Id}/evidence/{evidence.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsJsonAsync($"{Url}/{problem.Id}/report", new ReportRectificationInput { Note = "已整改" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await other.GetFromJsonAsync<PagedResultDto<ProblemDto>>($"{Url}?maxResultCount=1000", HttpJson.Options);
        list!.Items.ShouldNotContain(p => p.Id == problem.Id);
        var filtered = await other.GetFromJsonAsync<PagedResultDto<ProblemDto>>($"{Url}?cityId={problem.CityId}", HttpJson.Options);
        filtered!.TotalCount.ShouldBe(0);

        // The city's own administrator has it, with the province's evidence.
        using var own = await host.ClientForAsync("兰州", "admin");
        (await own.GetAsync($"{Url}/{problem.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await own.GetAsync($"{Url}/{problem.Id}/evidence/{evidence.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // An evidence id of another problem answers 404 too, even in the same city.
        var second = await CreateAsync(official, problem.CityId, "兰州的另一个问题");
        (await own.GetAsync($"{Url}/{second.Id}/evidence/{evidence.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_Show_A_Unit_Only_The_Problems_Handed_To_It()
    {
        var city = await CityWithUnitsAsync("酒泉");
        using var police = city.Police;
        using var justice = city.Justice;
        using var official = await host.ClientForAsync(null, "official");
        using var admin = await host.ClientForAsync(city.Name, "admin");
        var forPolice = await CreateAsync(official, city.Id, "治安巡防不到位");
        var forJustice = await CreateAsync(official, city.Id, "人民调解档案不全");
        (await HandAsync(admin, forPolice.Id, city.PoliceId)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HandAsync(admin, forJustice.Id, city.JusticeId)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var policeList = await police.GetFromJsonAsync<PagedResultDto<ProblemDto>>(Url, HttpJson.Options);
        policeList!.Items.Select(p => p.Id).ShouldBe([forPolice.Id]);
        (await police.GetAsync($"{Url}/{forPolice.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await police.GetAsync($"{Url}/{forJustice.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await UploadAsync(police, forJustice.Id)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await police.PostAsJsonAsync($"{Url}/{forJustice.Id}/report", new ReportRectificationInput { Note = "已整改" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var justiceEvidence = (await (await UploadAsync(justice, forJustice.Id)).ReadJsonAsync<ProblemEvidenceDto>())!;
        (await police.GetAsync($"{Url}/{forJustice.Id}/evidence/{justiceEvidence.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await justice.GetAsync($"{Url}/{forJustice.Id}/evidence/{justiceEvidence.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A unit cannot hand problems on; a clerk of no unit sees none of them; the administrator sees both.
        (await HandAsync(police, forPolice.Id, city.JusticeId)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var clerk = await host.ClientForAsync(city.Name, "clerk");
        (await clerk.GetFromJsonAsync<PagedResultDto<ProblemDto>>(Url, HttpJson.Options))!.TotalCount.ShouldBe(0);
        (await clerk.GetAsync($"{Url}/{forPolice.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var all = await admin.GetFromJsonAsync<PagedResultDto<ProblemDto>>(Url, HttpJson.Options);
        all!.Items.Select(p => p.Id).ShouldBe([forPolice.Id, forJustice.Id], ignoreOrder: true);
        all.Items.Single(p => p.Id == forPolice.Id).UnitName.ShouldBe($"公安局{city.Year}");
    }

    [Fact]
    public async Task Should_Take_A_Problem_Through_Its_Life_Cycle_With_Its_History_And_Refuse_Illegal_Steps()
    {
        var city = await CityWithUnitsAsync("张掖");
        using var police = city.Police;
        using var official = await host.ClientForAsync(null, "official");
        using var admin = await host.ClientForAsync(city.Name, "admin");
        official.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");
        police.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var problem = await CreateAsync(official, city.Id, "重点人员稳控措施不落实");
        problem.Status.ShouldBe("Assigned");
        problem.Deadline.ShouldBe(new DateOnly(2030, 6, 30));

        var early = await official.PostAsJsonAsync($"{Url}/{problem.Id}/close", new CloseProblemInput());
        early.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await early.ReadProblemAsync()).GetProperty("errors").GetProperty("Status")[0].GetString().ShouldBe("问题当前为“交办”状态，不能变为“已销号”。");

        (await HandAsync(admin, problem.Id, city.PoliceId)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var noEvidence = await police.PostAsJsonAsync($"{Url}/{problem.Id}/report", new ReportRectificationInput { Note = "已落实稳控措施" });
        noEvidence.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noEvidence.ReadProblemAsync()).GetProperty("errors").GetProperty("file")[0].GetString().ShouldBe("Upload at least one evidence file of the rectification first.");
        var notPdf = await police.PostAsync($"{Url}/{problem.Id}/evidence", Form("not a pdf"u8.ToArray(), "a.pdf"));
        notPdf.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await UploadAsync(police, problem.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var reported = await police.PostAsJsonAsync($"{Url}/{problem.Id}/report", new ReportRectificationInput { Note = "已落实稳控措施" });
        reported.StatusCode.ShouldBe(HttpStatusCode.OK, await reported.Content.ReadAsStringAsync());
        (await reported.ReadJsonAsync<ProblemDto>())!.Status.ShouldBe("AwaitingVerification");

        // Only the province verifies; a refusal needs its reason and sends the problem back.
        (await admin.PostAsJsonAsync($"{Url}/{problem.Id}/close", new CloseProblemInput())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var noReason = await official.PostAsJsonAsync($"{Url}/{problem.Id}/reject", new RejectRectificationInput { Reason = " " });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.ReadProblemAsync()).GetProperty("errors").GetProperty("reason")[0].GetString().ShouldBe("请填写退回整改的理由。");
        var rejected = await official.PostAsJsonAsync($"{Url}/{problem.Id}/reject", new RejectRectificationInput { Reason = "佐证不足" });
        (await rejected.ReadJsonAsync<ProblemDto>())!.Status.ShouldBe("Rectifying");
        (await police.PostAsJsonAsync($"{Url}/{problem.Id}/report", new ReportRectificationInput { Note = "补充佐证" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var closed = await official.PostAsJsonAsync($"{Url}/{problem.Id}/close", new CloseProblemInput { Note = "核验属实" });
        closed.StatusCode.ShouldBe(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
        (await closed.ReadJsonAsync<ProblemDto>())!.Status.ShouldBe("Closed");
        (await UploadAsync(police, problem.Id)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var detail = await official.GetFromJsonAsync<ProblemDetailDto>($"{Url}/{problem.Id}", HttpJson.Options);
        detail!.History.Select(e => e.Kind).ShouldBe(["Assigned", "HandedToUnit", "EvidenceAdded", "Reported", "Rejected", "Reported", "Closed"]);
        detail.History.Single(e => e.Kind == "Rejected").Note.ShouldBe("佐证不足");
        detail.History.Single(e => e.Kind == "HandedToUnit").UnitName.ShouldBe($"公安局{city.Year}");
        detail.Evidence.Single().Stage.ShouldBe("Rectification");

        // Found again: linked to the closed one.
        var again = await official.PostAsJsonAsync(Url, Input(city.Id, "重点人员稳控措施仍不落实") with { PreviousProblemId = problem.Id });
        again.StatusCode.ShouldBe(HttpStatusCode.OK, await again.Content.ReadAsStringAsync());
        (await again.ReadJsonAsync<ProblemDto>())!.Repeat.ShouldBeTrue();
    }

    [Fact]
    public async Task Should_Give_The_Province_A_Matrix_By_City_And_State_And_An_Xlsx_Export()
    {
        using var official = await host.ClientForAsync(null, "official");
        var jinchang = await host.TenantIdAsync("金昌");
        var before = (await official.GetFromJsonAsync<ProblemMatrixDto>($"{Url}/matrix", HttpJson.Options))!.Rows.Single(r => r.CityId == jinchang);
        var late = await official.PostAsJsonAsync(Url, Input(jinchang, "逾期的问题") with { Deadline = DateOnly.FromDateTime(ProvinceTime.ToLocal(DateTime.UtcNow)).AddDays(-1) });
        late.StatusCode.ShouldBe(HttpStatusCode.OK, await late.Content.ReadAsStringAsync());
        (await late.ReadJsonAsync<ProblemDto>())!.Overdue.ShouldBeTrue();
        await CreateAsync(official, jinchang, "按期的问题");

        var matrix = await official.GetFromJsonAsync<ProblemMatrixDto>($"{Url}/matrix", HttpJson.Options);
        var row = matrix!.Rows.Single(r => r.CityId == jinchang);
        row.CityName.ShouldBe("金昌市");
        row.Counts["Assigned"].ShouldBe(before.Counts["Assigned"] + 2);
        row.Overdue.ShouldBe(before.Overdue + 1);
        row.Total.ShouldBe(before.Total + 2);
        matrix.Rows.Count.ShouldBeGreaterThanOrEqualTo(5);

        using var city = await host.ClientForAsync("金昌", "admin");
        (await city.GetAsync($"{Url}/matrix")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await city.PostAsJsonAsync(Url, Input(jinchang, "城市自己交办"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var overdue = await city.GetFromJsonAsync<PagedResultDto<ProblemDto>>($"{Url}?overdue=true", HttpJson.Options);
        overdue!.Items.ShouldContain(p => p.Title == "逾期的问题");
        overdue.Items.ShouldNotContain(p => p.Title == "按期的问题");

        var xlsx = await official.GetAsync($"{Url}/xlsx?cityId={jinchang}");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var text = SheetXml(await xlsx.Content.ReadAsByteArrayAsync());
        text.ShouldContain("逾期的问题");
        text.ShouldContain("交办");
    }

    [Fact]
    public async Task Should_Refuse_A_Problem_Without_Deadline_Or_For_An_Unknown_City_With_Field_Errors()
    {
        using var official = await host.ClientForAsync(null, "official");
        official.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var noDeadline = await official.PostAsJsonAsync(Url, Input(await host.TenantIdAsync("兰州"), "x") with { Deadline = null });
        noDeadline.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noDeadline.ReadProblemAsync()).GetProperty("errors").GetProperty("deadline")[0].GetString().ShouldBe("Give the deadline for the rectification.");
        var unknown = await official.PostAsJsonAsync(Url, Input(Guid.NewGuid(), "x"));
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.ReadProblemAsync()).GetProperty("errors").GetProperty("cityId")[0].GetString().ShouldBe("This pilot city was not found.");
        var otherCitysUnit = await official.PostAsJsonAsync(Url, Input(await host.TenantIdAsync("兰州"), "x") with { UnitId = Guid.NewGuid() });
        otherCitysUnit.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var noWarning = await official.PostAsJsonAsync($"{Url}/from-warning", new RaiseFromWarningInput
        {
            PeriodId = (await host.CreateOpenPeriodAsync()).Id,
            CityId = await host.TenantIdAsync("兰州"),
            Scope = "Line",
            Code = "B01",
            Deadline = new DateOnly(2030, 6, 30),
        });
        noWarning.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noWarning.ReadProblemAsync()).GetProperty("errors").GetProperty("code")[0].GetString().ShouldBe("\"B01\" has no early warning now; no problem can be raised from it.");
    }

    [Fact]
    public async Task Should_Count_Problem_Evidence_Within_The_Citys_Evidence_Quota()
    {
        var options = host.GetService<EvidenceOptions>();
        var before = options.CityQuotaBytes;
        options.CityQuotaBytes = 3 * 1024 * 1024 / 2; // 1.5 MB
        try
        {
            using var official = await host.ClientForAsync(null, "official");
            official.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");
            var problem = await CreateAsync(official, await host.TenantIdAsync("金昌"), "佐证材料占满配额");
            var megabyte = new byte[1024 * 1024];
            Pdf.CopyTo(megabyte, 0);
            (await official.PostAsync($"{Url}/{problem.Id}/evidence", Form(megabyte, "现场照片.pdf"))).StatusCode.ShouldBe(HttpStatusCode.OK);

            const string Message = "本市佐证材料已用 1 MB，上限为 1.5 MB，无法再上传此文件（1 MB）；请删除不需要的材料或联系省级管理员。";
            var refused = await official.PostAsync($"{Url}/{problem.Id}/evidence", Form(megabyte, "现场照片2.pdf"));
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await refused.Content.ReadAsStringAsync());
            (await refused.ReadProblemAsync()).GetProperty("errors").GetProperty("file")[0].GetString().ShouldBe(Message);
            (await official.GetFromJsonAsync<ProblemDetailDto>($"{Url}/{problem.Id}", HttpJson.Options))!.Evidence.Count.ShouldBe(1);

            // The city's entry evidence shares the same quota.
            var period = await host.CreateOpenPeriodAsync();
            using var clerk = await host.ClientForAsync("金昌", "clerk");
            clerk.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");
            var saved = await clerk.PutAsJsonAsync($"/api/app/data-entry/periods/{period.Id}/lines/B04", new SaveEntryLineInput { Value = new EntryValueDto { Number = 80 } });
            var line = (await saved.ReadJsonAsync<EntryLineDto>())!;
            var entry = await clerk.PostAsync($"/api/app/data-entry/lines/{line.Id}/evidence", Form(megabyte, "台账.pdf"));
            entry.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await entry.Content.ReadAsStringAsync());
            (await entry.ReadProblemAsync()).GetProperty("errors").GetProperty("file")[0].GetString().ShouldBe(Message);
        }
        finally
        {
            options.CityQuotaBytes = before;
        }
    }

    /// <summary>The XML of the workbook's first sheet (its cells are inline strings).</summary>
    private static string SheetXml(byte[] xlsx)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx));
        var sheet = zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
        using var reader = new StreamReader(sheet.Open());
        return reader.ReadToEnd();
    }

    private static CreateProblemInputRecord Input(Guid city, string title) => new(city, title, "平安建设", new DateOnly(2030, 6, 30), null, null);

    /// <summary>The JSON of a new problem (a record, to vary one field in a test).</summary>
    private sealed record CreateProblemInputRecord(Guid CityId, string Title, string Category, DateOnly? Deadline, Guid? UnitId, Guid? PreviousProblemId);

    private static async Task<ProblemDto> CreateAsync(HttpClient official, Guid city, string title)
    {
        var created = await official.PostAsJsonAsync(Url, Input(city, title));
        created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        return (await created.ReadJsonAsync<ProblemDto>())!;
    }

    private static Task<HttpResponseMessage> HandAsync(HttpClient client, Guid problemId, Guid unitId) =>
        client.PostAsJsonAsync($"{Url}/{problemId}/hand-to-unit", new HandToUnitInput { UnitId = unitId });

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid problemId) =>
        client.PostAsync($"{Url}/{problemId}/evidence", Form(Pdf, "整改佐证.pdf"));

    private static MultipartFormDataContent Form(byte[] bytes, string name)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    /// <summary>Two units of the city (公安局, 司法局 of a new year), each with a clerk of its own.</summary>
    private async Task<UnitCity> CityWithUnitsAsync(string city)
    {
        var year = host.NewYear();
        using var admin = await host.ClientForAsync(city, "admin");
        var police = await OrganizationUnits_Http_Tests<THost>.CreateAsync(admin, $"GA-{year}", $"公安局{year}", OrganizationUnitKind.Department, null);
        var justice = await OrganizationUnits_Http_Tests<THost>.CreateAsync(admin, $"SF-{year}", $"司法局{year}", OrganizationUnitKind.Department, null);
        var policeClerk = await UnitTestClient.CreateMemberAsync(host, admin, city, police.Id, $"dd-ga-{year}");
        var justiceClerk = await UnitTestClient.CreateMemberAsync(host, admin, city, justice.Id, $"dd-sf-{year}");
        return new UnitCity(city, await host.TenantIdAsync(city), year, police.Id, justice.Id, policeClerk, justiceClerk);
    }

    private sealed record UnitCity(string Name, Guid Id, int Year, Guid PoliceId, Guid JusticeId, HttpClient Police, HttpClient Justice);
}

public sealed class Problems_Http_Sqlite_Tests(SqliteHostFixture host) : Problems_Http_Tests<SqliteHostFixture>(host);

public sealed class Problems_Http_MySql_Tests(MySqlHostFixture host) : Problems_Http_Tests<MySqlHostFixture>(host);

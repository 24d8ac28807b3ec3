using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using PilotAssessment.Account;
using PilotAssessment.Agreements;
using PilotAssessment.Dtos;
using PilotAssessment.Excel;
using PilotAssessment.Identity;
using PilotAssessment.OrganizationUnits;
using PilotAssessment.Periods;
using PilotAssessment.Schemes;
using Shouldly;
using Xunit;

namespace PilotAssessment.DataEntry;

/// <summary>
/// Inside a city, a line handed to a unit (by the agreement's assignment) is read and written only by that unit's
/// members and the city administrator; the other lines by users of no unit. Another unit's line answers 404.
/// </summary>
public abstract class UnitScope_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    private const string Url = "/api/app/data-entry";

    private static readonly byte[] Pdf = "%PDF-1.4\n%%EOF"u8.ToArray();

    [Fact]
    public async Task Should_Answer_404_To_A_Clerk_Of_Another_Unit_For_Every_Line_Endpoint()
    {
        var city = await CityWithUnitsAsync("兰州");
        using var police = city.Police;
        using var justice = city.Justice;
        var saved = await police.PutAsJsonAsync($"{Url}/periods/{city.Period.Id}/lines/B04", new SaveEntryLineInput { Value = new EntryValueDto { Number = 80 } });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var line = (await saved.ReadJsonAsync<EntryLineDto>())!;
        var upload = await police.PostAsync($"{Url}/lines/{line.Id}/evidence", PdfForm());
        upload.StatusCode.ShouldBe(HttpStatusCode.OK, await upload.Content.ReadAsStringAsync());
        var evidence = (await upload.ReadJsonAsync<EvidenceDto>())!;

        (await justice.GetAsync($"{Url}/lines/{line.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await justice.GetAsync($"{Url}/lines/{line.Id}/history")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await justice.PostAsync($"{Url}/lines/{line.Id}/evidence", PdfForm())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await justice.GetAsync($"{Url}/evidence/{evidence.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await justice.DeleteAsync($"{Url}/evidence/{evidence.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var overwrite = await justice.PutAsJsonAsync(
            $"{Url}/periods/{city.Period.Id}/lines/B04", new SaveEntryLineInput { Value = new EntryValueDto { Number = 10 }, ConcurrencyStamp = line.ConcurrencyStamp });
        overwrite.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var report = await justice.PostAsJsonAsync($"{Url}/periods/{city.Period.Id}/lines/submit", new SubmitLinesInput { IndicatorCodes = ["B04"] });
        report.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // A clerk of no unit keeps the lines nobody was handed, and no more.
        using var clerk = await host.ClientForAsync(city.Name, "clerk");
        (await clerk.GetAsync($"{Url}/lines/{line.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await clerk.GetAsync($"{Url}/evidence/{evidence.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var clerkSheet = await clerk.GetFromJsonAsync<EntrySheetDto>($"{Url}/periods/{city.Period.Id}", HttpJson.Options);
        clerkSheet!.Lines.Select(l => l.IndicatorCode).ShouldNotContain("B04");
        clerkSheet.Lines.Select(l => l.IndicatorCode).ShouldNotContain("F01");
        clerkSheet.Lines.Select(l => l.IndicatorCode).ShouldContain("B01");

        var policeSheet = await police.GetFromJsonAsync<EntrySheetDto>($"{Url}/periods/{city.Period.Id}", HttpJson.Options);
        policeSheet!.Lines.Select(l => l.IndicatorCode).ShouldBe(["B04"]);
        var justiceSheet = await justice.GetFromJsonAsync<EntrySheetDto>($"{Url}/periods/{city.Period.Id}", HttpJson.Options);
        justiceSheet!.Lines.Select(l => l.IndicatorCode).ShouldBe(["F01"]);

        // The line's own unit and the city administrator still have it all.
        (await police.GetAsync($"{Url}/evidence/{evidence.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await police.GetAsync($"{Url}/lines/{line.Id}/history")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var admin = await host.ClientForAsync(city.Name, "admin");
        (await admin.GetAsync($"{Url}/lines/{line.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var adminSheet = await admin.GetFromJsonAsync<EntrySheetDto>($"{Url}/periods/{city.Period.Id}", HttpJson.Options);
        adminSheet!.Lines.Single(l => l.IndicatorCode == "B04").Value.Number.ShouldBe(80m);
        (await police.PostAsJsonAsync($"{Url}/periods/{city.Period.Id}/lines/submit", new SubmitLinesInput { IndicatorCodes = ["B04"] })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await police.DeleteAsync($"{Url}/evidence/{evidence.Id}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Should_Give_A_Unit_Clerk_A_Template_Of_Their_Lines_And_Refuse_Rows_Of_Another_Unit_By_Cell()
    {
        var city = await CityWithUnitsAsync("天水");
        using var police = city.Police;
        using var admin = await host.ClientForAsync(city.Name, "admin");
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        police.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var template = await police.GetAsync($"{Url}/periods/{city.Period.Id}/xlsx");
        template.StatusCode.ShouldBe(HttpStatusCode.OK);
        var own = await template.Content.ReadAsByteArrayAsync();
        EntryXlsx.Read(new MemoryStream(own)).Select(r => r.Cells["A"]).ShouldBe(["B04"]);
        (await police.PostAsync($"{Url}/periods/{city.Period.Id}/xlsx", XlsxForm(own))).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The whole city's workbook: every row of a line that is not the unit's is refused at its code cell.
        var whole = await (await admin.GetAsync($"{Url}/periods/{city.Period.Id}/xlsx")).Content.ReadAsByteArrayAsync();
        var rows = EntryXlsx.Read(new MemoryStream(whole));
        var f01Row = rows.Single(r => r.Cells["A"] == "F01").Row;
        var b04Row = rows.Single(r => r.Cells["A"] == "B04").Row;
        var refused = await police.PostAsync($"{Url}/periods/{city.Period.Id}/xlsx", XlsxForm(whole));

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await refused.ReadProblemAsync()).GetProperty("errors");
        errors.GetProperty($"A{f01Row}")[0].GetString().ShouldBe("Indicator F01 is handed to another unit: you cannot enter it.");
        errors.TryGetProperty($"A{b04Row}", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Should_Take_The_Unit_Of_A_Line_From_The_Assignment_Never_From_The_Request()
    {
        var city = await CityWithUnitsAsync("酒泉");
        using var police = city.Police;
        using var clerk = await host.ClientForAsync(city.Name, "clerk");

        var own = await police.PutAsJsonAsync($"{Url}/periods/{city.Period.Id}/lines/B04", new SaveEntryLineInput { Value = new EntryValueDto { Number = 80 }, UnitId = city.JusticeId });
        own.StatusCode.ShouldBe(HttpStatusCode.OK, await own.Content.ReadAsStringAsync());
        (await own.ReadJsonAsync<EntryLineDto>())!.UnitId.ShouldBe(city.PoliceId);
        var random = await clerk.PutAsJsonAsync($"{Url}/periods/{city.Period.Id}/lines/B01", new SaveEntryLineInput { Value = new EntryValueDto { Number = 50, LastYearNumber = 60 }, UnitId = Guid.NewGuid() });
        random.StatusCode.ShouldBe(HttpStatusCode.OK, await random.Content.ReadAsStringAsync());
        (await random.ReadJsonAsync<EntryLineDto>())!.UnitId.ShouldBeNull();
    }

    [Fact]
    public async Task Should_Not_Let_A_Clerk_Outside_The_Unit_Use_The_Units_Lock_Exception()
    {
        var city = await CityWithUnitsAsync("张掖");
        using var police = city.Police;
        using var clerk = await host.ClientForAsync(city.Name, "clerk");
        using var official = await host.ClientForAsync(null, "official");
        (await official.PostAsync($"/api/app/periods/{city.Period.Id}/close", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var exception = await official.PostAsJsonAsync($"/api/app/periods/{city.Period.Id}/lock-exceptions", new
        {
            cityId = city.Id,
            unitId = city.PoliceId,
            reason = "系统故障补录",
            deadline = ProvinceTime.ToLocal(DateTime.UtcNow).AddDays(3).ToString("yyyy-MM-ddTHH:mm:ss"),
        });
        exception.StatusCode.ShouldBe(HttpStatusCode.OK, await exception.Content.ReadAsStringAsync());

        var unit = await police.PutAsJsonAsync($"{Url}/periods/{city.Period.Id}/lines/B04", new SaveEntryLineInput { Value = new EntryValueDto { Number = 80 } });
        unit.StatusCode.ShouldBe(HttpStatusCode.OK, await unit.Content.ReadAsStringAsync());
        var outside = await clerk.PutAsJsonAsync($"{Url}/periods/{city.Period.Id}/lines/B01", new SaveEntryLineInput { Value = new EntryValueDto { Number = 50, LastYearNumber = 60 }, UnitId = city.PoliceId });
        outside.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await outside.ReadProblemAsync()).GetProperty("code").GetString().ShouldBe(DataEntryErrorCodes.WindowClosed);
    }

    [Fact]
    public async Task Should_Let_A_Unit_Clerk_Upload_A_Workbook_Under_The_Units_Lock_Exception_And_No_Other_Unit()
    {
        var city = await CityWithUnitsAsync("酒泉");
        using var police = city.Police;
        using var justice = city.Justice;
        using var official = await host.ClientForAsync(null, "official");
        var policeTemplate = await (await police.GetAsync($"{Url}/periods/{city.Period.Id}/xlsx")).Content.ReadAsByteArrayAsync();
        var justiceTemplate = await (await justice.GetAsync($"{Url}/periods/{city.Period.Id}/xlsx")).Content.ReadAsByteArrayAsync();
        (await official.PostAsync($"/api/app/periods/{city.Period.Id}/close", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await official.PostAsJsonAsync($"/api/app/periods/{city.Period.Id}/lock-exceptions", new
        {
            cityId = city.Id,
            unitId = city.PoliceId,
            reason = "系统故障补录",
            deadline = ProvinceTime.ToLocal(DateTime.UtcNow).AddDays(3).ToString("yyyy-MM-ddTHH:mm:ss"),
        })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var uploaded = await police.PostAsync($"{Url}/periods/{city.Period.Id}/xlsx", XlsxForm(WorkbookEditor.SetCell(policeTemplate, "填报", "E2", "80")));
        uploaded.StatusCode.ShouldBe(HttpStatusCode.OK, await uploaded.Content.ReadAsStringAsync());
        (await uploaded.ReadJsonAsync<EntrySheetDto>())!.Lines.Single(l => l.IndicatorCode == "B04").Value!.Number.ShouldBe(80);

        var refused = await justice.PostAsync($"{Url}/periods/{city.Period.Id}/xlsx", XlsxForm(WorkbookEditor.SetCell(justiceTemplate, "填报", "G2", "优")));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.ReadProblemAsync()).GetProperty("code").GetString().ShouldBe(DataEntryErrorCodes.WindowClosed);
    }

    [Fact]
    public async Task Should_Leave_The_Citys_Facts_To_Users_Of_No_Unit()
    {
        var city = await CityWithUnitsAsync("金昌");
        using var police = city.Police;
        using var clerk = await host.ClientForAsync(city.Name, "clerk");

        (await police.GetFromJsonAsync<EntrySheetDto>($"{Url}/periods/{city.Period.Id}", HttpJson.Options))!.FactsWritable.ShouldBeFalse();
        (await clerk.GetFromJsonAsync<EntrySheetDto>($"{Url}/periods/{city.Period.Id}", HttpJson.Options))!.FactsWritable.ShouldBeTrue();
        var refused = await police.PutAsJsonAsync($"{Url}/periods/{city.Period.Id}/facts", new CityFactsDto { Note = "公安局填写" });
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden, await refused.Content.ReadAsStringAsync());
        (await refused.ReadProblemAsync()).GetProperty("code").GetString().ShouldBe(DataEntryErrorCodes.FactsOfTheCity);

        var saved = await clerk.PutAsJsonAsync($"{Url}/periods/{city.Period.Id}/facts", new CityFactsDto { Note = "市级填写" });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        (await saved.ReadJsonAsync<CityFactsDto>())!.Note.ShouldBe("市级填写");
    }

    private static MultipartFormDataContent PdfForm()
    {
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { file, "file", "evidence.pdf" } };
    }

    private static MultipartFormDataContent XlsxForm(byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { file, "file", "entry.xlsx" } };
    }

    /// <summary>
    /// An agreement in force and an open period of a new year for the city, two units (公安局 with B04, 司法局 with
    /// F01) each with a clerk of its own.
    /// </summary>
    internal async Task<UnitCity> CityWithUnitsAsync(string city)
    {
        var year = host.NewYear();
        using var official = await host.ClientForAsync(null, "official");
        var agreement = await AgreementTestClient.InForceAsync(host, official, city, year);
        var period = await PeriodTestClient.CreateOpenPeriodAsync(official, year);
        using var admin = await host.ClientForAsync(city, "admin");
        var police = await OrganizationUnits_Http_Tests<THost>.CreateAsync(admin, $"GA-{year}", $"公安局{year}", OrganizationUnitKind.Department, null);
        var justice = await OrganizationUnits_Http_Tests<THost>.CreateAsync(admin, $"SF-{year}", $"司法局{year}", OrganizationUnitKind.Department, null);
        var policeClerk = await UnitTestClient.CreateMemberAsync(host, admin, city, police.Id, $"ga-{year}");
        var justiceClerk = await UnitTestClient.CreateMemberAsync(host, admin, city, justice.Id, $"sf-{year}");
        var assigned = await admin.PutAsJsonAsync($"{AgreementTestClient.Url}/{agreement.Id}/assignments", new AssignUnitsInput
        {
            Lines = [new() { Code = "B04", UnitId = police.Id }, new() { Code = "F01", UnitId = justice.Id }],
        });
        assigned.StatusCode.ShouldBe(HttpStatusCode.OK, await assigned.Content.ReadAsStringAsync());
        return new UnitCity(city, await host.TenantIdAsync(city), agreement, period, police.Id, justice.Id, policeClerk, justiceClerk);
    }

    internal sealed record UnitCity(string Name, Guid Id, AgreementDto Agreement, PeriodDto Period, Guid PoliceId, Guid JusticeId, HttpClient Police, HttpClient Justice);
}

public sealed class UnitScope_Http_Sqlite_Tests(SqliteHostFixture host) : UnitScope_Http_Tests<SqliteHostFixture>(host);

public sealed class UnitScope_Http_MySql_Tests(MySqlHostFixture host) : UnitScope_Http_Tests<MySqlHostFixture>(host);

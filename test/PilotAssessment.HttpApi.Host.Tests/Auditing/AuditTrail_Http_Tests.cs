using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PilotAssessment.Account;
using PilotAssessment.DataEntry;
using PilotAssessment.Dtos;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Periods;
using PilotAssessment.Schemes;
using Shouldly;
using Xunit;

namespace PilotAssessment.Auditing;

/// <summary>
/// The audit trail: downloads, every request of a province user acting inside a city, failed sign-ins and refused
/// <c>__tenant</c> requests are recorded with who, when and which city.
/// </summary>
public abstract class AuditTrail_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    [Fact]
    public async Task Should_Record_Downloads_Of_Evidence_And_Templates_With_Who_And_Which_City()
    {
        var period = await host.CreateOpenPeriodAsync();
        var lanzhouId = await host.TenantIdAsync("兰州");
        using var clerk = await host.ClientForAsync("兰州", "clerk");
        var line = await (await clerk.PutAsJsonAsync($"/api/app/data-entry/periods/{period.Id}/lines/F01", new SaveEntryLineInput { Value = new EntryValueDto { Grade = "优" } })).ReadJsonAsync<EntryLineDto>();
        var file = new ByteArrayContent("%PDF-1.4\n%%EOF"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var evidence = await (await clerk.PostAsync($"/api/app/data-entry/lines/{line!.Id}/evidence", new MultipartFormDataContent { { file, "file", "evidence.pdf" } })).ReadJsonAsync<EvidenceDto>();

        (await clerk.GetAsync($"/api/app/data-entry/evidence/{evidence!.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await clerk.GetAsync($"/api/app/data-entry/periods/{period.Id}/xlsx")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await clerk.GetAsync($"/api/app/data-entry/periods/{period.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var logs = await LogsAsync("clerk", "GET");
        var download = logs.Single(l => l.GetProperty("url").GetString() == $"/api/app/data-entry/evidence/{evidence.Id}");
        download.GetProperty("tenantId").GetGuid().ShouldBe(lanzhouId);
        download.GetProperty("httpStatusCode").GetInt32().ShouldBe(200);
        download.GetProperty("userId").ValueKind.ShouldBe(JsonValueKind.String);
        logs.ShouldContain(l => l.GetProperty("url").GetString() == $"/api/app/data-entry/periods/{period.Id}/xlsx");

        // Reading the sheet is not a download: a city user's plain reads stay out of the trail.
        logs.ShouldNotContain(l => l.GetProperty("url").GetString() == $"/api/app/data-entry/periods/{period.Id}");
    }

    [Fact]
    public async Task Should_Record_Downloads_Of_A_Signed_Scan_And_Of_The_Agreement_Export_With_Who_And_Which_City()
    {
        var jinchangId = await host.TenantIdAsync("金昌");
        using var official = await host.ClientForAsync(null, "official");
        var agreement = await Agreements.AgreementTestClient.InForceAsync(host, official, "金昌", host.NewYear());
        using var cityAdmin = await host.ClientForAsync("金昌", "admin");
        var uploaded = await Agreements.AgreementTestClient.UploadAsync(cityAdmin, agreement.Id, Agreements.AgreementTestClient.Pdf, "signed.pdf");
        uploaded.StatusCode.ShouldBe(HttpStatusCode.OK, await uploaded.Content.ReadAsStringAsync());
        var scan = (await uploaded.ReadJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        (await cityAdmin.GetAsync($"{Agreements.AgreementTestClient.Url}/{agreement.Id}/attachments/{scan}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await cityAdmin.GetAsync($"{Agreements.AgreementTestClient.Url}/{agreement.Id}/export/docx")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var logs = await LogsAsync("admin", "GET");
        foreach (var url in new[] { $"{Agreements.AgreementTestClient.Url}/{agreement.Id}/attachments/{scan}", $"{Agreements.AgreementTestClient.Url}/{agreement.Id}/export/docx" })
        {
            var download = logs.Single(l => l.GetProperty("url").GetString() == url);
            download.GetProperty("tenantId").GetGuid().ShouldBe(jinchangId);
            download.GetProperty("httpStatusCode").GetInt32().ShouldBe(200);
            download.GetProperty("userId").ValueKind.ShouldBe(JsonValueKind.String);
        }
    }

    [Fact]
    public async Task Should_Record_Every_Request_Of_A_Province_User_Acting_In_A_City()
    {
        var tianshuiId = await host.TenantIdAsync("天水");
        using var official = await host.ClientForAsync(null, "official", actInTenant: tianshuiId);

        (await official.GetAsync("/api/app/agreements?maxResultCount=5")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var log = (await LogsAsync("official", "GET")).Single(l => l.GetProperty("url").GetString() == "/api/app/agreements?maxResultCount=5");
        log.GetProperty("tenantId").GetGuid().ShouldBe(tianshuiId);
        log.GetProperty("impersonatorTenantId").GetGuid().ShouldBe(tianshuiId);
        log.GetProperty("userId").ValueKind.ShouldBe(JsonValueKind.String);
    }

    [Fact]
    public async Task Should_Record_A_Failed_Sign_In_With_The_User_Name_And_City_But_Never_The_Password()
    {
        var jiuquanId = await host.TenantIdAsync("酒泉");
        using var anonymous = host.CreateClient();
        const string Wrong = "Not-The-Password-42";

        var failed = await anonymous.PostAsJsonAsync("/api/account/login", new LoginInput { Tenant = "酒泉", UserName = "clerk", Password = Wrong });

        failed.IsSuccessStatusCode.ShouldBeFalse();
        var logs = await LogsAsync("clerk", "POST");
        var log = logs.Single(l => l.GetProperty("url").GetString() == "/api/account/login" && l.GetProperty("httpStatusCode").GetInt32() == (int)failed.StatusCode);
        log.GetProperty("tenantId").GetGuid().ShouldBe(jiuquanId);
        logs.Select(l => l.GetRawText()).ShouldAllBe(text => !text.Contains(Wrong));
    }

    [Fact]
    public async Task Should_Record_A_Refused_Tenant_Header()
    {
        var zhangyeId = await host.TenantIdAsync("张掖");
        var jinchangId = await host.TenantIdAsync("金昌");
        using var clerk = await host.ClientForAsync("张掖", "clerk");
        clerk.DefaultRequestHeaders.Add(MultiTenancyConsts.TenantHeaderName, jinchangId.ToString());

        (await clerk.GetAsync($"/api/app/data-entry/periods/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var log = (await LogsAsync("clerk", "GET")).Single(l => l.GetProperty("tenantId").ValueKind == JsonValueKind.String && l.GetProperty("tenantId").GetGuid() == zhangyeId
            && l.GetProperty("httpStatusCode").GetInt32() == 403);
        log.GetProperty("exception").GetString()!.ShouldContain(jinchangId.ToString());
    }

    private async Task<List<JsonElement>> LogsAsync(string userName, string method)
    {
        using var official = await host.ClientForAsync(null, "official");
        var response = await official.GetAsync($"/api/app/audit-logs?userName={userName}&httpMethod={method}&maxResultCount=1000");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
    }
}

public sealed class AuditTrail_Http_Sqlite_Tests(SqliteHostFixture host) : AuditTrail_Http_Tests<SqliteHostFixture>(host);

public sealed class AuditTrail_Http_MySql_Tests(MySqlHostFixture host) : AuditTrail_Http_Tests<MySqlHostFixture>(host);

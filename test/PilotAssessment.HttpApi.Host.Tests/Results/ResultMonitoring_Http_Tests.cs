using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using PilotAssessment.DataEntry;
using PilotAssessment.Dtos;
using PilotAssessment.Identity;
using PilotAssessment.Periods;
using PilotAssessment.Permissions;
using PilotAssessment.Schemes;
using Shouldly;
using Xunit;

namespace PilotAssessment.Results;

/// <summary>Dashboard endpoints over HTTP: who may read them, and a city only its own rows.</summary>
public abstract class ResultMonitoring_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    [Fact]
    public async Task Should_Let_Dashboard_Or_Review_Holders_Read_The_Province_And_A_City_Only_Itself()
    {
        var period = await host.CreateOpenPeriodAsync();
        var lanzhouId = await host.TenantIdAsync("兰州");
        using (var lanzhouClerk = await host.ClientForAsync("兰州", "clerk"))
        {
            (await lanzhouClerk.PutAsJsonAsync($"/api/app/data-entry/periods/{period.Id}/lines/E02", new SaveEntryLineInput { Value = new EntryValueDto { Number = 50 } }))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var viewer = await HostUserWithAsync("viewer", PilotAssessmentPermissions.Dashboard);
        using var checker = await HostUserWithAsync("checker", PilotAssessmentPermissions.Review.Default);
        var periodUrl = $"/api/app/results/periods/{period.Id}";

        // Dashboard alone reads every dashboard endpoint, and nothing else of the results.
        var rows = await viewer.GetFromJsonAsync<List<CityMonitoringDto>>($"{periodUrl}/monitoring", HttpJson.Options);
        rows!.Count.ShouldBe(5);
        var lanzhou = rows.Single(r => r.CityId == lanzhouId);
        lanzhou.Source.ShouldBe("Self");
        lanzhou.Warnings.ShouldContain(w => w.Scope == "Line" && w.Code == "E02" && w.Level == "Red");
        lanzhou.Warnings.ShouldContain(w => w.Scope == "Category" && w.Code == "E" && w.Level == "Red" && w.Colour == "红");
        (await viewer.GetAsync($"{periodUrl}/ranking")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.GetAsync($"{periodUrl}/ranking/export/xlsx")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.GetAsync($"{periodUrl}/completeness")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.GetAsync($"/api/app/results/trends?schemeId={period.SchemeId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.PostAsync($"{periodUrl}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.GetAsync($"{periodUrl}/my-sheet")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Review alone keeps the ranking and completeness it had, but not the dashboard's monitoring.
        (await checker.GetAsync($"{periodUrl}/ranking")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await checker.GetAsync($"{periodUrl}/completeness")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await checker.GetAsync($"{periodUrl}/monitoring")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var auditor = await host.ClientForAsync(null, "auditor");
        (await auditor.GetAsync($"{periodUrl}/monitoring")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A clerk may not watch monitoring nor the province's tables; a city admin sees only its own row.
        using var clerk = await host.ClientForAsync("兰州", "clerk");
        (await clerk.GetAsync($"{periodUrl}/monitoring")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await clerk.GetAsync($"{periodUrl}/ranking")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await clerk.GetAsync($"{periodUrl}/completeness")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var tianshuiAdmin = await host.ClientForAsync("天水", "admin");
        var own = await tianshuiAdmin.GetFromJsonAsync<List<CityMonitoringDto>>($"{periodUrl}/monitoring", HttpJson.Options);
        own!.Single().CityId.ShouldBe(await host.TenantIdAsync("天水"));
        own.Single().Source.ShouldBe("None");
        (await tianshuiAdmin.GetAsync($"/api/app/results/periods/{Guid.NewGuid()}/monitoring")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Trends: a city gets only its own points.
        using var official = await host.ClientForAsync(null, "official");
        await host.ApproveEveryCityAsync(period.Id);
        (await host.PublishLeavingOutAsync(official, period.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var all = await viewer.GetFromJsonAsync<List<TrendPointDto>>($"/api/app/results/trends?schemeId={period.SchemeId}", HttpJson.Options);
        all!.Where(p => p.PeriodId == period.Id).Select(p => p.CityId).Distinct().Count().ShouldBe(5);
        var mine = await clerk.GetFromJsonAsync<List<TrendPointDto>>($"/api/app/results/trends?schemeId={period.SchemeId}", HttpJson.Options);
        mine!.ShouldNotBeEmpty();
        mine.ShouldAllBe(p => p.CityId == lanzhouId);
        mine.Single(p => p.PeriodId == period.Id).Rank.ShouldBe(1);
        (await clerk.GetAsync($"/api/app/results/trends?schemeId={Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var published = await viewer.GetFromJsonAsync<List<CityMonitoringDto>>($"{periodUrl}/monitoring", HttpJson.Options);
        published!.ShouldAllBe(r => r.Source == "Published" && r.SheetVersion == 1);
    }

    [Fact]
    public async Task Should_Export_A_Sheet_As_Pdf_To_Its_City_And_The_Province_Only_And_Say_So_When_No_Font_Is_Installed()
    {
        var period = await host.CreateOpenPeriodAsync();
        var jiuquanId = await host.TenantIdAsync("酒泉");
        using var official = await host.ClientForAsync(null, "official");
        await host.ApproveEveryCityAsync(period.Id);
        var ranking = await (await host.PublishLeavingOutAsync(official, period.Id)).ReadJsonAsync<List<RankingRowDto>>();
        var sheetId = ranking!.Single(r => r.CityId == jiuquanId).SheetId;
        var url = $"/api/app/results/sheets/{sheetId}/export/pdf";

        using var clerk = await host.ClientForAsync("酒泉", "clerk");
        var own = await clerk.GetAsync(url);
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        own.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await own.Content.ReadAsByteArrayAsync()).Take(5).ShouldBe("%PDF-"u8.ToArray());
        (await official.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var other = await host.ClientForAsync("张掖", "admin");
        (await other.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await clerk.GetAsync($"/api/app/results/sheets/{Guid.NewGuid()}/export/pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // A host without a CJK font answers a localized 503 instead of a PDF of empty boxes.
        await using var fontless = host.Factory.WithWebHostBuilder(b => b.UseSetting("Pdf:FontPath", "/nonexistent/NotoSansCJK-Regular.ttc"));
        using var client = fontless.CreateClient();
        var login = await (await client.PostAsJsonAsync("/api/account/login", new Account.LoginInput { Tenant = "酒泉", UserName = "clerk", Password = PilotAssessmentHostFixture.Password })).ReadJsonAsync<Account.TokenResultDto>();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", login!.AccessToken);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");
        var missing = await client.GetAsync(url);
        missing.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var problem = await missing.ReadProblemAsync();
        problem.GetProperty("code").GetString().ShouldBe(ResultErrorCodes.PdfFontMissing);
        problem.GetProperty("title").GetString()!.ShouldContain("中文字体");
    }

    [Fact]
    public async Task Should_Keep_The_Results_Operation_Ids_Of_The_Generated_Client()
    {
        using var client = host.CreateClient();
        using var document = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"));

        var ids = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject())
            .Select(o => o.Value.GetProperty("operationId").GetString())
            .ToList();
        ids.ShouldContain("Result_GetRanking");
        ids.ShouldContain("Result_GetCompleteness");
        ids.ShouldContain("Result_ExportRankingXlsx");
        ids.ShouldContain("Result_GetMonitoring");
        ids.ShouldContain("Result_GetTrends");
        ids.ShouldContain("Result_GetSheet");
    }

    /// <summary>A provincial user whose only role grants exactly the given permission.</summary>
    private async Task<HttpClient> HostUserWithAsync(string userName, string permission)
    {
        using var admin = await host.ClientForAsync(null, "admin");
        var role = await (await admin.PostAsJsonAsync("/api/app/roles", new RoleInput { Name = userName + "-role" })).ReadJsonAsync<RoleDto>();
        (await admin.PutAsJsonAsync($"/api/app/roles/{role!.Id}/permissions", new UpdatePermissionsInput { GrantedPermissions = [permission] }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var created = await admin.PostAsJsonAsync("/api/app/users", new CreateUserInput { UserName = userName, Password = PilotAssessmentHostFixture.NewUserPassword, RoleNames = [role.Name] });
        created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        return await host.ClientForAsync(null, userName, password: PilotAssessmentHostFixture.NewUserPassword);
    }
}

public sealed class ResultMonitoring_Http_Sqlite_Tests(SqliteHostFixture host) : ResultMonitoring_Http_Tests<SqliteHostFixture>(host);

public sealed class ResultMonitoring_Http_MySql_Tests(MySqlHostFixture host) : ResultMonitoring_Http_Tests<MySqlHostFixture>(host);

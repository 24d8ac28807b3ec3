using System.Net;
using System.Net.Http.Json;
using PilotAssessment.DataEntry;
using PilotAssessment.Periods;
using Shouldly;
using Xunit;
using static PilotAssessment.Feeds.FeedTestClient;

namespace PilotAssessment.Feeds;

/// <summary>Data feeds over HTTP: what a client may write, dry runs, idempotency, all-or-nothing imports, revocation.</summary>
public abstract class Feeds_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    [Fact]
    public async Task Should_Write_Only_Its_Own_Cities_And_Indicators()
    {
        var period = await host.CreateOpenPeriodAsync();
        var lanzhou = await host.TenantIdAsync("兰州");
        using var official = await host.ClientForAsync(null, "official");
        var created = await RegisterAsync(official, [lanzhou], "B04");
        using var feed = await host.FeedClientAsync(created);

        var otherCity = await feed.ImportAsync(Rows(Row("兰州", period.Id, "B04", new { number = 80 }), Row("天水", period.Id, "B04", new { number = 81 })), "k1");
        otherCity.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await otherCity.ReadProblemAsync()).GetProperty("code").GetString().ShouldBe(FeedErrorCodes.RowCityNotAllowed);
        var otherIndicator = await feed.ImportAsync(Rows(Row("兰州", period.Id, "I01", new { number = 80 })), "k2");
        otherIndicator.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var imported = await feed.ImportAsync(Rows(Row(lanzhou.ToString(), period.Id, "B04", new { number = 80 })), "k3");
        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        (await imported.ReadJsonAsync<FeedImportSummaryDto>())!.Imported.ShouldBe(1);
        using var lanzhouAdmin = await host.ClientForAsync("兰州", "admin");
        var sheet = await lanzhouAdmin.GetFromJsonAsync<EntrySheetDto>($"/api/app/data-entry/periods/{period.Id}", HttpJson.Options);
        var b04 = sheet!.Lines.Single(l => l.IndicatorCode == "B04");
        b04.Value.Number.ShouldBe(80m);
        b04.SourceName.ShouldBe("公安局 · 警情推送");
        using var tianshui = await host.ClientForAsync("天水", "admin");
        var theirs = await tianshui.GetFromJsonAsync<EntrySheetDto>($"/api/app/data-entry/periods/{period.Id}", HttpJson.Options);
        theirs!.Lines.Single(l => l.IndicatorCode == "B04").Reported.ShouldBeFalse();

        // Another city's administrator neither sees the province's client nor reaches it by id.
        (await tianshui.GetFromJsonAsync<List<FeedClientDto>>("/api/app/feeds/clients", HttpJson.Options))!.ShouldBeEmpty();
        (await tianshui.GetAsync($"/api/app/feeds/clients/{created.Client.Id}/imports")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await tianshui.PostAsJsonAsync($"/api/app/feeds/clients/{created.Client.Id}/revoke", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var own = await tianshui.PostAsJsonAsync("/api/app/feeds/clients", new CreateFeedClientInput { Name = "n", Department = "d", CityIds = [lanzhou], AllIndicators = true });
        own.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await own.ReadProblemAsync()).GetProperty("errors").GetProperty("cityIds")[0].GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Should_Change_Nothing_On_A_Dry_Run()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var official = await host.ClientForAsync(null, "official");
        var created = await RegisterAsync(official, [await host.TenantIdAsync("酒泉")]);
        using var feed = await host.FeedClientAsync(created);

        var dry = await feed.ImportAsync(Rows(Row("酒泉", period.Id, "B04", new { number = 80 }), Row("酒泉", period.Id, "F01", new { grade = "优" })), null, dryRun: true);

        dry.StatusCode.ShouldBe(HttpStatusCode.OK, await dry.Content.ReadAsStringAsync());
        var summary = (await dry.ReadJsonAsync<FeedImportSummaryDto>())!;
        summary.Status.ShouldBe("DryRun");
        summary.Imported.ShouldBe(2);
        using var admin = await host.ClientForAsync("酒泉", "admin");
        var sheet = await admin.GetFromJsonAsync<EntrySheetDto>($"/api/app/data-entry/periods/{period.Id}", HttpJson.Options);
        sheet!.Lines.Where(l => l.IndicatorCode is "B04" or "F01").ShouldAllBe(l => l.Id == null);
        (await official.GetFromJsonAsync<List<FeedImportDto>>($"/api/app/feeds/clients/{created.Client.Id}/imports", HttpJson.Options))!.ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_Not_Write_Twice_With_A_Repeated_Idempotency_Key()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var official = await host.ClientForAsync(null, "official");
        var created = await RegisterAsync(official, [await host.TenantIdAsync("张掖")], "B04");
        using var feed = await host.FeedClientAsync(created);
        var body = Rows(Row("张掖", period.Id, "B04", new { number = 70 }));

        var first = await (await feed.ImportAsync(body, "batch-1")).ReadJsonAsync<FeedImportSummaryDto>();
        var again = await feed.ImportAsync(body, "batch-1");

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var replay = (await again.ReadJsonAsync<FeedImportSummaryDto>())!;
        replay.Replayed.ShouldBeTrue();
        replay.ImportId.ShouldBe(first!.ImportId);
        replay.Imported.ShouldBe(1);
        var other = await feed.ImportAsync(Rows(Row("张掖", period.Id, "B04", new { number = 71 })), "batch-1");
        other.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        using var admin = await host.ClientForAsync("张掖", "admin");
        var sheet = await admin.GetFromJsonAsync<EntrySheetDto>($"/api/app/data-entry/periods/{period.Id}", HttpJson.Options);
        var line = sheet!.Lines.Single(l => l.IndicatorCode == "B04");
        line.Value.Number.ShouldBe(70m);
        var history = await admin.GetFromJsonAsync<List<ValueHistoryDto>>($"/api/app/data-entry/lines/{line.Id}/history", HttpJson.Options);
        history!.Count.ShouldBe(1);
        history[0].UserName.ShouldBe("公安局 · 警情推送");
        (await official.GetFromJsonAsync<List<FeedImportDto>>($"/api/app/feeds/clients/{created.Client.Id}/imports", HttpJson.Options))!.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Should_Refuse_The_Whole_Request_Naming_The_Bad_Row_And_Field()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var official = await host.ClientForAsync(null, "official");
        var created = await RegisterAsync(official, [await host.TenantIdAsync("天水")]);
        using var feed = await host.FeedClientAsync(created);
        feed.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var json = await feed.ImportAsync(Rows(Row("天水", period.Id, "B04", new { number = 80 }), Row("天水", period.Id, "I01", new { number = 120 })), "bad-1");
        var csv = await feed.ImportCsvAsync($"city,period,indicator,number\n天水,{period.Id},B04,80\n天水,{period.Id},F01,abc\n", "bad-2");

        json.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await json.ReadProblemAsync();
        problem.GetProperty("errors").GetProperty("rows[1].value.number")[0].GetString().ShouldBe("A percentage must be between 0 and 100.");
        problem.GetProperty("errors").TryGetProperty("rows[0].value.number", out _).ShouldBeFalse();
        csv.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await csv.ReadProblemAsync()).GetProperty("errors").GetProperty("rows[1].value.number")[0].GetString().ShouldBe("Not a valid number.");
        using var admin = await host.ClientForAsync("天水", "admin");
        var sheet = await admin.GetFromJsonAsync<EntrySheetDto>($"/api/app/data-entry/periods/{period.Id}", HttpJson.Options);
        sheet!.Lines.Single(l => l.IndicatorCode == "B04").Id.ShouldBeNull();

        var good = await feed.ImportCsvAsync($"city,period,indicator,number,grade\n天水,{period.Id},B04,80,\n天水,{period.Id},F01,,优\n", "good-1");
        good.StatusCode.ShouldBe(HttpStatusCode.OK, await good.Content.ReadAsStringAsync());
        (await good.ReadJsonAsync<FeedImportSummaryDto>())!.Imported.ShouldBe(2);
    }

    [Fact]
    public async Task Should_Refuse_A_Revoked_Client_Even_With_An_Unexpired_Token()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var official = await host.ClientForAsync(null, "official");
        var created = await RegisterAsync(official, [await host.TenantIdAsync("兰州")]);
        using var feed = await host.FeedClientAsync(created);
        (await host.RequestTokenAsync(created.Client.Id, created.ClientSecret + "x")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await official.PostAsJsonAsync($"/api/app/feeds/clients/{created.Client.Id}/revoke", new { reason = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var revoked = await official.PostAsJsonAsync($"/api/app/feeds/clients/{created.Client.Id}/revoke", new { reason = "系统下线" });
        revoked.StatusCode.ShouldBe(HttpStatusCode.OK);

        (await feed.ImportAsync(Rows(Row("兰州", period.Id, "B04", new { number = 80 })), "after")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await host.RequestTokenAsync(created.Client.Id, created.ClientSecret)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Should_Keep_Feed_Tokens_And_User_Tokens_Apart()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var official = await host.ClientForAsync(null, "official");
        var created = await RegisterAsync(official, [await host.TenantIdAsync("兰州")]);
        using var feed = await host.FeedClientAsync(created);

        (await feed.GetAsync("/api/app/feeds/clients")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await feed.GetAsync("/api/app/notifications")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await feed.GetAsync($"/api/app/periods/{period.Id}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var admin = await host.ClientForAsync("兰州", "admin");
        (await admin.ImportAsync(Rows(Row("兰州", period.Id, "B04", new { number = 80 })), "user")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Should_Ask_A_Clerk_For_A_Reason_To_Change_A_Fed_Value_And_Show_The_Override()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var official = await host.ClientForAsync(null, "official");
        var created = await RegisterAsync(official, [await host.TenantIdAsync("兰州")], "B04");
        using var feed = await host.FeedClientAsync(created);
        (await feed.ImportAsync(Rows(Row("兰州", period.Id, "B04", new { number = 80 })), "fed")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var clerk = await host.ClientForAsync("兰州", "clerk");
        var sheet = await clerk.GetFromJsonAsync<EntrySheetDto>($"/api/app/data-entry/periods/{period.Id}", HttpJson.Options);
        var fed = sheet!.Lines.Single(l => l.IndicatorCode == "B04");
        fed.SourceText.ShouldBe("数据接口：公安局 · 警情推送");
        var url = $"/api/app/data-entry/periods/{period.Id}/lines/B04";

        var silent = await clerk.PutAsJsonAsync(url, new SaveEntryLineInput { Value = new EntryValueDto { Number = 90 }, ConcurrencyStamp = fed.ConcurrencyStamp });
        silent.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await silent.ReadProblemAsync()).GetProperty("errors").GetProperty("overrideReason")[0].GetString()!.ShouldContain("公安局 · 警情推送");
        var changed = await clerk.PutAsJsonAsync(url, new SaveEntryLineInput { Value = new EntryValueDto { Number = 90 }, ConcurrencyStamp = fed.ConcurrencyStamp, OverrideReason = "公安局数据漏报一起" });

        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        var line = (await changed.ReadJsonAsync<EntryLineDto>())!;
        line.SourceName.ShouldBeNull();
        line.OverriddenSourceName.ShouldBe("公安局 · 警情推送");
        line.SourceText.ShouldBe("人工修改，原值来自数据接口：公安局 · 警情推送（原因：公安局数据漏报一起）");
        var history = await clerk.GetFromJsonAsync<List<ValueHistoryDto>>($"/api/app/data-entry/lines/{line.Id}/history", HttpJson.Options);
        history!.Select(h => h.OverrideReason).ShouldBe([null, "公安局数据漏报一起"]);
        history[0].SourceName.ShouldBe("公安局 · 警情推送");
    }

    [Fact]
    public async Task Should_Refuse_A_Period_Whose_Window_Has_Closed_With_The_Reason()
    {
        using var official = await host.ClientForAsync(null, "official");
        var period = await PeriodTestClient.CreatePeriodAsync(official, host.NewYear(), TimeSpan.FromDays(2), TimeSpan.FromDays(5), open: false);
        var created = await RegisterAsync(official, [await host.TenantIdAsync("兰州")]);
        using var feed = await host.FeedClientAsync(created);

        var refused = await feed.ImportAsync(Rows(Row("兰州", period.Id, "B04", new { number = 80 })), "early");

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.ReadProblemAsync()).GetProperty("errors").GetProperty("rows[0].period")[0].GetString()!.ShouldContain(period.Name);
    }
}

public sealed class Feeds_Http_Sqlite_Tests(SqliteHostFixture host) : Feeds_Http_Tests<SqliteHostFixture>(host);

public sealed class Feeds_Http_MySql_Tests(MySqlHostFixture host) : Feeds_Http_Tests<MySqlHostFixture>(host);

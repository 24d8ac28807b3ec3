using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.DataEntry;
using PilotAssessment.DataGeneration;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Periods;
using PilotAssessment.Repositories;
using PilotAssessment.Schemes;
using Shouldly;
using Xunit;
using static PilotAssessment.Feeds.FeedTestClient;

namespace PilotAssessment.Feeds;

/// <summary>
/// A feed of several whole cities in one request: every line and its history revision is written in bulk with the
/// client as its source, and one bad row anywhere leaves nothing written.
/// </summary>
public abstract class LargeFeeds_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    private static readonly string[] Cities = ["兰州", "天水"];

    [Fact]
    public async Task Should_Write_Every_Line_And_Its_History_Of_Two_Whole_Cities_In_One_Request()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var official = await host.ClientForAsync(null, "official");
        var cityIds = new List<Guid>();
        foreach (var city in Cities)
        {
            cityIds.Add(await host.TenantIdAsync(city));
        }

        var created = await RegisterAsync(official, cityIds);
        using var feed = await host.FeedClientAsync(created);
        var rows = await WholeCityRowsAsync(period.SchemeId, period.Id);
        rows.Count.ShouldBeGreaterThan(2 * 20);

        var response = await feed.ImportAsync(new { rows }, "whole-cities");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var summary = (await response.ReadJsonAsync<FeedImportSummaryDto>())!;
        (summary.Rows, summary.Imported, summary.Updated, summary.Ignored).ShouldBe((rows.Count, rows.Count, 0, 0));
        var (lines, history) = await WrittenAsync(period.Id, cityIds);
        lines.Count.ShouldBe(rows.Count);
        lines.ShouldAllBe(l => l.SourceClientId == created.Client.Id && l.SourceName == "公安局 · 警情推送" && l.ReportedByUserId == created.Client.Id);
        lines.Select(l => l.TenantId).Distinct().Order().ShouldBe(cityIds.Select(id => (Guid?)id).Order());
        history.Count.ShouldBe(rows.Count);
        history.ShouldAllBe(h => h.Revision == 1 && h.SourceClientId == created.Client.Id && h.OldValueJson == null);
        history.Select(h => h.EntryLineId).Order().ShouldBe(lines.Select(l => l.Id).Order());
        history.ShouldAllBe(h => lines.Single(l => l.Id == h.EntryLineId).TenantId == h.TenantId && lines.Single(l => l.Id == h.EntryLineId).ValueJson == h.NewValueJson);

        // The clerk's sheet shows the fed values; the same rows again change nothing; a changed row updates its line.
        using var clerk = await host.ClientForAsync("兰州", "admin");
        var sheet = await clerk.GetFromJsonAsync<EntrySheetDto>($"/api/app/data-entry/periods/{period.Id}", HttpJson.Options);
        sheet!.Lines.Count(l => l.SourceName == "公安局 · 警情推送").ShouldBe(rows.Count / 2);
        var again = (await (await feed.ImportAsync(new { rows }, "whole-cities-again")).ReadJsonAsync<FeedImportSummaryDto>())!;
        (again.Imported, again.Updated, again.Ignored).ShouldBe((0, 0, rows.Count));
        var b04 = Row("兰州", period.Id, "B04", new { number = 61 });
        var changed = (await (await feed.ImportAsync(Rows(b04), "one-change")).ReadJsonAsync<FeedImportSummaryDto>())!;
        (changed.Imported, changed.Updated).ShouldBe((0, 1));
        (lines, history) = await WrittenAsync(period.Id, cityIds);
        lines.Count.ShouldBe(rows.Count);
        history.Count.ShouldBe(rows.Count + 1);
        var line = lines.Single(l => l.TenantId == cityIds[0] && l.IndicatorCode == "B04");
        EntryValue.FromJson(line.ValueJson).Number.ShouldBe(61m);
        history.Where(h => h.EntryLineId == line.Id).Select(h => h.Revision).Order().ShouldBe([1, 2]);
    }

    [Fact]
    public async Task Should_Write_Nothing_When_One_Row_Of_A_Large_Request_Is_Bad()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var official = await host.ClientForAsync(null, "official");
        var cityIds = new List<Guid>();
        foreach (var city in Cities)
        {
            cityIds.Add(await host.TenantIdAsync(city));
        }

        var created = await RegisterAsync(official, cityIds);
        using var feed = await host.FeedClientAsync(created);
        var rows = await WholeCityRowsAsync(period.SchemeId, period.Id);
        rows.Add(Row("天水", period.Id, "NO-SUCH", new { number = 1 }));

        var response = await feed.ImportAsync(new { rows }, "one-bad-row");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.ReadProblemAsync()).GetProperty("errors");
        errors.TryGetProperty($"rows[{rows.Count - 1}].indicator", out _).ShouldBeTrue();
        errors.EnumerateObject().Count().ShouldBe(1);
        var (lines, history) = await WrittenAsync(period.Id, cityIds);
        lines.ShouldBeEmpty();
        history.ShouldBeEmpty();
        (await official.GetFromJsonAsync<List<FeedImportDto>>($"/api/app/feeds/clients/{created.Client.Id}/imports", HttpJson.Options))!.ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_Refuse_More_Rows_Than_A_Request_Takes_With_A_Localized_400()
    {
        using var official = await host.ClientForAsync(null, "official");
        var created = await RegisterAsync(official, [await host.TenantIdAsync("兰州")]);
        using var feed = await host.FeedClientAsync(created);
        feed.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var tooMany = FeedConsts.MaxRows + 1;

        var json = await feed.ImportAsync(new { rows = Enumerable.Range(0, tooMany).Select(_ => new { }) }, "too-many-json");
        var csv = await feed.ImportCsvAsync("city,period,indicator\n" + string.Concat(Enumerable.Repeat("兰州,p,B04\n", tooMany)), "too-many-csv");

        foreach (var response in new[] { json, csv })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var problem = await response.ReadProblemAsync();
            problem.GetProperty("code").GetString().ShouldBe(FeedErrorCodes.TooManyRows);
            problem.GetProperty("errors").GetProperty("rows")[0].GetString().ShouldBe($"At most {FeedConsts.MaxRows} rows can be imported at once.");
        }

        (await official.GetFromJsonAsync<List<FeedImportDto>>($"/api/app/feeds/clients/{created.Client.Id}/imports", HttpJson.Options))!.ShouldBeEmpty();
    }

    /// <summary>A valid value for every indicator a feed may write, for each of the two cities.</summary>
    private async Task<List<object>> WholeCityRowsAsync(Guid schemeId, Guid periodId)
    {
        using var scope = host.Factory.Services.CreateScope();
        Scheme scheme;
        using (scope.ServiceProvider.GetRequiredService<Data.IDataFilter>().Disable<IMultiTenant>())
        {
            scheme = await scope.ServiceProvider.GetRequiredService<IRepository<Scheme>>().GetAsync(schemeId);
        }

        var random = new Random(7);
        var rows = new List<object>();
        foreach (var city in Cities)
        {
            foreach (var indicator in scheme.Definition.AllIndicators().DistinctBy(i => i.Code)
                .Where(i => string.IsNullOrWhiteSpace(i.Formula) && !Supervision.ProblemRegister.IsFed(i)))
            {
                var value = NationalDataGenerator.ValueFor(indicator, 0.8, random);
                if (!value.IsEmpty && EntryValueValidator.Validate(indicator, value, null) is null)
                {
                    rows.Add(new { city, period = periodId.ToString(), indicator = indicator.Code, value });
                }
            }
        }

        return rows;
    }

    private async Task<(List<EntryLine> Lines, List<EntryValueHistory> History)> WrittenAsync(Guid periodId, List<Guid> cityIds)
    {
        using var scope = host.Factory.Services.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<Data.IDataFilter>().Disable<IMultiTenant>();
        var lineRepository = scope.ServiceProvider.GetRequiredService<IRepository<EntryLine>>();
        var historyRepository = scope.ServiceProvider.GetRequiredService<IRepository<EntryValueHistory>>();
        var lines = await lineRepository.ToListAsync(lineRepository.QueryReadOnly().Where(l => l.PeriodId == periodId && l.TenantId != null && cityIds.Contains(l.TenantId.Value)));
        var ids = lines.Select(l => l.Id).ToList();
        var history = await historyRepository.ToListAsync(historyRepository.QueryReadOnly().Where(h => ids.Contains(h.EntryLineId)));
        return (lines, history);
    }
}

public sealed class LargeFeeds_Http_Sqlite_Tests(SqliteHostFixture host) : LargeFeeds_Http_Tests<SqliteHostFixture>(host);

public sealed class LargeFeeds_Http_MySql_Tests(MySqlHostFixture host) : LargeFeeds_Http_Tests<MySqlHostFixture>(host);

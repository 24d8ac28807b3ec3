using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using PilotAssessment.DataEntry;
using PilotAssessment.Dtos;
using PilotAssessment.Periods;
using Shouldly;
using Xunit;
using static PilotAssessment.Quality.QualityTestClient;

namespace PilotAssessment.Quality;

/// <summary>Completeness and timeliness per city, per unit and over the series, on a small known data set; each city sees only itself.</summary>
public abstract class Completeness_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    [Fact]
    public async Task Should_Count_Reported_On_Time_Late_And_Missing_Lines_Per_City_Unit_And_Period()
    {
        using var official = await host.ClientForAsync(null, "official");
        var period = await PeriodTestClient.CreateOpenPeriodAsync(official, host.NewYear());
        using var admin = await host.ClientForAsync("张掖", "admin");
        var zhangyeId = await host.TenantIdAsync("张掖");
        await SaveAsync(admin, period.Id, "B04", 80m);
        var expected = (await admin.GetFromJsonAsync<EntrySheetDto>($"{Url}/periods/{period.Id}", HttpJson.Options))!.Lines.Count;

        // The deadline passes after B04; C04 comes in later under a lock exception.
        await Task.Delay(1100);
        var closesAt = ProvinceTime.ToLocal(DateTime.UtcNow);
        var window = await official.PutAsJsonAsync($"/api/app/periods/{period.Id}/window", new
        {
            entryOpensAt = closesAt.AddHours(-2).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            entryClosesAt = closesAt.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            concurrencyStamp = period.ConcurrencyStamp,
        });
        window.StatusCode.ShouldBe(HttpStatusCode.OK, await window.Content.ReadAsStringAsync());
        await Task.Delay(1100);
        var exception = await official.PostAsJsonAsync($"/api/app/periods/{period.Id}/lock-exceptions", new
        {
            cityId = zhangyeId,
            reason = "系统故障补录",
            deadline = ProvinceTime.ToLocal(DateTime.UtcNow).AddDays(3).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        });
        exception.StatusCode.ShouldBe(HttpStatusCode.OK, await exception.Content.ReadAsStringAsync());
        await SaveAsync(admin, period.Id, "C04", 90m);

        using var auditor = await host.ClientForAsync(null, "auditor");
        var cities = await auditor.GetFromJsonAsync<PagedResultDto<CityCompletenessDto>>($"/api/app/quality/periods/{period.Id}/cities?maxResultCount=100", HttpJson.Options);
        cities!.TotalCount.ShouldBe(cities.Items.Count);
        var zhangye = cities.Items.Single(c => c.CityId == zhangyeId);
        (zhangye.Expected, zhangye.Reported, zhangye.OnTime, zhangye.Late, zhangye.Missing).ShouldBe((expected, 2, 1, 1, expected - 2));
        zhangye.ReportedPercent.ShouldBe(Math.Round(200m / expected, 2, MidpointRounding.AwayFromZero));
        cities.Items.Where(c => c.CityId != zhangyeId).ShouldAllBe(c => c.Reported == 0 && c.Missing == expected);
        var page = await auditor.GetFromJsonAsync<PagedResultDto<CityCompletenessDto>>($"/api/app/quality/periods/{period.Id}/cities?skipCount=1&maxResultCount=2", HttpJson.Options);
        (page!.TotalCount, page.Items.Count).ShouldBe((cities.TotalCount, 2));
        page.Items.Select(c => c.CityId).ShouldBe(cities.Items.Skip(1).Take(2).Select(c => c.CityId));

        var units = await auditor.GetFromJsonAsync<List<UnitCompletenessDto>>($"/api/app/quality/periods/{period.Id}/cities/{zhangyeId}/units", HttpJson.Options);
        units!.Sum(u => u.Expected).ShouldBe(expected);
        (units.Sum(u => u.Reported), units.Sum(u => u.OnTime), units.Sum(u => u.Late)).ShouldBe((2, 1, 1));

        var trend = await admin.GetFromJsonAsync<List<CompletenessTrendPointDto>>($"/api/app/quality/periods/{period.Id}/trend", HttpJson.Options);
        var last = trend!.Last();
        last.PeriodId.ShouldBe(period.Id);
        (last.Expected, last.Reported, last.OnTime, last.Late).ShouldBe((expected, 2, 1, 1));
        var province = await auditor.GetFromJsonAsync<List<CompletenessTrendPointDto>>($"/api/app/quality/periods/{period.Id}/trend", HttpJson.Options);
        (province!.Last().Expected, province.Last().Reported).ShouldBe((expected * (int)cities.TotalCount, 2));
    }

    [Fact]
    public async Task Should_Show_A_City_Only_Itself_And_Refuse_Another_Citys_Id_And_A_Clerk()
    {
        using var official = await host.ClientForAsync(null, "official");
        var period = await PeriodTestClient.CreateOpenPeriodAsync(official, host.NewYear());
        using var tianshui = await host.ClientForAsync("天水", "admin");
        var tianshuiId = await host.TenantIdAsync("天水");
        var lanzhouId = await host.TenantIdAsync("兰州");

        var own = await tianshui.GetFromJsonAsync<PagedResultDto<CityCompletenessDto>>($"/api/app/quality/periods/{period.Id}/cities", HttpJson.Options);
        own!.TotalCount.ShouldBe(1);
        own.Items.Single().CityId.ShouldBe(tianshuiId);
        (await tianshui.GetAsync($"/api/app/quality/periods/{period.Id}/cities/{tianshuiId}/units")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await tianshui.GetAsync($"/api/app/quality/periods/{period.Id}/cities/{lanzhouId}/units")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await tianshui.GetAsync($"/api/app/quality/periods/{period.Id}/trend?cityId={lanzhouId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await tianshui.GetAsync($"/api/app/quality/periods/{Guid.NewGuid()}/cities")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var clerk = await host.ClientForAsync("天水", "clerk");
        (await clerk.GetAsync($"/api/app/quality/periods/{period.Id}/cities")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await clerk.GetAsync($"/api/app/quality/periods/{period.Id}/cities/{tianshuiId}/units")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class Completeness_Http_Sqlite_Tests(SqliteHostFixture host) : Completeness_Http_Tests<SqliteHostFixture>(host);

public sealed class Completeness_Http_MySql_Tests(MySqlHostFixture host) : Completeness_Http_Tests<MySqlHostFixture>(host);

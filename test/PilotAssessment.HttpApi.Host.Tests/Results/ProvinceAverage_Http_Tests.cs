using System.Net;
using System.Net.Http.Json;
using PilotAssessment.DataEntry;
using PilotAssessment.Dtos;
using PilotAssessment.Periods;
using PilotAssessment.Schemes;
using Shouldly;
using Xunit;

namespace PilotAssessment.Results;

/// <summary>
/// The province average a city is shown comes from the other cities' submitted sheets only, and only when at least
/// three of them give the figure: a city never reads another's draft or exact number through it.
/// </summary>
public abstract class ProvinceAverage_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    [Fact]
    public async Task Should_Show_No_Average_Of_Drafts_Nor_Of_Fewer_Than_Three_Other_Submitted_Cities()
    {
        var period = await host.CreateOpenPeriodAsync();
        await SaveB03Async(period, "兰州", 2.0m);
        await SaveB03Async(period, "天水", 3.2m);

        // Another city's draft is not a reference: 兰州 would read 天水's exact figure from a two-city average.
        var draftOnly = await B03Async(period, "兰州");
        draftOnly.ReferenceValue.ShouldBeNull();
        draftOnly.ReferenceSource.ShouldBe(ReferenceSources.ProvinceAverageUnavailable);

        await SubmitAsync(period, "天水");
        await SaveB03Async(period, "酒泉", 3.0m);
        await SubmitAsync(period, "酒泉");
        (await B03Async(period, "兰州")).ReferenceValue.ShouldBeNull();

        await SaveB03Async(period, "张掖", 4.0m);
        await SubmitAsync(period, "张掖");
        var three = await B03Async(period, "兰州");
        (three.ReferenceValue, three.ReferenceSource).ShouldBe((3.4m, ReferenceSources.ProvinceAverage));

        // A contributing city is compared with the others, so two of them are not enough for it.
        var tianshui = await B03Async(period, "天水");
        (tianshui.ReferenceValue, tianshui.ReferenceSource).ShouldBe((null, ReferenceSources.ProvinceAverageUnavailable));
    }

    private async Task SaveB03Async(PeriodDto period, string city, decimal number)
    {
        using var clerk = await host.ClientForAsync(city, "clerk");
        var saved = await clerk.PutAsJsonAsync($"/api/app/data-entry/periods/{period.Id}/lines/B03", new SaveEntryLineInput { Value = new EntryValueDto { Number = number } });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
    }

    private async Task SubmitAsync(PeriodDto period, string city)
    {
        using var admin = await host.ClientForAsync(city, "admin");
        var submitted = await admin.PostAsync($"/api/app/data-entry/periods/{period.Id}/submit", null);
        submitted.StatusCode.ShouldBe(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
    }

    private async Task<EntryLineDto> B03Async(PeriodDto period, string city)
    {
        using var clerk = await host.ClientForAsync(city, "clerk");
        var sheet = await clerk.GetFromJsonAsync<EntrySheetDto>($"/api/app/data-entry/periods/{period.Id}", HttpJson.Options);
        var line = sheet!.Lines.Single(l => l.IndicatorCode == "B03");
        var single = await clerk.GetFromJsonAsync<EntryLineDto>($"/api/app/data-entry/lines/{line.Id}", HttpJson.Options);
        (single!.ReferenceValue, single.ReferenceSource).ShouldBe((line.ReferenceValue, line.ReferenceSource));
        return line;
    }
}

public sealed class ProvinceAverage_Http_Sqlite_Tests(SqliteHostFixture host) : ProvinceAverage_Http_Tests<SqliteHostFixture>(host);

public sealed class ProvinceAverage_Http_MySql_Tests(MySqlHostFixture host) : ProvinceAverage_Http_Tests<MySqlHostFixture>(host);

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using PilotAssessment.Dtos;
using PilotAssessment.Schemes;
using Shouldly;

namespace PilotAssessment.Periods;

/// <summary>Periods of the seeded sample scheme for the HTTP tests, each of a year no other period of the host's database has.</summary>
public static class PeriodTestClient
{
    private static readonly ConditionalWeakTable<PilotAssessmentHostFixture, StrongBox<int>> Years = [];

    /// <summary>A year not used yet in the host's database (periods and agreements are one per city and year).</summary>
    public static int NewYear(this PilotAssessmentHostFixture host) =>
        Interlocked.Increment(ref Years.GetValue(host, _ => new StrongBox<int>(2040)).Value);

    /// <summary>An annual period opened by the official, its window from an hour ago for ten days (Beijing time).</summary>
    public static async Task<PeriodDto> CreateOpenPeriodAsync(this PilotAssessmentHostFixture host)
    {
        using var official = await host.ClientForAsync(null, "official");
        return await CreateOpenPeriodAsync(official, host.NewYear());
    }

    /// <inheritdoc cref="CreateOpenPeriodAsync(PilotAssessmentHostFixture)"/>
    public static Task<PeriodDto> CreateOpenPeriodAsync(HttpClient official, int year) =>
        CreatePeriodAsync(official, year, TimeSpan.FromHours(-1), TimeSpan.FromDays(10), open: true);

    /// <summary>An annual period with its window relative to now (Beijing time), opened by the official when <paramref name="open"/>.</summary>
    public static async Task<PeriodDto> CreatePeriodAsync(HttpClient official, int year, TimeSpan opensIn, TimeSpan closesIn, bool open)
    {
        var schemes = await official.GetFromJsonAsync<PagedResultDto<SchemeDto>>("/api/app/schemes?status=Published&maxResultCount=100", HttpJson.Options);
        var scheme = schemes!.Items.OrderBy(s => s.CreationTime).First();
        var now = ProvinceTime.ToLocal(DateTime.UtcNow);
        var created = await official.PostAsJsonAsync("/api/app/periods", new
        {
            schemeId = scheme.Id,
            kind = 0,
            year,
            number = 1,
            entryOpensAt = (now + opensIn).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            entryClosesAt = (now + closesIn).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        });
        created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        var period = (await created.ReadJsonAsync<PeriodDto>())!;
        period.EntryClosesAtLocal.ShouldBe((now + closesIn).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        if (!open)
        {
            return period;
        }

        var opened = await official.PostAsync($"/api/app/periods/{period.Id}/open", null);
        opened.StatusCode.ShouldBe(HttpStatusCode.OK, await opened.Content.ReadAsStringAsync());
        return (await opened.ReadJsonAsync<PeriodDto>())!;
    }
}

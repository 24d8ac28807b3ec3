using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using PilotAssessment.DataEntry;
using PilotAssessment.Periods;
using Shouldly;

namespace PilotAssessment.Quality;

/// <summary>What the data-quality tests set up over HTTP: periods of a given scheme, a city's approved history of a line.</summary>
internal static class QualityTestClient
{
    public const string Url = "/api/app/data-entry";

    /// <summary>An annual period of <paramref name="schemeId"/>, opened, its window from an hour ago for ten days (Beijing time).</summary>
    public static async Task<PeriodDto> OpenPeriodAsync(HttpClient official, Guid schemeId, int year)
    {
        var now = ProvinceTime.ToLocal(DateTime.UtcNow);
        var created = await official.PostAsJsonAsync("/api/app/periods", new
        {
            schemeId,
            kind = 0,
            year,
            number = 1,
            entryOpensAt = now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            entryClosesAt = now.AddDays(10).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        });
        created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        var period = (await created.ReadJsonAsync<PeriodDto>())!;
        var opened = await official.PostAsync($"/api/app/periods/{period.Id}/open", null);
        opened.StatusCode.ShouldBe(HttpStatusCode.OK, await opened.Content.ReadAsStringAsync());
        return (await opened.ReadJsonAsync<PeriodDto>())!;
    }

    /// <summary>One period per value, each with the city's line saved, submitted and approved.</summary>
    public static async Task ApprovedHistoryAsync(this PilotAssessmentHostFixture host, string city, string code, params decimal[] values)
    {
        using var official = await host.ClientForAsync(null, "official");
        using var admin = await host.ClientForAsync(city, "admin");
        using var auditor = await host.ClientForAsync(null, "auditor");
        var cityId = await host.TenantIdAsync(city);
        foreach (var value in values)
        {
            var period = await PeriodTestClient.CreateOpenPeriodAsync(official, host.NewYear());
            var saved = await admin.PutAsJsonAsync($"{Url}/periods/{period.Id}/lines/{code}", new SaveEntryLineInput { Value = new EntryValueDto { Number = value } });
            saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
            var submitted = await admin.PostAsync($"{Url}/periods/{period.Id}/submit", null);
            submitted.StatusCode.ShouldBe(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
            var approved = await auditor.PostAsync($"/api/app/reviews/periods/{period.Id}/cities/{cityId}/approve", null);
            approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        }
    }

    public static async Task<EntryLineDto> SaveAsync(HttpClient client, Guid periodId, string code, decimal number, string? note = null, string? stamp = null)
    {
        var saved = await client.PutAsJsonAsync($"{Url}/periods/{periodId}/lines/{code}", new SaveEntryLineInput { Value = new EntryValueDto { Number = number }, Note = note, ConcurrencyStamp = stamp });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        return (await saved.ReadJsonAsync<EntryLineDto>())!;
    }
}

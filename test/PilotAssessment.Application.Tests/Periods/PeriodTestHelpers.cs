using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.DataEntry;
using PilotAssessment.Repositories;
using PilotAssessment.Results;
using PilotAssessment.Reviews;
using PilotAssessment.Schemes;

namespace PilotAssessment.Periods;

/// <summary>Creates periods of the seeded sample scheme and runs application services as the demo users.</summary>
public static class PeriodTestHelpers
{
    private static int _year = 2030;

    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF"u8.ToArray();

    /// <summary>An annual period of a year no other test uses, with its window relative to the fake clock.</summary>
    public static async Task<PeriodDto> CreatePeriodAsync(this PilotAssessmentTestApplication app, TimeSpan opensIn, TimeSpan closesIn, bool open = true)
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var year = Interlocked.Increment(ref _year);
        return await app.AsUserAsync(null, "official", async sp =>
        {
            var schemes = sp.GetRequiredService<IRepository<Scheme>>();
            var scheme = (await schemes.ToListAsync(schemes.Query().Where(s => s.Status == SchemeStatus.Published).OrderBy(s => s.CreationTime))).First();
            var periods = sp.GetRequiredService<IPeriodAppService>();
            var period = await periods.CreateAsync(new CreatePeriodInput
            {
                SchemeId = scheme.Id,
                Kind = PeriodKind.Annual,
                Year = year,
                Number = 1,
                EntryOpensAt = ProvinceTime.ToLocal(now + opensIn),
                EntryClosesAt = ProvinceTime.ToLocal(now + closesIn),
            });
            return open ? await periods.OpenAsync(period.Id) : period;
        });
    }

    public static Task<T> DataEntryAsync<T>(this PilotAssessmentTestApplication app, string city, string user, Func<DataEntryServices, Task<T>> action) =>
        app.AsUserAsync(city, user, sp => action(new DataEntryServices(sp)));

    public static Task DataEntryAsync(this PilotAssessmentTestApplication app, string city, string user, Func<DataEntryServices, Task> action) =>
        app.AsUserAsync(city, user, sp => action(new DataEntryServices(sp)));

    public static Task<T> ReviewAsync<T>(this PilotAssessmentTestApplication app, Func<IReviewAppService, Task<T>> action) =>
        app.AsUserAsync(null, "auditor", sp => action(sp.GetRequiredService<IReviewAppService>()));

    public static Task<T> ResultsAsync<T>(this PilotAssessmentTestApplication app, string? city, string user, Func<IResultAppService, Task<T>> action) =>
        app.AsUserAsync(city, user, sp => action(sp.GetRequiredService<IResultAppService>()));

    public static Task<T> PeriodsAsync<T>(this PilotAssessmentTestApplication app, Func<IPeriodAppService, Task<T>> action) =>
        app.AsUserAsync(null, "official", sp => action(sp.GetRequiredService<IPeriodAppService>()));

    public static Task<EntryLineDto> SaveAsync(this DataEntryServices entry, Guid periodId, string code, EntryValueDto value, string? stamp = null, Guid? unitId = null) =>
        entry.SaveLineAsync(periodId, code, new SaveEntryLineInput { Value = value, ConcurrencyStamp = stamp, UnitId = unitId });

    public static EntryValueDto Number(decimal number) => new() { Number = number };
}

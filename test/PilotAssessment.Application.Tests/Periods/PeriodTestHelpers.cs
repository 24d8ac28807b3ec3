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

    /// <summary>
    /// Publishes as the official, leaving out (未参评) every city that is not approved and closing an open window early,
    /// each with a reason.
    /// </summary>
    public static async Task<List<RankingRowDto>> PublishAllAsync(this PilotAssessmentTestApplication app, Guid periodId)
    {
        var submissions = await app.ReviewAsync(r => r.GetSubmissionsAsync(periodId));
        var input = new PublishPeriodInput
        {
            EarlyCloseReason = "提前截止：全部城市已报送",
            LeftOut = submissions.Where(s => s.Status != "Approved").Select(s => new LeftOutCityInput { CityId = s.CityId, Reason = "未按期报送" }).ToList(),
        };
        return await app.ResultsAsync(null, "official", r => r.PublishAsync(periodId, input));
    }

    /// <summary>Every seeded city submits what it has and the auditor approves it, so all of them are ranked.</summary>
    public static async Task ApproveEveryCityAsync(this PilotAssessmentTestApplication app, Guid periodId)
    {
        foreach (var city in new[] { "兰州", "天水", "酒泉", "张掖", "金昌" })
        {
            var id = await app.TenantIdAsync(city);
            var status = (await app.ReviewAsync(r => r.GetSubmissionsAsync(periodId))).Single(s => s.CityId == id).Status;
            if (status is "Draft" or "Returned")
            {
                await app.DataEntryAsync(city, "admin", e => e.SubmitAsync(periodId));
            }

            if (status != "Approved")
            {
                await app.ReviewAsync(r => r.ApproveAsync(periodId, id));
            }
        }
    }

    public static Task<T> ResultsAsync<T>(this PilotAssessmentTestApplication app, string? city, string user, Func<ResultServices, Task<T>> action) =>
        app.AsUserAsync(city, user, sp => action(new ResultServices(sp)));

    public static Task<T> PeriodsAsync<T>(this PilotAssessmentTestApplication app, Func<IPeriodAppService, Task<T>> action) =>
        app.AsUserAsync(null, "official", sp => action(sp.GetRequiredService<IPeriodAppService>()));

    public static Task<EntryLineDto> SaveAsync(this DataEntryServices entry, Guid periodId, string code, EntryValueDto value, string? stamp = null, Guid? unitId = null) =>
        entry.SaveLineAsync(periodId, code, new SaveEntryLineInput { Value = value, ConcurrencyStamp = stamp, UnitId = unitId });

    public static EntryValueDto Number(decimal number) => new() { Number = number };
}

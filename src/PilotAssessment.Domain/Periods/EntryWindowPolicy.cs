using PilotAssessment.DataEntry;
using PilotAssessment.Reviews;

namespace PilotAssessment.Periods;

/// <summary>
/// Whether a city (or one of its units) may write values of a period now: the sheet still with the city, inside the
/// window or under a lock exception. The rule itself is <see cref="Refusal"/>, on rows already read, so the entry
/// grid (one city) and data feeds (many cities at once) cannot drift apart.
/// </summary>
public sealed class EntryWindowPolicy(IRepository<PeriodLockException> lockExceptions, TimeProvider clock)
{
    public async Task EnsureMayWriteAsync(AssessmentPeriod period, Guid cityId, Guid? unitId, CancellationToken cancellationToken = default)
    {
        if (await RefusalAsync(period, cityId, unitId, null, cancellationToken) is { } refusal)
        {
            throw refusal;
        }
    }

    public async Task<bool> MayWriteAsync(AssessmentPeriod period, Guid cityId, Guid? unitId, CancellationToken cancellationToken = default) =>
        await RefusalAsync(period, cityId, unitId, null, cancellationToken) is null;

    /// <summary>Why the city (or unit) may not write now given its <paramref name="submission"/>, or null when it may.</summary>
    public async Task<BusinessException?> RefusalAsync(AssessmentPeriod period, Guid cityId, Guid? unitId, CitySubmission? submission, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var exceptions = ExceptionsMatter(period, now)
            ? await lockExceptions.ToListAsync(
                lockExceptions.Query().Where(e => e.PeriodId == period.Id && e.CityId == cityId && e.Deadline > now), cancellationToken)
            : [];
        return Refusal(period, cityId, unitId, submission, exceptions, now);
    }

    /// <summary>Lock exceptions count only once the window has opened, for a period open or locked but not accepting entries now.</summary>
    public static bool ExceptionsMatter(AssessmentPeriod period, DateTime now) =>
        !period.AcceptsEntries(now) && period.Status is PeriodStatus.Open or PeriodStatus.Locked && now >= period.EntryOpensAt;

    /// <summary>
    /// The entry rule: a sheet under review is not the city's to change; otherwise the window must be open, or a lock
    /// exception among <paramref name="exceptions"/> must admit the city (or unit). Null when the write may go ahead.
    /// </summary>
    public static BusinessException? Refusal(AssessmentPeriod period, Guid cityId, Guid? unitId, CitySubmission? submission, IEnumerable<PeriodLockException> exceptions, DateTime now)
    {
        if (submission is not null && !submission.CityMayEdit)
        {
            return new BusinessException(DataEntryErrorCodes.NotEditable, submission.Status);
        }

        if (period.AcceptsEntries(now)
            || (ExceptionsMatter(period, now) && exceptions.Any(e => e.PeriodId == period.Id && e.Admits(cityId, unitId, now))))
        {
            return null;
        }

        // Before the window a city is told when it opens, not that it has closed.
        if (now < period.EntryOpensAt && period.Status is (PeriodStatus.Planned or PeriodStatus.Open))
        {
            return new BusinessException(DataEntryErrorCodes.WindowNotOpenYet, period.Name, Local(period.EntryOpensAt));
        }

        return period.Status == PeriodStatus.Planned
            ? new BusinessException(DataEntryErrorCodes.WindowNotOpened, period.Name)
            : new BusinessException(DataEntryErrorCodes.WindowClosed, period.Name, Local(period.EntryClosesAt));
    }

    private static string Local(DateTime utc) => ProvinceTime.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

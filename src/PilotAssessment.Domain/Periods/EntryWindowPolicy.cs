using PilotAssessment.DataEntry;

namespace PilotAssessment.Periods;

/// <summary>Whether a city (or one of its units) may write values of a period now: inside the window, or under a lock exception.</summary>
public sealed class EntryWindowPolicy(IRepository<PeriodLockException> lockExceptions, TimeProvider clock)
{
    public async Task EnsureMayWriteAsync(AssessmentPeriod period, Guid cityId, Guid? unitId, CancellationToken cancellationToken = default)
    {
        if (await MayWriteAsync(period, cityId, unitId, cancellationToken))
        {
            return;
        }

        // Before the window a city is told when it opens, not that it has closed.
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < period.EntryOpensAt && period.Status is (PeriodStatus.Planned or PeriodStatus.Open))
        {
            throw new BusinessException(DataEntryErrorCodes.WindowNotOpenYet, period.Name, Local(period.EntryOpensAt));
        }

        if (period.Status == PeriodStatus.Planned)
        {
            throw new BusinessException(DataEntryErrorCodes.WindowNotOpened, period.Name);
        }

        throw new BusinessException(DataEntryErrorCodes.WindowClosed, period.Name, Local(period.EntryClosesAt));
    }

    public async Task<bool> MayWriteAsync(AssessmentPeriod period, Guid cityId, Guid? unitId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (period.AcceptsEntries(now))
        {
            return true;
        }

        if (period.Status is not (PeriodStatus.Open or PeriodStatus.Locked) || now < period.EntryOpensAt)
        {
            return false;
        }

        var exceptions = await lockExceptions.ToListAsync(
            lockExceptions.Query().Where(e => e.PeriodId == period.Id && e.CityId == cityId && e.Deadline > now), cancellationToken);
        return exceptions.Any(e => e.Admits(cityId, unitId, now));
    }

    private static string Local(DateTime utc) => ProvinceTime.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

using PilotAssessment.Periods;
using PilotAssessment.Reviews;

namespace PilotAssessment.DataEntry;

/// <summary>
/// What every data-entry write checks first: the caller acts in a city, the sheet is with the city and inside its
/// window (or a lock exception), the line is one the caller may see, and lines a unit reported are the city
/// administrator's to change.
/// </summary>
public sealed class EntryEditGuard(
    IRepository<AssessmentPeriod> periods,
    IRepository<EntryLine> lines,
    IRepository<CitySubmission> submissions,
    EntryLineAccess access,
    EntryWindowPolicy window,
    IPermissionChecker permissions,
    ICurrentTenant currentTenant)
{
    /// <summary>The current city; the province has no sheet of its own to write.</summary>
    public Guid CityId => currentTenant.Id ?? throw new ForbiddenException(DataEntryErrorCodes.NotEditable);

    public async Task<CitySubmission?> SubmissionOfAsync(Guid periodId) =>
        await submissions.FirstOrDefaultAsync(submissions.Query().Where(s => s.PeriodId == periodId));

    /// <summary>The sheet is still the city's (not under review) and the window is open for the unit (or the whole city).</summary>
    /// <returns>The city's submission of the period as read for the check (null: none yet).</returns>
    public async Task<CitySubmission?> EnsureCityMayEditAsync(AssessmentPeriod period, Guid cityId, Guid? unitId)
    {
        var submission = await SubmissionOfAsync(period.Id);
        if (await window.RefusalAsync(period, cityId, unitId, submission) is { } refusal)
        {
            throw refusal;
        }

        return submission;
    }

    /// <summary>Lines a unit has reported are the city administrator's to change (or return), not the clerks'.</summary>
    public async Task EnsureLinesEditableAsync(IEnumerable<EntryLine> toChange)
    {
        var reported = toChange.Where(l => l.Status == EntryLineStatus.UnitSubmitted).Select(l => l.IndicatorCode).ToList();
        if (reported.Count > 0 && !await permissions.IsGrantedAsync(PilotAssessmentPermissions.DataEntry.Submit))
        {
            throw new BusinessException(DataEntryErrorCodes.LineSubmittedByUnit, string.Join("、", reported));
        }
    }

    /// <summary>A line of the city the user may see (another unit's answers 404 with <paramref name="askedId"/>, like another city's).</summary>
    public async Task<(EntryLine Line, AssessmentPeriod Period, EntryLineScope Scope)> AccessibleLineAsync(Guid lineId, Guid? askedId = null)
    {
        var line = await lines.GetAsync(lineId);
        var period = await periods.GetAsync(line.PeriodId);
        var scope = await access.ForAsync(period);
        scope.EnsureAccess(line.IndicatorCode, askedId ?? lineId);
        return (line, period, scope);
    }

    /// <summary>A line the caller may change: accessible, the city may edit it now, and no unit has reported it (unless the caller is the city administrator).</summary>
    public async Task<(EntryLine Line, AssessmentPeriod Period)> EditableLineAsync(Guid lineId, Guid? askedId = null)
    {
        var (line, period, scope) = await AccessibleLineAsync(lineId, askedId);
        await EnsureCityMayEditAsync(period, CityId, scope.UnitOf(line.IndicatorCode));
        await EnsureLinesEditableAsync([line]);
        return (line, period);
    }
}

using PilotAssessment.ExceptionHandling;
using PilotAssessment.Periods;
using PilotAssessment.Permissions;
using PilotAssessment.Repositories;
using PilotAssessment.Schemes;
using PilotAssessment.Services;

namespace PilotAssessment.DataEntry;

/// <summary>
/// Live points while typing: a line's would-be points and explanation, and the city's 自评总分 with the typed value
/// in place of the saved one. Open to whoever may enter the line (its unit's clerk, the city administrator).
/// </summary>
[RequiresPermission(PilotAssessmentPermissions.DataEntry.Default)]
public sealed class EntryScoringAppService(
    ApplicationServiceContext context,
    EntryPeriodLoader loader,
    EntryLineAccess access,
    EntryEditGuard guard,
    EntrySelfScoring scoring) : PilotAssessmentAppService(context), IEntryScoringAppService
{
    public async Task<LineScorePreviewDto> PreviewLineAsync(Guid periodId, string indicatorCode, PreviewLineInput input)
    {
        var cityId = guard.CityId;
        var entry = await loader.LoadAsync(periodId);
        var (period, definition) = (entry.Period, entry.Definition);
        var indicator = entry.EnteredIndicator(indicatorCode);

        // Another unit's line is not there for the clerk, whatever is typed.
        var scope = await access.ForAsync(period);
        scope.EnsureAccess(indicatorCode, indicatorCode);
        var value = (input?.Value).ToDomain();
        if (EntryValueValidator.Validate(indicator, value, null) is { } invalid)
        {
            throw invalid;
        }

        var entries = await scoring.LoadAsync(period, definition, cityId, entry.OfScheme);
        var saved = entries.Lines.FirstOrDefault(l => l.IndicatorCode == indicatorCode);
        var typed = new EntryLine(saved?.Id ?? SequentialGuid.Next(), periodId, indicatorCode) { TenantId = cityId };
        typed.SetValue(value, CurrentUser.Id, Now);
        var withTyped = entries.Lines.Where(l => l.IndicatorCode != indicatorCode).Append(typed).ToList();
        var sheet = await scoring.ScoreAsync(period, definition, cityId, withTyped, entries.Facts, entries.Reference, scope.TargetsOf(cityId));
        var line = sheet.Lines.Single(l => l.IndicatorCode == indicatorCode);
        return new LineScorePreviewDto
        {
            IndicatorCode = indicatorCode,
            Points = line.Points,
            MaxPoints = line.MaxPoints,
            Status = line.Status.ToString(),
            Explanation = SchemeAutoMapperProfile.InCurrentCulture(line.Explanation),
            Total = sheet.Total,
            MaxTotal = sheet.MaxPoints,
            Incomplete = EntryLineGaps.Of(indicator, value, entries.Reference.LineReference(indicator, cityId, value))
                .Select(g => new EntryLineGapDto { Field = g.Field, Message = L[g.Gap.Code].Value })
                .ToList(),
        };
    }
}

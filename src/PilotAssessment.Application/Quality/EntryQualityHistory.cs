using System.Globalization;
using Microsoft.Extensions.Localization;
using PilotAssessment.Data;
using PilotAssessment.DataEntry;
using PilotAssessment.Localization;
using PilotAssessment.Periods;
using PilotAssessment.Reviews;
using PilotAssessment.Schemes;

namespace PilotAssessment.Quality;

/// <summary>
/// A city's history of its indicators for the data-quality check (docs/adr/0024): its checked numbers in the last
/// <see cref="QualityConsts.HistoryPeriods"/> earlier periods of the series (the period's scheme, the same kind), where
/// the city's submission was approved. One query for any number of indicators.
/// </summary>
public sealed class EntryQualityHistory(
    IRepository<AssessmentPeriod> periods,
    IRepository<EntryLine> lines,
    IRepository<CitySubmission> submissions,
    IDataFilter dataFilter,
    IStringLocalizer<PilotAssessmentResource> localizer)
{
    /// <summary>The earlier periods of the series, most recent first.</summary>
    public async Task<List<AssessmentPeriod>> EarlierPeriodsAsync(AssessmentPeriod period)
    {
        var sameSeries = await periods.ToListAsync(periods.QueryReadOnly().Where(p => p.SchemeId == period.SchemeId && p.Kind == period.Kind && p.Id != period.Id));
        return sameSeries.Where(p => p.Sequence < period.Sequence).OrderByDescending(p => p.Sequence).Take(QualityConsts.HistoryPeriods).ToList();
    }

    /// <summary>
    /// Per indicator code, the city's checked numbers in its last <see cref="QualityConsts.HistoryPeriods"/> approved
    /// earlier periods of the series (oldest first); a period the city was not approved in is skipped, not counted.
    /// </summary>
    /// <param name="ofScheme">The periods of the period's scheme when the caller has read them already.</param>
    public async Task<Dictionary<string, List<QualityHistoryPointDto>>> OfCityAsync(AssessmentPeriod period, Guid cityId, SchemeDefinition definition, IReadOnlyCollection<string> codes, IReadOnlyList<AssessmentPeriod>? ofScheme = null) =>
        Points(definition, codes, await ReadAsync(period, cityId, codes, ofScheme));

    /// <summary>
    /// The earlier periods of the series and, in one query, each approved one with the city's lines of the codes in it
    /// (none: a row without a line), so a period approved without these lines still takes its place among the last ones.
    /// </summary>
    private async Task<(List<AssessmentPeriod> SameSeries, List<PeriodLine> Found)> ReadAsync(AssessmentPeriod period, Guid cityId, IReadOnlyCollection<string> codes, IReadOnlyList<AssessmentPeriod>? ofScheme)
    {
        if (codes.Count == 0)
        {
            return ([], []);
        }

        var sameSeries = ofScheme?.Where(p => p.SchemeId == period.SchemeId && p.Kind == period.Kind && p.Id != period.Id).ToList()
            ?? await periods.ToListAsync(periods.QueryReadOnly().Where(p => p.SchemeId == period.SchemeId && p.Kind == period.Kind && p.Id != period.Id));
        var earlierIds = sameSeries.Where(p => p.Sequence < period.Sequence).Select(p => p.Id).ToList();
        if (earlierIds.Count == 0)
        {
            return (sameSeries, []);
        }

        using (dataFilter.Disable<IMultiTenant>())
        {
            var found = await lines.ToListAsync(
                from s in submissions.QueryReadOnly().Where(s => earlierIds.Contains(s.PeriodId) && s.TenantId == cityId && s.Status == SubmissionStatus.Approved)
                join l in lines.QueryReadOnly().Where(l => l.TenantId == cityId && codes.Contains(l.IndicatorCode)) on s.PeriodId equals l.PeriodId into inPeriod
                from l in inPeriod.DefaultIfEmpty()
                select new PeriodLine(s.PeriodId, l));
            return (sameSeries, found);
        }
    }

    private static Dictionary<string, List<QualityHistoryPointDto>> Points(SchemeDefinition definition, IReadOnlyCollection<string> codes, (List<AssessmentPeriod> SameSeries, List<PeriodLine> Found) read)
    {
        var (sameSeries, found) = read;
        var approved = found.Select(f => f.PeriodId).ToHashSet();
        var earlier = sameSeries.Where(p => approved.Contains(p.Id)).OrderByDescending(p => p.Sequence).Take(QualityConsts.HistoryPeriods).ToList();
        var byId = earlier.ToDictionary(p => p.Id);
        var rows = found.Where(f => f.Line is not null && byId.ContainsKey(f.PeriodId)).Select(f => f.Line!).ToList();

        var indicators = definition.AllIndicators().Where(i => codes.Contains(i.Code)).ToDictionary(i => i.Code);
        return rows
            .Where(r => indicators.ContainsKey(r.IndicatorCode))
            .Select(r => (r.IndicatorCode, Period: byId[r.PeriodId], Number: OutlierCheck.CheckedNumber(indicators[r.IndicatorCode], r.Value)))
            .Where(r => r.Number is not null)
            .GroupBy(r => r.IndicatorCode)
            .ToDictionary(
                g => g.Key,
                g => g.OrderBy(r => r.Period.Sequence).Select(r => new QualityHistoryPointDto
                {
                    PeriodId = r.Period.Id,
                    PeriodName = r.Period.Name,
                    Year = r.Period.Year,
                    Number = r.Period.Number,
                    Value = r.Number!.Value,
                }).ToList());
    }

    /// <summary>Checks a line being saved against the bounds and the city's history, and stores the flag on it.</summary>
    /// <returns>
    /// The city's lines of the indicator in every approved earlier period of the series, as read for the check (the
    /// previous period's among them: <see cref="Results.KnownCityPeriod.ApprovedEarlierLines"/>); null when the
    /// indicator is not checked and nothing was read.
    /// </returns>
    public async Task<IReadOnlyList<EntryLine>?> CheckAsync(AssessmentPeriod period, Guid cityId, SchemeDefinition definition, IndicatorDefinition indicator, EntryLine line, EntryValue value, IReadOnlyList<AssessmentPeriod>? ofScheme = null)
    {
        if (!OutlierCheck.IsChecked(indicator.Rule))
        {
            line.SetQuality(null);
            return null;
        }

        var read = await ReadAsync(period, cityId, [indicator.Code], ofScheme);
        var numbers = Points(definition, [indicator.Code], read).GetValueOrDefault(indicator.Code)?.Select(p => p.Value).ToList() ?? [];
        line.SetQuality(OutlierCheck.Check(indicator, value, numbers));
        return read.Found.Where(f => f.Line is not null).Select(f => f.Line!).ToList();
    }

    /// <summary>Checks several lines being saved (an upload) against one load of the city's history.</summary>
    public async Task CheckAllAsync(AssessmentPeriod period, Guid cityId, SchemeDefinition definition, IReadOnlyCollection<(IndicatorDefinition Indicator, EntryLine Line)> saved)
    {
        var codes = saved.Where(s => OutlierCheck.IsChecked(s.Indicator.Rule)).Select(s => s.Indicator.Code).Distinct().ToList();
        var history = await OfCityAsync(period, cityId, definition, codes);
        foreach (var (indicator, line) in saved)
        {
            var numbers = history.GetValueOrDefault(indicator.Code)?.Select(p => p.Value).ToList() ?? [];
            line.SetQuality(OutlierCheck.Check(indicator, line.Value, numbers));
        }
    }

    /// <summary>The line's quality as shown beside its value, in the user's language; null before a value is checked.</summary>
    public static EntryLineQualityDto? ToDto(EntryLine? line, IStringLocalizer localizer)
    {
        if (line is null || QualityDetail.FromJson(line.QualityDetailJson) is not { } detail)
        {
            return null;
        }

        return new EntryLineQualityDto
        {
            Flag = line.QualityFlag.ToString(),
            FlagText = localizer[$"Enum:{nameof(QualityFlag)}.{line.QualityFlag}"].Value,
            Warning = Warning(line.QualityFlag, detail, localizer),
            Value = detail.Value,
            Median = detail.Median,
            ZScore = detail.ZScore,
            Min = detail.Min,
            Max = detail.Max,
            HistoryCount = detail.HistoryCount,
            NoteRequired = line.NeedsQualityNote,
        };
    }

    /// <summary>Fills the history of every line of a sheet (the auditor's review), in one query.</summary>
    public async Task AttachAsync(AssessmentPeriod period, Guid cityId, SchemeDefinition definition, EntrySheetDto sheet)
    {
        var codes = sheet.Lines.Where(l => OutlierCheck.IsChecked(definition.AllIndicators().FirstOrDefault(i => i.Code == l.IndicatorCode)?.Rule)).Select(l => l.IndicatorCode).ToList();
        var history = await OfCityAsync(period, cityId, definition, codes);
        foreach (var line in sheet.Lines.Where(l => codes.Contains(l.IndicatorCode)))
        {
            line.Quality ??= new EntryLineQualityDto { FlagText = localizer[$"Enum:{nameof(QualityFlag)}.{nameof(QualityFlag.None)}"].Value };
            line.Quality.History = history.GetValueOrDefault(line.IndicatorCode) ?? [];
        }
    }

    private static string? Warning(QualityFlag flag, QualityDetail detail, IStringLocalizer localizer) => flag switch
    {
        QualityFlag.OutOfBounds when detail.Min is { } min && detail.Value < min => localizer[QualityErrorCodes.BelowMin, Text(min)].Value,
        QualityFlag.OutOfBounds when detail.Max is { } max => localizer[QualityErrorCodes.AboveMax, Text(max)].Value,
        QualityFlag.Outlier => localizer[QualityErrorCodes.OutlierWarning, detail.HistoryCount, Text(detail.Median ?? 0m), Text(detail.ZScore ?? 0m)].Value,
        _ => null,
    };

    private static string Text(decimal number) => number.ToString("0.##", CultureInfo.InvariantCulture);

    private sealed record PeriodLine(Guid PeriodId, EntryLine? Line);
}

using System.Globalization;
using PilotAssessment.DataEntry;
using PilotAssessment.Localization;
using PilotAssessment.Periods;
using PilotAssessment.Repositories;

namespace PilotAssessment.Results;

/// <summary>
/// Where each score-sheet line's value came from: entered by a person, written by a data feed (which, when), or fed
/// and then changed by a person with a reason (docs/adr/0023). Read from the city's entry lines of the period, one
/// query per sheet's city and period; the caller has already chosen whose rows it may read.
/// </summary>
public sealed class ScoreSheetLineSources(IRepository<EntryLine> entryLines)
{
    public const string Entered = "Entered";
    public const string Fed = "Fed";
    public const string Overridden = "Overridden";

    public async Task FillAsync(IEnumerable<ScoreSheetRecordDto> sheets)
    {
        foreach (var group in sheets.GroupBy(s => (s.CityId, s.PeriodId)))
        {
            var (cityId, periodId) = group.Key;
            var lines = (await entryLines.ToListAsync(entryLines.QueryReadOnly()
                    .Where(l => l.TenantId == cityId && l.PeriodId == periodId)
                    .Where(ReportedEntryLines.Predicate)))
                .ToDictionary(l => l.IndicatorCode, StringComparer.Ordinal);
            foreach (var line in group.SelectMany(s => s.Lines))
            {
                Describe(line, lines.GetValueOrDefault(line.IndicatorCode));
            }
        }
    }

    /// <summary>Sets the line's source from the entry line; nothing for a line without a reported value.</summary>
    public static void Describe(ScoreSheetLineDto line, EntryLine? entry)
    {
        if (entry is null || !entry.IsReported)
        {
            return;
        }

        if (entry.SourceName is { } fed)
        {
            line.Source = Fed;
            line.SourceName = fed;
            if (entry.ReportedTime is { } time)
            {
                line.SourceTime = DateTime.SpecifyKind(time, DateTimeKind.Utc);
                line.SourceTimeLocal = ProvinceTime.ToLocal(time).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            }

            line.SourceText = string.Format(CultureInfo.CurrentCulture, Labels.Text("ScoreSheetSource:Fed"), fed, line.SourceTimeLocal);
        }
        else if (entry.OverriddenSourceName is { } overridden)
        {
            line.Source = Overridden;
            line.SourceName = overridden;
            line.OverrideReason = entry.OverrideReason;
            line.SourceText = string.Format(CultureInfo.CurrentCulture, Labels.Text("ScoreSheetSource:Overridden"), overridden, entry.OverrideReason);
        }
        else
        {
            line.Source = Entered;
            line.SourceText = Labels.Text("ScoreSheetSource:Entered");
        }
    }
}

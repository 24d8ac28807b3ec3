using System.Globalization;
using PilotAssessment.Periods;
using PilotAssessment.Reviews;
using PilotAssessment.Schemes;

namespace PilotAssessment.Results.Briefing;

/// <summary>
/// The province's files of a period, from the same figures the dashboard shows: warnings and completeness as xlsx,
/// and the 通报 as docx. Texts are Chinese and times Beijing time; no internal codes or ids.
/// </summary>
[RequiresPermission(PilotAssessmentPermissions.Dashboard)]
public sealed class ResultExportAppService(
    ApplicationServiceContext context,
    IRepository<AssessmentPeriod> periods,
    IRepository<Scheme> schemes,
    IResultRankingAppService ranking,
    IResultMonitoringAppService monitoring,
    ScoreSheetStore store) : PilotAssessmentAppService(context), IResultExportAppService
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    [RequiresPermission(PilotAssessmentPermissions.Dashboard)]
    public async Task<FileDto> ExportWarningsXlsxAsync(Guid periodId)
    {
        var period = await periods.GetAsync(periodId);
        var rows = (await monitoring.GetMonitoringAsync(periodId))
            .SelectMany(city => city.Warnings.Select(w => new ResultTablesXlsxWriter.WarningRow(
                city.CityName ?? string.Empty, city.Total, city.Percent, city.Colour, ScopeText(w.Scope), w.Code, w.Name, w.Percent, LevelText(w.Level))));
        return new FileDto($"{period.Name}-预警.xlsx", Xlsx, ResultTablesXlsxWriter.WriteWarnings(rows, period.Name, AsOf()));
    }

    [RequiresPermission(PermissionPolicies.ProvinceResults)]
    public async Task<FileDto> ExportCompletenessXlsxAsync(Guid periodId)
    {
        var period = await periods.GetAsync(periodId);
        var rows = (await ranking.GetCompletenessAsync(periodId)).Select(r => new ResultTablesXlsxWriter.CompletenessRow(
            r.CityName ?? string.Empty, r.Reported, r.Expected, r.Percent, L[$"Enum:SubmissionStatus.{r.SubmissionStatus}"],
            r.FirstSubmittedTime is { } first ? ProvinceTime.ToLocal(first).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : null, r.OnTime));
        return new FileDto($"{period.Name}-填报进度.xlsx", Xlsx, ResultTablesXlsxWriter.WriteCompleteness(rows, period.Name, AsOf()));
    }

    [RequiresPermission(PilotAssessmentPermissions.Dashboard)]
    public async Task<FileDto> ExportBriefingDocxAsync(Guid periodId, BriefingInput input)
    {
        var period = await periods.GetAsync(periodId);
        var definition = (await schemes.GetAsync(period.SchemeId)).Definition;
        var topCategories = definition.Categories.Select(c => c.Code).ToList();
        var cities = await monitoring.GetMonitoringAsync(periodId);
        var published = period.Status == PeriodStatus.Published;
        var ranked = published ? await store.RankingAsync(periodId) : [];
        var byCity = cities.ToDictionary(c => c.CityId);

        List<BriefingRow> rows;
        if (published)
        {
            rows = ranked.Select(r => new BriefingRow(
                r.NotAssessed ? "未参评" : r.Rank?.ToString(CultureInfo.InvariantCulture) ?? "—",
                r.CityName ?? string.Empty,
                r.Total,
                byCity.TryGetValue(r.CityId, out var m) && !r.NotAssessed ? m.Percent : null,
                r.NotAssessed ? "未参评" : r.Grade,
                r.Change,
                CategoryPoints(byCity.GetValueOrDefault(r.CityId), topCategories, r.NotAssessed))).ToList();
        }
        else
        {
            // Not published yet: the live figures, ranked as the publication would (ties share a rank).
            var ordered = cities.OrderByDescending(c => c.Total).ThenBy(c => c.CityName, StringComparer.Ordinal).ToList();
            rows = ordered.Select(c => new BriefingRow(
                (ordered.Count(o => o.Total > c.Total) + 1).ToString(CultureInfo.InvariantCulture),
                c.CityName ?? string.Empty, c.Total, c.Percent, c.Grade, null, CategoryPoints(c, topCategories, false))).ToList();
        }

        var warnings = cities.OrderBy(c => c.CityName, StringComparer.Ordinal)
            .SelectMany(c => c.Warnings.Select(w => new BriefingWarning(c.CityName ?? string.Empty, ScopeText(w.Scope), w.Name, w.Percent, LevelText(w.Level))))
            .ToList();
        var names = definition.Categories.Select(c => c.Name).ToList();
        var title = string.IsNullOrWhiteSpace(input.Title) ? $"关于{period.Name}市域社会治理现代化试点考评情况的通报" : input.Title.Trim();
        var data = new BriefingData(title, input.DocumentNumber, period.Name, ProvinceTime.ToLocal(Now), published, AsOf(), rows, names, warnings);
        return new FileDto($"{period.Name}-通报.docx", Docx, BriefingDocxWriter.Write(data));
    }

    private static List<decimal?> CategoryPoints(CityMonitoringDto? city, List<string> codes, bool notAssessed) =>
        codes.Select(code => notAssessed || city is null ? null : city.Categories.FirstOrDefault(c => c.Code == code)?.Points).ToList();

    private static string ScopeText(string scope) => scope == "Category" ? "类别" : "指标";

    private static string LevelText(string level) => level == "Red" ? BriefingDocxWriter.WarningLevels.Red : BriefingDocxWriter.WarningLevels.Orange;

    private string AsOf() => ProvinceTime.ToLocal(Now).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}

using System.Text.Json;
using PilotAssessment.Data;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Periods;
using PilotAssessment.Repositories;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Scoring;

namespace PilotAssessment.Results;

/// <summary>Every city of a period scored in one pass: the scheme, the inputs and the targets each read once.</summary>
public sealed record PeriodScores(Scheme Scheme, IReadOnlyDictionary<Guid, CityPeriodInput> Inputs, IReadOnlyList<CityScore> Sheets);

public sealed record CityScore(Guid CityId, ScoreSheet Sheet);

/// <summary>
/// Recomputes a whole period: loads every city's inputs, scores every city and, when publishing, writes every
/// city's sheet with one SaveChanges (in the caller's unit of work, so in its transaction). The number of queries does not depend on the number of
/// cities (scheme, lines, facts, reference data (two), agreements, previous period and its sheets: one each; inserts are
/// batched by the provider).
/// </summary>
public sealed class PeriodRecomputeService(
    PeriodScoringService scoring,
    IRepository<AssessmentPeriod> periods,
    IRepository<ScoreSheetRecord> sheets,
    IDataFilter dataFilter,
    IUnitOfWork unitOfWork)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Scores the given cities (in the given order) with each city's targets; nothing is written. The loaded lines
    /// are not tracked unless <paramref name="tracked"/> (for a caller that changes them, e.g. to set self scores).
    /// </summary>
    public async Task<PeriodScores> ScoreAsync(AssessmentPeriod period, IReadOnlyList<Guid> cityIds, bool withAuditorScores, CancellationToken cancellationToken = default, bool tracked = false)
    {
        var scheme = await scoring.GetSchemeAsync(period, cancellationToken);
        var inputs = await scoring.LoadAsync(period.Id, cityIds, cancellationToken, tracked);
        var targets = await scoring.TargetsAsync(period, cityIds, cancellationToken);
        var scored = cityIds.Select(id => new CityScore(id, scoring.Score(scheme.Definition, inputs[id], targets, withAuditorScores))).ToList();
        return new PeriodScores(scheme, inputs, scored);
    }

    /// <summary>
    /// Scores every given city with the auditors' scores, ranks them, writes version 1 of each city's sheet and
    /// marks the period published, with one SaveChanges (in the caller's unit of work: one transaction).
    /// </summary>
    public async Task<IReadOnlyList<ScoreSheetRecord>> PublishAsync(AssessmentPeriod period, IReadOnlyList<Guid> cityIds, DateTime now, CancellationToken cancellationToken = default)
    {
        using var _ = dataFilter.Disable<IMultiTenant>();
        var scores = await ScoreAsync(period, cityIds, withAuditorScores: true, cancellationToken);
        var previous = await PreviousTotalsAsync(period, cancellationToken);
        var ranks = CityRanking.Rank(scores.Sheets, s => s.Sheet.Total).ToDictionary(r => r.Item.CityId, r => r.Rank);
        var records = scores.Sheets
            .Select(s => ToRecord(s.CityId, period.Id, 1, ScoreSheetKind.Published, s.Sheet, scores.Inputs[s.CityId], previous.TryGetValue(s.CityId, out var total) ? total : null, ranks[s.CityId]))
            .ToList();

        foreach (var record in records)
        {
            await sheets.InsertAsync(record, autoSave: false, cancellationToken);
        }

        period.MarkPublished(now);
        await periods.UpdateAsync(period, autoSave: false, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return records;
    }

    /// <summary>Totals of each city's current sheet of the previous published period of the same scheme and kind.</summary>
    public async Task<Dictionary<Guid, decimal>> PreviousTotalsAsync(AssessmentPeriod period, CancellationToken cancellationToken = default)
    {
        var candidates = await periods.ToListAsync(periods.Query().Where(p =>
            p.SchemeId == period.SchemeId && p.Kind == period.Kind && p.Status == PeriodStatus.Published && p.Id != period.Id), cancellationToken);
        var previous = candidates.Where(p => p.Sequence < period.Sequence).OrderByDescending(p => p.Sequence).FirstOrDefault();
        if (previous is null)
        {
            return [];
        }

        using var _ = dataFilter.Disable<IMultiTenant>();
        var records = await sheets.ToListAsync(sheets.Query().Where(s => s.PeriodId == previous.Id && s.IsCurrent), cancellationToken);
        return records.Where(r => r.TenantId != null).ToDictionary(r => r.TenantId!.Value, r => r.Total);
    }

    /// <summary>The stored form of a city's score sheet, its lines in the scheme's order with the entered self and auditor scores.</summary>
    public static ScoreSheetRecord ToRecord(Guid cityId, Guid periodId, int version, ScoreSheetKind kind, ScoreSheet sheet, CityPeriodInput input, decimal? previousTotal, int? rank)
    {
        var byCode = input.Lines.ToDictionary(l => l.IndicatorCode);
        var record = new ScoreSheetRecord(Guid.NewGuid(), cityId, periodId, version, kind)
        {
            IndicatorPoints = sheet.IndicatorPoints,
            MaxPoints = sheet.MaxPoints,
            Bonus = sheet.Bonus,
            VetoDeduction = sheet.VetoDeduction,
            Total = sheet.Total,
            Percent = sheet.Percent,
            ScoreGrade = sheet.ScoreGrade,
            Grade = sheet.Grade,
            Colour = sheet.Colour,
            AwardEligible = sheet.AwardEligible,
            Rank = rank,
            PreviousTotal = previousTotal,
            UnreportedCount = sheet.UnreportedCount,
            CategoriesJson = JsonSerializer.Serialize(sheet.Categories, Json),
            BonusJson = JsonSerializer.Serialize(sheet.BonusLines.Select(b => new { b.Code, b.Name, b.Count, b.Points, ExplanationZh = b.Explanation.ZhHans, ExplanationEn = b.Explanation.En }), Json),
            VetoesJson = JsonSerializer.Serialize(sheet.Vetoes.Select(v => new { v.Code, v.Name, EffectZh = v.Effect.ZhHans, EffectEn = v.Effect.En }), Json),
        };
        var order = 0;
        foreach (var line in sheet.Lines)
        {
            var entry = byCode.GetValueOrDefault(line.IndicatorCode);
            record.Lines.Add(new ScoreSheetLineRecord(Guid.NewGuid(), cityId, line.IndicatorCode, line.IndicatorName, line.CategoryCode)
            {
                Order = order++,
                MaxPoints = line.MaxPoints,
                Value = line.Value,
                SelfScore = entry?.SelfScore,
                AuditorScore = entry?.AuditorScore,
                AdjustReason = entry?.AdjustReason,
                Points = line.Points,
                Status = line.Status,
                ExplanationZh = line.Explanation.ZhHans ?? string.Empty,
                ExplanationEn = line.Explanation.En ?? string.Empty,
            });
        }

        return record;
    }
}

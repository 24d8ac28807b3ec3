using System.Text.Json;
using PilotAssessment.Data;
using PilotAssessment.Periods;
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
/// <summary>A city the official leaves out of a publication (未参评), with the reason.</summary>
public sealed record LeftOutCity(Guid CityId, string Reason);

public sealed class PeriodRecomputeService(
    PeriodScoringService scoring,
    IRepository<AssessmentPeriod> periods,
    IRepository<ScoreSheetRecord> sheets,
    IRepository<ScoreSheetLineRecord> sheetLines,
    IRepository<Reviews.CitySubmission> submissions,
    IDataFilter dataFilter,
    IUnitOfWork unitOfWork,
    IUnitOfWorkManager unitOfWorkManager,
    IScoreSheetBulkWriter bulkWriter)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Scores the given cities (in the given order) with each city's targets; nothing is written. The loaded lines
    /// are not tracked unless <paramref name="tracked"/> (for a caller that changes them, e.g. to set self scores).
    /// </summary>
    /// <param name="approvedOnly">Publishing: the province average is that of the approved cities.</param>
    public async Task<PeriodScores> ScoreAsync(AssessmentPeriod period, IReadOnlyList<Guid> cityIds, bool withAuditorScores, CancellationToken cancellationToken = default, bool tracked = false, bool approvedOnly = false)
    {
        var scheme = await scoring.GetSchemeAsync(period, cancellationToken);
        var inputs = await scoring.LoadAsync(period.Id, cityIds, cancellationToken, tracked, scheme.Definition, approvedOnly);
        var targets = await scoring.TargetsAsync(period, cityIds, cancellationToken);
        // Scoring is pure CPU work on data already read (the compiled scheme is shared): the cities in parallel, in order.
        var scored = cityIds.AsParallel().AsOrdered().WithCancellation(cancellationToken)
            .Select(id => new CityScore(id, scoring.Score(scheme.Definition, inputs[id], targets, withAuditorScores)))
            .ToList();
        return new PeriodScores(scheme, inputs, scored);
    }

    /// <summary>
    /// Scores every given city with the auditors' scores and the approved reference figures (frozen on the sheets),
    /// ranks them, writes the next version of each city's sheet (a city left out gets a 未参评 sheet: no score, rank or
    /// grade) and marks the period published, with one SaveChanges.
    /// </summary>
    public async Task<IReadOnlyList<ScoreSheetRecord>> PublishAsync(
        AssessmentPeriod period,
        IReadOnlyList<Guid> cityIds,
        DateTime now,
        CancellationToken cancellationToken = default,
        IReadOnlyList<LeftOutCity>? leftOut = null,
        string? earlyCloseReason = null)
    {
        using var _ = dataFilter.Disable<IMultiTenant>();

        // The bulk-written rows and the tracked changes commit together: in the caller's unit of work, or in one opened here.
        await using var work = await unitOfWorkManager.BeginAsync(isTransactional: true, cancellationToken);
        leftOut ??= [];
        var leftOutIds = leftOut.Select(l => l.CityId).ToHashSet();
        var assessed = cityIds.Where(id => !leftOutIds.Contains(id)).ToList();
        var scores = await ScoreAsync(period, assessed, withAuditorScores: true, cancellationToken, approvedOnly: true);
        var previous = await PreviousTotalsAsync(period, cancellationToken);
        var selfTotals = (await submissions.ToListAsync(submissions.QueryReadOnly().Where(s => s.PeriodId == period.Id && s.TenantId != null), cancellationToken))
            .GroupBy(s => s.TenantId!.Value)
            .ToDictionary(g => g.Key, g => g.First().SelfTotal);
        // Each city's latest version number, and only the current sheets tracked: the earlier versions (one more per
        // re-publication, each with its lines' JSON) are not read.
        var latest = (await sheets.ToListAsync(
                sheets.QueryReadOnly().Where(s => s.PeriodId == period.Id && s.TenantId != null)
                    .GroupBy(s => s.TenantId).Select(g => new { CityId = g.Key, Version = g.Max(s => s.Version) }),
                cancellationToken))
            .ToDictionary(v => v.CityId!.Value, v => v.Version);
        foreach (var old in await sheets.ToListAsync(sheets.Query().Where(s => s.PeriodId == period.Id && s.IsCurrent), cancellationToken))
        {
            old.IsCurrent = false;
        }

        var ranks = CityRanking.Rank(scores.Sheets, s => s.Sheet.Total).ToDictionary(r => r.Item.CityId, r => r.Rank);
        var rules = RulesOf(scores.Scheme.Definition);
        var records = scores.Sheets
            .AsParallel().AsOrdered().WithCancellation(cancellationToken)
            .Select(s =>
            {
                var record = ToRecord(s.CityId, period.Id, latest.GetValueOrDefault(s.CityId) + 1, ScoreSheetKind.Published, s.Sheet, scores.Inputs[s.CityId], previous.TryGetValue(s.CityId, out var total) ? total : null, ranks[s.CityId], rules);
                record.SelfTotal = selfTotals.GetValueOrDefault(s.CityId);
                return record;
            })
            .ToList();
        foreach (var city in leftOut)
        {
            records.Add(new ScoreSheetRecord(SequentialGuid.Next(), city.CityId, period.Id, latest.GetValueOrDefault(city.CityId) + 1, ScoreSheetKind.Published)
            {
                NotAssessed = true,
                Reason = city.Reason,
                SelfTotal = selfTotals.GetValueOrDefault(city.CityId),
                PreviousTotal = previous.TryGetValue(city.CityId, out var total) ? total : null,
            });
        }

        // 45,000 rows for 300 cities: written in bulk, not tracked (see IScoreSheetBulkWriter).
        await bulkWriter.InsertAsync(records, cancellationToken);
        period.MarkPublished(now, earlyCloseReason);
        await periods.UpdateAsync(period, autoSave: false, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await work.CompleteAsync(cancellationToken);
        return records;
    }

    /// <summary>
    /// After <paramref name="changed"/> (a city's new version, not yet saved) replaced that city's current sheet,
    /// ranks every assessed city of the period again; each other city whose rank moves gets a new version with the
    /// same figures, its new rank and the reason. Returns those new versions (inserted, not yet saved).
    /// </summary>
    public async Task<List<ScoreSheetRecord>> RerankAsync(AssessmentPeriod period, ScoreSheetRecord changed, string changedCityName, CancellationToken cancellationToken = default)
    {
        using var _ = dataFilter.Disable<IMultiTenant>();
        var others = await sheets.ToListAsync(sheets.Query().Where(s => s.PeriodId == period.Id && s.IsCurrent && s.TenantId != changed.TenantId), cancellationToken);
        var ranked = CityRanking.Rank(others.Append(changed).Where(s => !s.NotAssessed), s => s.Total);
        changed.Rank = changed.NotAssessed ? null : ranked.First(r => r.Item == changed).Rank;
        var moved = ranked.Where(r => r.Item != changed && r.Item.Rank != r.Rank).ToList();
        if (moved.Count == 0)
        {
            return [];
        }

        var ids = moved.Select(m => m.Item.Id).ToList();
        var lines = (await sheetLines.ToListAsync(sheetLines.QueryReadOnly().Where(l => ids.Contains(l.ScoreSheetRecordId)), cancellationToken)).ToLookup(l => l.ScoreSheetRecordId);
        var copies = new List<ScoreSheetRecord>();
        foreach (var move in moved)
        {
            var (rank, old) = (move.Rank, move.Item);
            var reason = $"{changedCityName}第 {changed.Version} 版（{changed.Reason}）后重新排名：第 {old.Rank} 名 → 第 {rank} 名";
            var copy = Copy(old, lines[old.Id], old.Version + 1, ScoreSheetKind.Reranked, reason[..Math.Min(reason.Length, DataEntry.DataEntryConsts.MaxNoteLength)]);
            copy.Rank = rank;
            old.IsCurrent = false;
            await sheets.InsertAsync(copy, autoSave: false, cancellationToken);
            copies.Add(copy);
        }

        return copies;
    }

    /// <summary>A new version of a sheet with the same figures and lines (the caller sets what differs).</summary>
    public static ScoreSheetRecord Copy(ScoreSheetRecord source, IEnumerable<ScoreSheetLineRecord> lines, int version, ScoreSheetKind kind, string reason)
    {
        var copy = new ScoreSheetRecord(SequentialGuid.Next(), source.TenantId!.Value, source.PeriodId, version, kind)
        {
            Reason = reason,
            NotAssessed = source.NotAssessed,
            SelfTotal = source.SelfTotal,
            ReferencePeriodName = source.ReferencePeriodName,
            IndicatorPoints = source.IndicatorPoints,
            MaxPoints = source.MaxPoints,
            Bonus = source.Bonus,
            VetoDeduction = source.VetoDeduction,
            Total = source.Total,
            Percent = source.Percent,
            ScoreGrade = source.ScoreGrade,
            Grade = source.Grade,
            Colour = source.Colour,
            AwardEligible = source.AwardEligible,
            Rank = source.Rank,
            PreviousTotal = source.PreviousTotal,
            UnreportedCount = source.UnreportedCount,
            CategoriesJson = source.CategoriesJson,
            BonusJson = source.BonusJson,
            VetoesJson = source.VetoesJson,
        };
        foreach (var line in lines.OrderBy(l => l.Order))
        {
            copy.Lines.Add(new ScoreSheetLineRecord(SequentialGuid.Next(), source.TenantId, line.IndicatorCode, line.IndicatorName, line.CategoryCode)
            {
                Order = line.Order,
                MaxPoints = line.MaxPoints,
                Value = line.Value,
                ValueText = line.ValueText,
                ReferenceValue = line.ReferenceValue,
                ReferenceSource = line.ReferenceSource,
                SelfScore = line.SelfScore,
                AuditorScore = line.AuditorScore,
                AdjustReason = line.AdjustReason,
                Points = line.Points,
                Status = line.Status,
                ExplanationZh = line.ExplanationZh,
                ExplanationEn = line.ExplanationEn,
            });
        }

        return copy;
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
        // Two columns, not the sheets with their lines.
        var totals = await sheets.ToListAsync(
            sheets.QueryReadOnly().Where(s => s.PeriodId == previous.Id && s.IsCurrent && s.TenantId != null).Select(s => new { s.TenantId, s.Total }),
            cancellationToken);
        return totals.ToDictionary(r => r.TenantId!.Value, r => r.Total);
    }

    /// <summary>The stored form of a city's score sheet, its lines in the scheme's order with the entered self and auditor scores.</summary>
    /// <param name="definition">The scheme, so the 填报值 names occurrence types by their names.</param>
    public static ScoreSheetRecord ToRecord(Guid cityId, Guid periodId, int version, ScoreSheetKind kind, ScoreSheet sheet, CityPeriodInput input, decimal? previousTotal, int? rank, SchemeDefinition? definition = null) =>
        ToRecord(cityId, periodId, version, kind, sheet, input, previousTotal, rank, definition is null ? [] : RulesOf(definition));

    private static Dictionary<string, Schemes.Rules.ScoringRule> RulesOf(SchemeDefinition definition) =>
        definition.AllIndicators().GroupBy(i => i.Code).ToDictionary(g => g.Key, g => g.First().Rule);

    /// <param name="rules">Each indicator's rule (built once for a whole province), so the 填报值 names occurrence types.</param>
    private static ScoreSheetRecord ToRecord(Guid cityId, Guid periodId, int version, ScoreSheetKind kind, ScoreSheet sheet, CityPeriodInput input, decimal? previousTotal, int? rank, Dictionary<string, Schemes.Rules.ScoringRule> rules)
    {
        var byCode = input.Lines.GroupBy(l => l.IndicatorCode).ToDictionary(g => g.Key, g => g.First());
        var record = new ScoreSheetRecord(SequentialGuid.Next(), cityId, periodId, version, kind)
        {
            ReferencePeriodName = input.LineReferences.Values.Any(r => r.Source == ReferenceSources.PreviousPeriod) ? input.ReferencePeriodName : null,
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
            var reference = input.LineReferences.GetValueOrDefault(line.IndicatorCode);
            record.Lines.Add(new ScoreSheetLineRecord(SequentialGuid.Next(), cityId, line.IndicatorCode, line.IndicatorName, line.CategoryCode)
            {
                Order = order++,
                MaxPoints = line.MaxPoints,
                Value = line.Value,
                ValueText = Truncate(EntryValueText.Format(entry?.Value, EntryValueText.TypeNames(rules.GetValueOrDefault(line.IndicatorCode)))),
                ReferenceValue = reference?.Value,
                ReferenceSource = reference?.Source,
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

    private static string? Truncate(string? text) =>
        text is { Length: > DataEntry.DataEntryConsts.MaxNoteLength } ? text[..DataEntry.DataEntryConsts.MaxNoteLength] : text;
}

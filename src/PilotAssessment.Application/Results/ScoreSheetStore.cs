using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.Extensions.Localization;
using PilotAssessment.Appeals;
using PilotAssessment.Data;
using PilotAssessment.Localization;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Periods;
using PilotAssessment.Repositories;
using PilotAssessment.Schemes;
using PilotAssessment.Tenants;

namespace PilotAssessment.Results;

/// <summary>
/// The stored score sheets as the result services read and change them: a sheet with its lines as a DTO, the ranking
/// of a period, and a new version of one city's sheet followed by the re-ranking of every city of the period.
/// </summary>
public sealed class ScoreSheetStore(
    IRepository<ScoreSheetRecord> sheets,
    IRepository<ScoreSheetLineRecord> sheetLines,
    IRepository<Tenant> tenants,
    IRepository<Appeal> appeals,
    IRepository<PeriodPublicity> publicities,
    IUnitOfWork unitOfWork,
    PeriodScoringService scoring,
    PeriodRecomputeService recompute,
    IDataFilter dataFilter,
    IStringLocalizer<PilotAssessmentResource> localizer,
    IMapper mapper)
{
    public async Task<ILookup<Guid, ScoreSheetLineRecord>> LinesOfAsync(IReadOnlyCollection<Guid> sheetIds) =>
        (await sheetLines.ToListAsync(sheetLines.Query().Where(l => sheetIds.Contains(l.ScoreSheetRecordId)))).ToLookup(l => l.ScoreSheetRecordId);

    /// <summary>The sheet with its lines; the caller has already chosen whose rows it may read.</summary>
    public async Task<ScoreSheetRecordDto> ToDtoAsync(ScoreSheetRecord record, string? cityName)
    {
        var lines = await LinesOfAsync([record.Id]);
        var dto = ToDto(record, cityName, lines[record.Id]);
        dto.Appeals = await AppealsOfAsync(record.PeriodId, record.TenantId!.Value);
        return dto;
    }

    /// <summary>A city's appeals of a period with their decisions, oldest first; the caller has chosen whose rows it reads.</summary>
    public async Task<List<AppealDto>> AppealsOfAsync(Guid periodId, Guid cityId)
    {
        var list = await appeals.ToListAsync(appeals.Query()
            .Where(a => a.PeriodId == periodId && a.TenantId == cityId)
            .OrderBy(a => a.CreationTime)
            .ProjectTo<AppealDto>(mapper.ConfigurationProvider));
        foreach (var dto in list)
        {
            dto.StatusText = localizer[$"Enum:AppealStatus.{dto.Status}"];
            dto.Target = dto.IndicatorCode is null ? localizer["Appeal:Total"] : $"{dto.IndicatorCode} {dto.IndicatorName}";
        }

        return list;
    }

    public ScoreSheetRecordDto ToDto(ScoreSheetRecord record, string? cityName, IEnumerable<ScoreSheetLineRecord> lines)
    {
        var dto = mapper.Map<ScoreSheetRecordDto>(record);
        dto.CityName = cityName;
        dto.Lines = mapper.Map<List<ScoreSheetLineDto>>(lines.OrderBy(l => l.Order).ToList());
        foreach (var line in dto.Lines)
        {
            line.ReferenceSourceText = ResultsAutoMapperProfile.ReferenceSourceText(line.ReferenceSource, record.ReferencePeriodName);
        }

        return dto;
    }

    /// <summary>The ranks of the current versions, as published or re-ranked; cities left out come last.</summary>
    public async Task<List<RankingRowDto>> RankingAsync(Guid periodId)
    {
        // Only the names: the ranking needs nothing else of the cities, and nothing is tracked.
        var names = (await tenants.ToListAsync(tenants.QueryReadOnly().Select(t => new { t.Id, t.DisplayName }))).ToDictionary(t => t.Id, t => t.DisplayName);
        List<RankingRowDto> rows;
        using (dataFilter.Disable<IMultiTenant>())
        {
            rows = await sheets.ToListAsync(sheets.Query()
                .Where(s => s.PeriodId == periodId && s.IsCurrent)
                .ProjectTo<RankingRowDto>(mapper.ConfigurationProvider));
        }

        foreach (var row in rows)
        {
            row.CityName = names.GetValueOrDefault(row.CityId);
        }

        return rows
            .OrderBy(r => r.NotAssessed)
            .ThenBy(r => r.Rank ?? int.MaxValue)
            .ThenBy(r => r.CityName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Re-grades the current tenant's sheet as a new version with the reference figures frozen on its current sheet,
    /// then ranks every city of the period again: each city whose rank moves gets a new version too. The old versions
    /// stay as they were. <paramref name="decidedScores"/> are line scores decided on appeal (申诉改判); they replace
    /// the auditor's score of their lines.
    /// </summary>
    public async Task<ScoreSheetRecord> NewVersionAsync(
        AssessmentPeriod period,
        Scheme scheme,
        Tenant city,
        ScoreSheetKind kind,
        string reason,
        string? gradeOverride,
        IReadOnlyDictionary<string, DecidedScore>? decidedScores = null)
    {
        var versions = await sheets.ToListAsync(sheets.Query().Where(s => s.PeriodId == period.Id));
        var latest = versions.OrderByDescending(s => s.Version).First();
        var current = versions.FirstOrDefault(s => s.IsCurrent) ?? latest;
        var input = (await scoring.LoadAsync(period.Id, [city.Id], definition: scheme.Definition))[city.Id];
        var frozenLines = (await LinesOfAsync([current.Id]))[current.Id].ToList();
        if (frozenLines.Any(l => l.ReferenceSource is not null))
        {
            var (reference, lineReferences) = LineReference.Frozen(frozenLines);
            input = input with { Reference = reference, LineReferences = lineReferences, ReferencePeriodName = current.ReferencePeriodName };
        }

        var targets = await scoring.TargetsAsync(period, [city.Id]);
        var decided = decidedScores ?? await UpheldScoresAsync(period.Id);
        var sheet = scoring.Score(scheme.Definition, input, targets, withAuditorScores: true, decided.ToDictionary(d => d.Key, d => d.Value.Score));
        foreach (var version in versions)
        {
            version.IsCurrent = false;
        }

        var record = PeriodRecomputeService.ToRecord(city.Id, period.Id, latest.Version + 1, kind, sheet, input, current.PreviousTotal, current.Rank, scheme.Definition);
        record.Reason = reason;
        record.SelfTotal = current.SelfTotal;
        record.ReferencePeriodName = current.ReferencePeriodName ?? record.ReferencePeriodName;
        foreach (var line in record.Lines.Where(l => decided.ContainsKey(l.IndicatorCode)))
        {
            line.AuditorScore = decided[line.IndicatorCode].Score;
            line.AdjustReason = decided[line.IndicatorCode].Reason;
        }

        if (gradeOverride is not null)
        {
            record.Grade = gradeOverride;
            record.AwardEligible = false;
        }

        await sheets.InsertAsync(record, autoSave: false);
        using (dataFilter.Disable<IMultiTenant>())
        {
            // The other cities' re-ranked versions are written by the province, inside this city's scope.
            await recompute.RerankAsync(period, record, city.DisplayName);
            await unitOfWork.SaveChangesAsync();
        }

        return record;
    }

    /// <summary>The current tenant's line scores decided on appeal in the period's public notice, the latest per line.</summary>
    private async Task<Dictionary<string, DecidedScore>> UpheldScoresAsync(Guid periodId)
    {
        var publicity = await publicities.FirstOrDefaultAsync(publicities.Query().Where(p => p.PeriodId == periodId && p.WithdrawnTime == null));
        if (publicity is null)
        {
            return [];
        }

        var upheld = await appeals.ToListAsync(appeals.Query()
            .Where(a => a.PublicityId == publicity.Id && a.Status == AppealStatus.Upheld)
            .OrderBy(a => a.DecidedTime));
        var scores = new Dictionary<string, DecidedScore>();
        foreach (var appeal in upheld)
        {
            scores[appeal.DecidedIndicatorCode!] = new DecidedScore(appeal.DecidedScore!.Value, AppealReason(appeal.DecisionReason));
        }

        return scores;
    }

    /// <summary>The reason a line changed on appeal shows: "申诉改判：…", within the line's note length.</summary>
    public static string AppealReason(string? decisionReason)
    {
        var text = "申诉改判：" + decisionReason;
        return text.Length > DataEntry.DataEntryConsts.MaxNoteLength ? text[..DataEntry.DataEntryConsts.MaxNoteLength] : text;
    }
}

/// <summary>A line score decided on appeal, with the reason shown on the line.</summary>
public sealed record DecidedScore(decimal Score, string Reason);

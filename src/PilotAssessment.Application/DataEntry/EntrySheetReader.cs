using Microsoft.Extensions.Localization;
using PilotAssessment.Data;
using PilotAssessment.Localization;
using PilotAssessment.Periods;
using PilotAssessment.Reviews;
using PilotAssessment.Schemes;

namespace PilotAssessment.DataEntry;

/// <summary>Reads the current tenant's entry sheet of a period: every entered indicator with its line, evidence and facts, in a few queries.</summary>
public sealed class EntrySheetReader(
    IRepository<Scheme> schemes,
    IRepository<EntryLine> lines,
    IRepository<EvidenceFile> evidence,
    IRepository<CityPeriodFacts> facts,
    IRepository<CitySubmission> submissions,
    EntryWindowPolicy window,
    Results.ReferenceFigureStore references,
    EntrySelfScoring scoring,
    SchemeDefinitionCache definitions,
    EntrySheetCache sheets,
    EntrySheetFingerprint fingerprints,
    IMapper mapper,
    IStringLocalizer<PilotAssessmentResource> localizer)
{
    public async Task<EntrySheetDto> ReadAsync(AssessmentPeriod period, Guid cityId) =>
        await ReadAsync(period, (await definitions.GetAsync(schemes, period.SchemeId)).Definition, cityId, null, null);

    /// <summary>
    /// The current city's sheet with only the lines the user may see, from what the request has read already: the
    /// period with its scheme's periods, and the agreement's targets in <paramref name="scope"/>. The sheet as built
    /// for the city is kept (<see cref="EntrySheetCache"/>) and served again while its fingerprint holds; whether the
    /// city may write now and the unit filter are decided on every request.
    /// </summary>
    public async Task<EntrySheetDto> ReadAsync(EntryPeriod entry, Guid cityId, EntryLineScope scope)
    {
        var targets = scope.TargetsOf(cityId);
        var fingerprint = await fingerprints.ReadAsync(entry, cityId, targets);
        if (fingerprint is null || !sheets.TryGet(entry.Period.Id, cityId, fingerprint, out var kept))
        {
            var (built, cityMayEdit) = await BuildAsync(entry.Period, entry.Definition, cityId, entry.OfScheme, targets);
            kept = new KeptEntrySheet(fingerprint ?? string.Empty, built, cityMayEdit);
            if (fingerprint is not null)
            {
                built.Lines.ForEach(Dtos.FrozenDtos.Freeze);
                sheets.Set(entry.Period.Id, cityId, kept);
            }
        }

        var sheet = kept.Sheet.ShallowCopy();
        sheet.Writable = kept.CityMayEdit && await window.MayWriteAsync(entry.Period, cityId, null);
        return Scoped(sheet, scope);
    }

    private async Task<EntrySheetDto> ReadAsync(AssessmentPeriod period, SchemeDefinition definition, Guid cityId, IReadOnlyList<AssessmentPeriod>? ofScheme, IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, decimal>>? targets)
    {
        var (sheet, cityMayEdit) = await BuildAsync(period, definition, cityId, ofScheme, targets);
        sheet.Writable = cityMayEdit && await window.MayWriteAsync(period, cityId, null);
        return sheet;
    }

    /// <returns>The sheet without <see cref="EntrySheetDto.Writable"/>, and whether its submission leaves it with the city.</returns>
    private async Task<(EntrySheetDto Sheet, bool CityMayEdit)> BuildAsync(AssessmentPeriod period, SchemeDefinition definition, Guid cityId, IReadOnlyList<AssessmentPeriod>? ofScheme, IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, decimal>>? targets)
    {
        var submission = await submissions.FirstOrDefaultAsync(submissions.Query().Where(s => s.PeriodId == period.Id));
        var (periodLines, reference) = await ReferenceAsync(period.Id, cityId, definition, ofScheme is null ? null : new Results.KnownCityPeriod(ofScheme, true, submission?.Status));
        var cityLines = periodLines.ToDictionary(l => l.IndicatorCode);
        var files = await EvidenceOfPeriodAsync(period.Id, cityId);
        var cityFacts = await facts.FirstOrDefaultAsync(facts.Query().Where(f => f.PeriodId == period.Id));
        var scored = await scoring.ScoreAsync(period, definition, cityId, cityLines.Values.ToList(), cityFacts, reference, targets);
        var points = scored.Lines.ToDictionary(l => l.IndicatorCode);
        var sheet = new EntrySheetDto
        {
            PeriodId = period.Id,
            CityId = cityId,
            PeriodStatus = period.Status.ToString(),
            SubmissionStatus = (submission?.Status ?? SubmissionStatus.Draft).ToString(),
            ReturnComment = submission?.ReturnComment,
            SelfTotal = submission?.SelfTotal,
            AuditedTotal = submission?.AuditedTotal,
            RunningTotal = scored.Total,
            MaxTotal = scored.MaxPoints,
            Lines = Results.PeriodScoringService.EnteredIndicators(definition)
                .Select(i =>
                {
                    var line = cityLines.GetValueOrDefault(i.Code);
                    var value = line?.Value ?? new EntryValue();
                    var (referenceValue, referenceSource) = reference.LineReference(i, cityId, value);
                    var dto = WithGaps(mapper.Map<EntryLineDto>(new EntryLineSource(i, period.Id, line, value, line is null ? [] : files[line.Id].ToList(), referenceValue, referenceSource)), i, value, line);
                    if (points.TryGetValue(i.Code, out var scoredLine))
                    {
                        dto.Points = scoredLine.Points;
                        dto.Explanation = SchemeAutoMapperProfile.InCurrentCulture(scoredLine.Explanation);
                    }

                    return dto;
                })
                .ToList(),
            Facts = cityFacts is null ? new CityFactsDto() : mapper.Map<CityFactsDto>(cityFacts),
        };
        return (sheet, submission?.CityMayEdit ?? true);
    }

    /// <summary>The sheet with only the lines the user may see (<see cref="EntryLineScope"/>).</summary>
    public async Task<EntrySheetDto> ReadAsync(AssessmentPeriod period, Guid cityId, EntryLineScope scope) =>
        Scoped(await ReadAsync(period, cityId), scope);

    private static EntrySheetDto Scoped(EntrySheetDto sheet, EntryLineScope scope)
    {
        sheet.Lines = sheet.Lines.Where(l => scope.MayAccess(l.IndicatorCode)).ToList();
        sheet.FactsWritable = sheet.Writable && scope.UserUnits is not { Count: > 0 };
        return sheet;
    }

    /// <param name="known">What the request has read already of the line's period and city (then not read again).</param>
    /// <param name="withoutEvidence">The line has no evidence (it was just created): none is read.</param>
    public async Task<EntryLineDto> LineAsync(EntryLine line, SchemeDefinition definition, Results.KnownCityPeriod? known = null, bool withoutEvidence = false)
    {
        var indicator = definition.AllIndicators().First(i => i.Code == line.IndicatorCode);
        var value = line.Value;
        var files = withoutEvidence ? Array.Empty<EvidenceDto>().ToLookup(e => e.EntryLineId) : await EvidenceOfAsync([line.Id]);
        // Saving a cell reads this line and its stored reference figure, nothing of the other cities.
        if (line.TenantId is not { } cityId)
        {
            return WithGaps(mapper.Map<EntryLineDto>(new EntryLineSource(indicator, line.PeriodId, line, value, files[line.Id].ToList())), indicator, value, line);
        }

        var reference = await references.LoadForCityAsync(line.PeriodId, cityId, [line], Results.ReferenceFigureStore.AveragedIndicators(definition), line.IndicatorCode, known: known);
        var (referenceValue, referenceSource) = reference.LineReference(indicator, cityId, value);
        var dto = mapper.Map<EntryLineDto>(new EntryLineSource(indicator, line.PeriodId, line, value, files[line.Id].ToList(), referenceValue, referenceSource));
        return WithGaps(dto, indicator, value, line);
    }

    /// <summary>What each of the city's lines still lacks to be scored (<see cref="EntryLineGaps"/>), by indicator code; lines lacking nothing are left out.</summary>
    public async Task<Dictionary<string, List<FieldError>>> GapsAsync(AssessmentPeriod period, Guid cityId)
    {
        var (definition, _) = await definitions.GetAsync(schemes, period.SchemeId);
        var (cityLines, reference) = await ReferenceAsync(period.Id, cityId, definition);
        var indicators = definition.AllIndicators().ToDictionary(i => i.Code);
        return cityLines
            .Where(l => indicators.ContainsKey(l.IndicatorCode))
            .Select(l => (l.IndicatorCode, Gaps: EntryLineGaps.Of(indicators[l.IndicatorCode], l.Value, reference.LineReference(indicators[l.IndicatorCode], cityId, l.Value)).Select(g => g.Gap).ToList()))
            .Where(l => l.Gaps.Count > 0)
            .ToDictionary(l => l.IndicatorCode, l => l.Gaps);
    }

    private EntryLineDto WithGaps(EntryLineDto dto, IndicatorDefinition indicator, EntryValue value, EntryLine? line)
    {
        dto.Quality = Quality.EntryQualityHistory.ToDto(line, localizer);
        dto.Incomplete = EntryLineGaps.Of(indicator, value, (dto.ReferenceValue, dto.ReferenceSource))
            .Select(g => new EntryLineGapDto { Field = g.Field, Message = localizer[g.Gap.Code].Value })
            .ToList();
        return dto;
    }

    /// <summary>The city's own lines of the period and the reference data scoring will use (stored province averages, its previous period).</summary>
    private async Task<(List<EntryLine> Lines, Results.PeriodReferenceData Reference)> ReferenceAsync(Guid periodId, Guid cityId, SchemeDefinition definition, Results.KnownCityPeriod? known = null)
    {
        var cityLines = await lines.ToListAsync(lines.QueryReadOnly().Where(l => l.PeriodId == periodId && l.TenantId == cityId));
        return (cityLines, await references.LoadForCityAsync(periodId, cityId, cityLines, Results.ReferenceFigureStore.AveragedIndicators(definition), known: known));
    }

    /// <summary>
    /// The evidence metadata of the city's lines of a period, by a join on the lines: a list of every line's id would be
    /// sent as constants, so EF Core would build and MariaDB parse a new statement of 141 ids on every sheet read.
    /// </summary>
    private Task<ILookup<Guid, EvidenceDto>> EvidenceOfPeriodAsync(Guid periodId, Guid cityId) =>
        MetadataAsync(
            from e in evidence.Query()
            join l in lines.QueryReadOnly() on e.EntryLineId equals l.Id
            where l.PeriodId == periodId && l.TenantId == cityId
            select e);

    public Task<ILookup<Guid, EvidenceDto>> EvidenceOfAsync(IReadOnlyCollection<Guid> lineIds) =>
        MetadataAsync(evidence.Query().Where(e => lineIds.Contains(e.EntryLineId)));

    /// <summary>Metadata only, oldest first by line: the content stays in the database.</summary>
    private async Task<ILookup<Guid, EvidenceDto>> MetadataAsync(IQueryable<EvidenceFile> files)
    {
        var rows = await evidence.ToListAsync(files
            .OrderBy(e => e.CreationTime)
            .Select(e => new EvidenceDto { Id = e.Id, EntryLineId = e.EntryLineId, FileName = e.FileName, ContentType = e.ContentType, Size = e.Size, CreationTime = e.CreationTime }));
        return rows.ToLookup(r => r.EntryLineId);
    }
}

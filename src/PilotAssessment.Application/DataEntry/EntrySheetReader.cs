using PilotAssessment.Data;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Periods;
using PilotAssessment.Repositories;
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
    Results.PeriodReferenceDataProvider references,
    IDataFilter dataFilter)
{
    public async Task<EntrySheetDto> ReadAsync(AssessmentPeriod period, Guid cityId)
    {
        var scheme = await schemes.GetAsync(period.SchemeId);
        var (periodLines, reference) = await ReferenceAsync(period.Id);
        var cityLines = periodLines.Where(l => l.TenantId == cityId).ToDictionary(l => l.IndicatorCode);
        var files = await EvidenceOfAsync(cityLines.Values.Select(l => l.Id).ToList());
        var cityFacts = await facts.FirstOrDefaultAsync(facts.Query().Where(f => f.PeriodId == period.Id));
        var submission = await submissions.FirstOrDefaultAsync(submissions.Query().Where(s => s.PeriodId == period.Id));
        return new EntrySheetDto
        {
            PeriodId = period.Id,
            CityId = cityId,
            PeriodStatus = period.Status.ToString(),
            SubmissionStatus = (submission?.Status ?? SubmissionStatus.Draft).ToString(),
            ReturnComment = submission?.ReturnComment,
            SelfTotal = submission?.SelfTotal,
            AuditedTotal = submission?.AuditedTotal,
            Writable = (submission?.CityMayEdit ?? true) && await window.MayWriteAsync(period, cityId, null),
            Lines = Results.PeriodScoringService.EnteredIndicators(scheme.Definition)
                .Select(i =>
                {
                    var line = cityLines.GetValueOrDefault(i.Code);
                    return i.ToDto(period.Id, line, line is null ? [] : files[line.Id], reference.LineReference(i, cityId, line?.Value ?? new EntryValue()));
                })
                .ToList(),
            Facts = cityFacts.ToDto(),
        };
    }

    public async Task<EntryLineDto> LineAsync(EntryLine line, SchemeDefinition definition)
    {
        var indicator = definition.AllIndicators().First(i => i.Code == line.IndicatorCode);
        var files = await EvidenceOfAsync([line.Id]);
        // Saving a cell must not read the whole province: only this indicator's lines count here.
        var (_, reference) = await ReferenceAsync(line.PeriodId, line.IndicatorCode);
        return indicator.ToDto(line.PeriodId, line, files[line.Id], line.TenantId is { } cityId ? reference.LineReference(indicator, cityId, line.Value) : default);
    }

    /// <summary>Every city's lines of the period (the province average needs them all) and the reference data scoring will use.</summary>
    private async Task<(List<EntryLine> Lines, Results.PeriodReferenceData Reference)> ReferenceAsync(Guid periodId, string? onlyIndicator = null)
    {
        List<EntryLine> periodLines;
        using (dataFilter.Disable<IMultiTenant>())
        {
            var query = lines.Query().Where(l => l.PeriodId == periodId);
            periodLines = await lines.ToListAsync(onlyIndicator is null ? query : query.Where(l => l.IndicatorCode == onlyIndicator));
        }

        return (periodLines, await references.LoadAsync(periodId, periodLines, onlyIndicator));
    }

    /// <summary>Metadata only: the content stays in the database.</summary>
    public async Task<ILookup<Guid, EvidenceDto>> EvidenceOfAsync(IReadOnlyCollection<Guid> lineIds)
    {
        var rows = await evidence.ToListAsync(evidence.Query()
            .Where(e => lineIds.Contains(e.EntryLineId))
            .OrderBy(e => e.CreationTime)
            .Select(e => new EvidenceDto { Id = e.Id, EntryLineId = e.EntryLineId, FileName = e.FileName, ContentType = e.ContentType, Size = e.Size, CreationTime = e.CreationTime }));
        return rows.ToLookup(r => r.EntryLineId);
    }
}

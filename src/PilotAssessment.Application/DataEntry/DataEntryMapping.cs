using System.Runtime.CompilerServices;
using PilotAssessment.Schemes;

namespace PilotAssessment.DataEntry;

internal static class DataEntryMapping
{
    public static EntryValue ToDomain(this EntryValueDto? dto) => dto is null ? new EntryValue() : new EntryValue
    {
        Number = dto.Number,
        Occurrences = dto.Occurrences?.Select(o => new EntryOccurrence { Type = o.Type, Count = o.Count, Flags = o.Flags }).ToList(),
        Flags = dto.Flags is { Count: > 0 } ? dto.Flags : null,
        Grade = string.IsNullOrWhiteSpace(dto.Grade) ? null : dto.Grade.Trim(),
        ChecklistPresent = dto.ChecklistPresent,
        SurveyRates = dto.SurveyRates,
        LastYearNumber = dto.LastYearNumber,
    };

    public static EntryValueDto ToDto(this EntryValue value) => new()
    {
        Number = value.Number,
        Occurrences = value.Occurrences?.Select(o => new EntryOccurrenceDto { Type = o.Type, Count = o.Count, Flags = o.Flags }).ToList(),
        Flags = value.Flags,
        Grade = value.Grade,
        ChecklistPresent = value.ChecklistPresent,
        SurveyRates = value.SurveyRates,
        LastYearNumber = value.LastYearNumber,
    };

    // A definition never changes once read (a new one replaces it), so its rule texts are generated once per indicator.
    private static readonly ConditionalWeakTable<IndicatorDefinition, StrongBox<Schemes.Rules.BilingualText>> RuleTexts = new();

    public static EntryLineDto ToDto(this IndicatorDefinition indicator, Guid periodId, EntryLine? line, IEnumerable<EvidenceDto> evidence, (decimal? Value, string? Source) reference = default) =>
        indicator.ToDto(periodId, line, line?.Value ?? new EntryValue(), evidence, reference);

    /// <param name="value">The line's value parsed already (<see cref="EntryLine.Value"/> parses on every access).</param>
    public static EntryLineDto ToDto(this IndicatorDefinition indicator, Guid periodId, EntryLine? line, EntryValue value, IEnumerable<EvidenceDto> evidence, (decimal? Value, string? Source) reference) => new()
    {
        ReferenceValue = reference.Value,
        ReferenceSource = reference.Source,
        Id = line?.Id,
        PeriodId = periodId,
        IndicatorCode = indicator.Code,
        IndicatorName = indicator.Name,
        Unit = indicator.Unit,
        RuleKind = indicator.Rule.Kind,
        MaxPoints = indicator.MaxPoints,
        EvidenceRequired = indicator.EvidenceRequired,
        RuleDescription = string.IsNullOrWhiteSpace(indicator.RuleText)
            ? SchemeAutoMapperProfile.InCurrentCulture(RuleTexts.GetValue(indicator, i => new(Schemes.RuleText.RuleTextGenerator.Generate(i))).Value)
            : indicator.RuleText,
        FromRegister = Supervision.ProblemRegister.IsFed(indicator),
        UnitId = line?.UnitId,
        Value = value.ToDto(),
        Reported = line is not null && !value.IsEmpty,
        Note = line?.Note,
        Status = (line?.Status ?? EntryLineStatus.Draft).ToString(),
        ReportedByUserId = line?.ReportedByUserId,
        ReportedTime = line?.ReportedTime,
        SelfScore = line?.SelfScore,
        AuditorScore = line?.AuditorScore,
        AdjustReason = line?.AdjustReason,
        AdjustClearReason = line?.AdjustClearReason,
        ReturnComment = line?.ReturnComment,
        Evidence = evidence.ToList(),
        ConcurrencyStamp = line?.ConcurrencyStamp,
        SourceName = line?.SourceName,
        SourceEvidence = line?.SourceEvidence,
        OverrideReason = line?.OverrideReason,
        OverriddenSourceName = line?.OverriddenSourceName,
        SourceText = Feeds.FeedSourceText.Of(line),
    };

    public static CityFactsDto ToDto(this CityPeriodFacts? facts) => facts is null ? new CityFactsDto() : new CityFactsDto
    {
        VetoFacts = facts.VetoFacts,
        BonusCounts = facts.BonusCounts,
        DataItems = facts.DataItems,
        Note = facts.Note,
        ConcurrencyStamp = facts.ConcurrencyStamp,
    };

    public static SubmissionDto ToDto(this Reviews.CitySubmission? submission, Guid periodId, Guid cityId, string? cityName = null) => new()
    {
        CityId = cityId,
        CityName = cityName,
        PeriodId = periodId,
        Status = (submission?.Status ?? Reviews.SubmissionStatus.Draft).ToString(),
        SubmittedTime = submission?.SubmittedTime,
        SelfTotal = submission?.SelfTotal,
        AuditedTotal = submission?.AuditedTotal,
        ReturnComment = submission?.ReturnComment,
        ApprovedTime = submission?.ApprovedTime,
    };
}

using PilotAssessment.Schemes;

namespace PilotAssessment.DataEntry;

/// <summary>
/// What an entry line's DTO is made of: the indicator, the saved line (null before its first save), its value parsed
/// once, its evidence and the figure it is compared with.
/// </summary>
public sealed record EntryLineSource(IndicatorDefinition Indicator, Guid PeriodId, EntryLine? Line, EntryValue Value, IReadOnlyList<EvidenceDto> Evidence, decimal? ReferenceValue = null, string? ReferenceSource = null);

/// <summary>
/// Entered values, lines and facts to their DTOs. Set after the map (what it cannot know): a line's live points and
/// explanation (the sheet's scoring), its quality and what it still lacks (<see cref="EntrySheetReader"/>).
/// </summary>
public sealed class DataEntryAutoMapperProfile : Profile
{
    public DataEntryAutoMapperProfile()
    {
        // A value's absent parts stay absent (null), as they were stored.
        AllowNullCollections = true;
        CreateMap<EntryOccurrence, EntryOccurrenceDto>();
        CreateMap<EntryValue, EntryValueDto>();
        CreateMap<CityPeriodFacts, CityFactsDto>();
        CreateMap<EntryLineSource, EntryLineDto>()
            .ForMember(d => d.Id, o => o.MapFrom(s => s.Line != null ? s.Line.Id : (Guid?)null))
            .ForMember(d => d.IndicatorCode, o => o.MapFrom(s => s.Indicator.Code))
            .ForMember(d => d.IndicatorName, o => o.MapFrom(s => s.Indicator.Name))
            .ForMember(d => d.Unit, o => o.MapFrom(s => s.Indicator.Unit))
            .ForMember(d => d.RuleKind, o => o.MapFrom(s => s.Indicator.Rule.Kind))
            .ForMember(d => d.MaxPoints, o => o.MapFrom(s => s.Indicator.MaxPoints))
            .ForMember(d => d.EvidenceRequired, o => o.MapFrom(s => s.Indicator.EvidenceRequired))
            .ForMember(d => d.RuleDescription, o => o.MapFrom(s => DataEntryMapping.RuleDescription(s.Indicator)))
            .ForMember(d => d.FromRegister, o => o.MapFrom(s => Supervision.ProblemRegister.IsFed(s.Indicator)))
            .ForMember(d => d.UnitId, o => o.MapFrom(s => s.Line != null ? s.Line.UnitId : null))
            .ForMember(d => d.Reported, o => o.MapFrom(s => s.Line != null && !s.Value.IsEmpty))
            .ForMember(d => d.Note, o => o.MapFrom(s => s.Line != null ? s.Line.Note : null))
            .ForMember(d => d.Status, o => o.MapFrom(s => (s.Line != null ? s.Line.Status : EntryLineStatus.Draft).ToString()))
            .ForMember(d => d.ReportedByUserId, o => o.MapFrom(s => s.Line != null ? s.Line.ReportedByUserId : null))
            .ForMember(d => d.ReportedTime, o => o.MapFrom(s => s.Line != null ? s.Line.ReportedTime : null))
            .ForMember(d => d.SelfScore, o => o.MapFrom(s => s.Line != null ? s.Line.SelfScore : null))
            .ForMember(d => d.AuditorScore, o => o.MapFrom(s => s.Line != null ? s.Line.AuditorScore : null))
            .ForMember(d => d.AdjustReason, o => o.MapFrom(s => s.Line != null ? s.Line.AdjustReason : null))
            .ForMember(d => d.AdjustClearReason, o => o.MapFrom(s => s.Line != null ? s.Line.AdjustClearReason : null))
            .ForMember(d => d.ReturnComment, o => o.MapFrom(s => s.Line != null ? s.Line.ReturnComment : null))
            .ForMember(d => d.ConcurrencyStamp, o => o.MapFrom(s => s.Line != null ? s.Line.ConcurrencyStamp : null))
            .ForMember(d => d.SourceName, o => o.MapFrom(s => s.Line != null ? s.Line.SourceName : null))
            .ForMember(d => d.SourceEvidence, o => o.MapFrom(s => s.Line != null ? s.Line.SourceEvidence : null))
            .ForMember(d => d.OverrideReason, o => o.MapFrom(s => s.Line != null ? s.Line.OverrideReason : null))
            .ForMember(d => d.OverriddenSourceName, o => o.MapFrom(s => s.Line != null ? s.Line.OverriddenSourceName : null))
            .ForMember(d => d.SourceText, o => o.MapFrom(s => Feeds.FeedSourceText.Of(s.Line)))
            .ForMember(d => d.Points, o => o.Ignore())
            .ForMember(d => d.Explanation, o => o.Ignore())
            .ForMember(d => d.Incomplete, o => o.Ignore())
            .ForMember(d => d.Quality, o => o.Ignore());
    }
}

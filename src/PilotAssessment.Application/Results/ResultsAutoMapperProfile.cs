using System.Text.Json;
using PilotAssessment.Periods;

namespace PilotAssessment.Results;

/// <summary>Stored score sheets to their DTOs: a city left out (未参评) shows no score, rank or grade; times in Beijing time.</summary>
public sealed class ResultsAutoMapperProfile : Profile
{
    public ResultsAutoMapperProfile()
    {
        CreateMap<ScoreSheetRecord, ScoreSheetRecordDto>()
            .ForMember(d => d.CityId, o => o.MapFrom(s => s.TenantId!.Value))
            .ForMember(d => d.CityName, o => o.Ignore())
            .ForMember(d => d.Kind, o => o.MapFrom(s => s.Kind.ToString()))
            .ForMember(d => d.Total, o => o.MapFrom(s => s.NotAssessed ? (decimal?)null : s.Total))
            .ForMember(d => d.AuditedTotal, o => o.MapFrom(s => s.NotAssessed ? (decimal?)null : s.Total))
            .ForMember(d => d.Rank, o => o.MapFrom(s => s.NotAssessed ? null : s.Rank))
            .ForMember(d => d.Grade, o => o.MapFrom(s => s.NotAssessed ? null : s.Grade))
            .ForMember(d => d.ScoreGrade, o => o.MapFrom(s => s.NotAssessed ? null : s.ScoreGrade))
            .ForMember(d => d.Colour, o => o.MapFrom(s => s.NotAssessed ? null : s.Colour))
            .ForMember(d => d.AwardEligible, o => o.MapFrom(s => !s.NotAssessed && s.AwardEligible))
            .ForMember(d => d.Change, o => o.MapFrom(s => !s.NotAssessed && s.PreviousTotal != null ? s.Total - s.PreviousTotal : null))
            .ForMember(d => d.Categories, o => o.MapFrom(s => JsonSerializer.Deserialize<JsonElement>(s.CategoriesJson, (JsonSerializerOptions?)null)))
            .ForMember(d => d.BonusLines, o => o.MapFrom(s => JsonSerializer.Deserialize<JsonElement>(s.BonusJson, (JsonSerializerOptions?)null)))
            .ForMember(d => d.Vetoes, o => o.MapFrom(s => JsonSerializer.Deserialize<JsonElement>(s.VetoesJson, (JsonSerializerOptions?)null)))
            .ForMember(d => d.Lines, o => o.Ignore())
            .ForMember(d => d.Appeals, o => o.Ignore())
            .ForMember(d => d.CreationTime, o => o.MapFrom(s => DateTime.SpecifyKind(s.CreationTime, DateTimeKind.Utc)))
            .ForMember(d => d.CreationTimeLocal, o => o.MapFrom(s => ProvinceTime.ToLocal(s.CreationTime).ToString("yyyy-MM-dd HH:mm")))
            .ForMember(d => d.WithdrawnTime, o => o.MapFrom(s => s.WithdrawnTime == null ? (DateTime?)null : DateTime.SpecifyKind(s.WithdrawnTime.Value, DateTimeKind.Utc)));
        CreateMap<ScoreSheetRecord, RankingRowDto>()
            .ForMember(d => d.Rank, o => o.MapFrom(s => s.NotAssessed ? null : s.Rank))
            .ForMember(d => d.CityId, o => o.MapFrom(s => s.TenantId!.Value))
            .ForMember(d => d.CityName, o => o.Ignore())
            .ForMember(d => d.SheetId, o => o.MapFrom(s => s.Id))
            .ForMember(d => d.Total, o => o.MapFrom(s => s.NotAssessed ? (decimal?)null : s.Total))
            .ForMember(d => d.Grade, o => o.MapFrom(s => s.NotAssessed ? null : s.Grade))
            .ForMember(d => d.Colour, o => o.MapFrom(s => s.NotAssessed ? null : s.Colour))
            .ForMember(d => d.Change, o => o.MapFrom(s => !s.NotAssessed && s.PreviousTotal != null ? s.Total - s.PreviousTotal : null));
        // The monitoring row of a published sheet; the city's name and the warnings are added after the map.
        CreateMap<MonitoringSheet, CityMonitoringDto>()
            .ForMember(d => d.SheetVersion, o => o.MapFrom(s => (int?)s.Version))
            .ForMember(d => d.Source, o => o.MapFrom(_ => MonitoringSources.Published))
            .ForMember(d => d.Categories, o => o.MapFrom(s => JsonSerializer.Deserialize<List<CategoryMonitoringDto>>(s.CategoriesJson, MonitoringSheet.Json) ?? new List<CategoryMonitoringDto>()))
            .ForMember(d => d.CityName, o => o.Ignore())
            .ForMember(d => d.Warnings, o => o.Ignore());
        // The live monitoring row of a city scored now: nothing entered yet shows no grade and no colour.
        CreateMap<LiveMonitoringRow, CityMonitoringDto>()
            .ForMember(d => d.SheetVersion, o => o.Ignore())
            .ForMember(d => d.Total, o => o.MapFrom(s => s.Sheet.Total))
            .ForMember(d => d.MaxPoints, o => o.MapFrom(s => s.Sheet.MaxPoints))
            .ForMember(d => d.Percent, o => o.MapFrom(s => s.Sheet.Percent))
            .ForMember(d => d.Grade, o => o.MapFrom(s => s.Source == MonitoringSources.None ? null : s.Sheet.Grade))
            .ForMember(d => d.Colour, o => o.MapFrom(s => s.Source == MonitoringSources.None ? null : s.Sheet.Colour))
            .ForMember(d => d.Categories, o => o.MapFrom(s => s.Sheet.Categories))
            .ForMember(d => d.Warnings, o => o.Ignore())
            .AfterMap((s, d) =>
            {
                if (s.Source == MonitoringSources.None)
                {
                    d.Categories.ForEach(c => c.Colour = null);
                }
            });
        CreateMap<Schemes.Scoring.CategoryScore, CategoryMonitoringDto>();
        CreateMap<ScoreSheetLineRecord, ScoreSheetLineDto>()
            .ForMember(d => d.Status, o => o.MapFrom(s => s.Status.ToString()))
            .ForMember(d => d.ReferenceSourceText, o => o.Ignore())
            .ForMember(d => d.Source, o => o.Ignore())
            .ForMember(d => d.SourceName, o => o.Ignore())
            .ForMember(d => d.SourceTime, o => o.Ignore())
            .ForMember(d => d.SourceTimeLocal, o => o.Ignore())
            .ForMember(d => d.OverrideReason, o => o.Ignore())
            .ForMember(d => d.SourceText, o => o.Ignore());
    }

    /// <summary>Where a reference figure came from, in words for the sheet.</summary>
    public static string? ReferenceSourceText(string? source, string? referencePeriodName) => source switch
    {
        ReferenceSources.ProvinceAverage => "全省平均值（审核通过城市，发布时冻结）",
        ReferenceSources.PreviousPeriod => referencePeriodName is null ? "上期填报值" : $"上期（{referencePeriodName}）填报值",
        ReferenceSources.Entered => "本市填报的上年同期值",
        ReferenceSources.ProvinceAverageUnavailable => "暂无全省平均值（审核通过的其他城市不足）",
        _ => null,
    };
}

/// <summary>A city's live score of an open period with where it comes from (<see cref="MonitoringSources"/>).</summary>
public sealed record LiveMonitoringRow(Guid CityId, string? CityName, string Source, Schemes.Scoring.ScoreSheet Sheet);

/// <summary>The columns of a current published score sheet a monitoring row shows (no explanations, bonus or veto JSON).</summary>
public sealed record MonitoringSheet(Guid Id, Guid CityId, int Version, decimal Total, decimal MaxPoints, decimal Percent, string? Grade, string? Colour, string CategoriesJson)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

using System.Globalization;
using System.Text.Json;
using PilotAssessment.Localization;
using PilotAssessment.Schemes.Rules;
using PilotAssessment.Schemes.Scoring;

namespace PilotAssessment.Schemes;

public sealed class SchemeAutoMapperProfile : Profile
{
    public SchemeAutoMapperProfile()
    {
        // The list shape: without the definition and its problems. The detail adds both (SchemeAppService.Detail),
        // the problems being localized texts of the validator.
        CreateMap<Scheme, SchemeDto>()
            .ForCtorParam(nameof(SchemeDto.Status), o => o.MapFrom(s => s.Status.ToString()))
            .ForCtorParam(nameof(SchemeDto.IndicatorCount), o => o.MapFrom(s => s.Definition.AllIndicators().Count()))
            .ForCtorParam(nameof(SchemeDto.Definition), o => o.MapFrom(_ => (JsonElement?)null))
            .ForCtorParam(nameof(SchemeDto.Problems), o => o.MapFrom(_ => Array.Empty<SchemeProblemDto>()))
            .ForCtorParam(nameof(SchemeDto.RuleTexts), o => o.MapFrom(_ => Array.Empty<IndicatorRuleTextDto>()));

        // A score sheet shows each explanation in the reader's language; a line also carries both texts.
        CreateMap<BilingualText, string>().ConvertUsing(t => InCurrentCulture(t));
        CreateMap<ScoreSheet, ScoreSheetDto>();
        CreateMap<ScoreLine, ScoreLineDto>();
        CreateMap<CategoryScore, CategoryScoreDto>();
        CreateMap<BonusLine, BonusLineDto>();
        CreateMap<VetoOutcome, VetoOutcomeDto>();
    }

    /// <summary>The text in the current UI culture: English for "en", Simplified Chinese otherwise.</summary>
    public static string InCurrentCulture(BilingualText text) =>
        JsonStringLocalizer.ResolveCultureName(CultureInfo.CurrentUICulture) == "en" ? text.En : text.ZhHans;
}

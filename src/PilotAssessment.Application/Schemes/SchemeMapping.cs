using System.Text.Json;
using Microsoft.Extensions.Localization;
using PilotAssessment.Localization;
using PilotAssessment.Schemes.Json;
using PilotAssessment.Schemes.RuleText;
using PilotAssessment.Schemes.Scoring;
using PilotAssessment.Schemes.Validation;

namespace PilotAssessment.Schemes;

/// <summary>
/// Between the scheme DTOs and the domain's definitions, values and reference data, and the validator's problems as localized texts.
/// The way back, entities and score sheets to DTOs, is <see cref="SchemeAutoMapperProfile"/>.
/// </summary>
public static class SchemeMapping
{
    public static SchemeDefinition? ToDefinition(JsonElement? json) =>
        json is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } element
            ? SchemeJsonSerializer.DeserializeDefinition(element.GetRawText())
            : null;

    /// <summary>The definition in the scheme JSON format, as <see cref="SchemeDto.Definition"/> carries it.</summary>
    public static JsonElement ToJson(SchemeDefinition definition) =>
        JsonSerializer.Deserialize<JsonElement>(SchemeJsonSerializer.SerializeDefinition(definition));

    /// <summary>Every indicator's rule in words and whether the official's wording still agrees, in tree order.</summary>
    public static IReadOnlyList<IndicatorRuleTextDto> RuleTexts(SchemeDefinition definition) =>
        definition.AllIndicators().Select(indicator =>
        {
            var check = RuleTextComparison.Check(indicator, definition);
            return new IndicatorRuleTextDto(
                indicator.Code,
                SchemeAutoMapperProfile.InCurrentCulture(check.Generated),
                check.Generated.ZhHans,
                check.Generated.En,
                check.Disagrees,
                check.StaleNumbers);
        }).ToList();

    public static IReadOnlyList<SchemeProblemDto> Localize(this IEnumerable<SchemeProblem> problems, IStringLocalizer<PilotAssessmentResource> localizer) =>
        problems.Select(p => new SchemeProblemDto(p.Target, p.Code, localizer[p.Code, p.Arguments.ToArray()!].Value)).ToList();

    public static CityPeriodValues ToDomain(this CityValuesDto values) => new()
    {
        Indicators = values.Indicators.ToDictionary(kv => kv.Key, kv => new IndicatorValue
        {
            Number = kv.Value.Number,
            Occurrences = kv.Value.Occurrences?.Select(o => new OccurrenceCount(o.Type, o.Count, o.Flags)).ToList(),
            Flags = kv.Value.Flags,
            Grade = kv.Value.Grade,
            ChecklistPresent = kv.Value.ChecklistPresent,
            SurveyRates = kv.Value.SurveyRates,
        }),
        BonusCounts = values.BonusCounts,
        VetoFacts = values.VetoFacts,
        DataItems = values.DataItems,
    };

    public static ReferenceData ToDomain(this ReferenceDataDto? reference) => reference is null
        ? ReferenceData.Empty
        : new ReferenceData
        {
            ProvinceAverages = reference.ProvinceAverages,
            LastYearValues = reference.LastYearValues,
            Ranks = reference.Ranks,
            LastYearRanks = reference.LastYearRanks,
        };
}

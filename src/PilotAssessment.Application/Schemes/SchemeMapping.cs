using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using PilotAssessment.Localization;
using PilotAssessment.Schemes.Json;
using PilotAssessment.Schemes.Scoring;
using PilotAssessment.Schemes.Validation;

namespace PilotAssessment.Schemes;

/// <summary>Between the scheme domain (definitions, values, score sheets) and its DTOs.</summary>
public static class SchemeMapping
{
    public static SchemeDto ToDto(this Scheme scheme, bool withDefinition, IReadOnlyList<SchemeProblemDto>? problems = null) => new(
        scheme.Id,
        scheme.Name,
        scheme.Year,
        scheme.Version,
        scheme.Scale,
        scheme.Status.ToString(),
        scheme.Definition.AllIndicators().Count(),
        scheme.CreationTime,
        scheme.PublishedTime,
        scheme.ArchivedTime,
        scheme.ConcurrencyStamp,
        withDefinition ? JsonSerializer.Deserialize<JsonElement>(SchemeJsonSerializer.SerializeDefinition(scheme.Definition)) : null,
        problems ?? []);

    public static SchemeDefinition? ToDefinition(JsonElement? json) =>
        json is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } element
            ? SchemeJsonSerializer.DeserializeDefinition(element.GetRawText())
            : null;

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

    public static ScoreSheetDto ToDto(this ScoreSheet sheet)
    {
        var english = JsonStringLocalizer.ResolveCultureName(CultureInfo.CurrentUICulture) == "en";
        string Pick(Rules.BilingualText text) => english ? text.En : text.ZhHans;
        return new ScoreSheetDto(
            sheet.Lines.Select(l => new ScoreLineDto(l.IndicatorCode, l.IndicatorName, l.CategoryCode, l.RuleKind, l.MaxPoints, l.Value, l.Points,
                l.Status.ToString(), Pick(l.Explanation), l.Explanation.ZhHans, l.Explanation.En)).ToList(),
            sheet.Categories.Select(c => new CategoryScoreDto(c.Code, c.Name, c.ParentCode, c.Depth, c.MaxPoints, c.Points, c.Percent, c.Colour)).ToList(),
            sheet.BonusLines.Select(b => new BonusLineDto(b.Code, b.Name, b.Count, b.Points, Pick(b.Explanation))).ToList(),
            sheet.BonusBeforeCap,
            sheet.Bonus,
            sheet.Vetoes.Select(v => new VetoOutcomeDto(v.Code, v.Name, v.Consequence.Kind, Pick(v.Effect))).ToList(),
            sheet.IndicatorPoints,
            sheet.MaxPoints,
            sheet.VetoDeduction,
            sheet.Total,
            sheet.Percent,
            sheet.ScoreGrade,
            sheet.Grade,
            sheet.AwardEligible,
            sheet.Colour,
            sheet.UnreportedCount,
            sheet.ErrorCount);
    }
}

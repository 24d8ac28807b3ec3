using System.Text.Json;
using PilotAssessment.Dtos;

namespace PilotAssessment.Schemes;

/// <summary>
/// A scheme. <see cref="Definition"/> is the indicator tree in the scheme JSON format (snake_case; see
/// src/PilotAssessment.Domain/Schemes/README.md), the same format the JSON import and export use.
/// </summary>
public sealed record SchemeDto(
    Guid Id,
    string Name,
    int Year,
    int Version,
    int Scale,
    string Status,
    int IndicatorCount,
    DateTime CreationTime,
    DateTime? PublishedTime,
    DateTime? ArchivedTime,
    string? ConcurrencyStamp,
    JsonElement? Definition,
    IReadOnlyList<SchemeProblemDto> Problems,
    IReadOnlyList<IndicatorRuleTextDto> RuleTexts);

/// <summary>
/// An indicator's rule in words, generated from its parameters (in the caller's language and in both), shown beside
/// the official's own wording (<c>rule_text</c> of the definition). <see cref="RuleTextDisagrees"/>: the official's
/// wording states numbers (<see cref="StaleNumbers"/>) that the rule no longer has.
/// </summary>
public sealed record IndicatorRuleTextDto(
    string Code,
    string GeneratedText,
    string GeneratedTextZhHans,
    string GeneratedTextEn,
    bool RuleTextDisagrees,
    IReadOnlyList<decimal> StaleNumbers);

/// <summary>A problem of a scheme: the indicator (category, bonus, veto) it belongs to and the message.</summary>
public sealed record SchemeProblemDto(string Target, string Code, string Message);

public sealed class GetSchemesInput : PagedAndFilteredRequestDto
{
    public string? Status { get; set; }

    public int? Year { get; set; }
}

public class SchemeHeaderInput
{
    [Required]
    [StringLength(128)]
    public string Name { get; set; } = default!;

    [Range(2000, 2100)]
    public int Year { get; set; }

    [Range(100, 1000)]
    public int Scale { get; set; } = 100;

    /// <summary>The definition in the scheme JSON format; empty for an empty draft.</summary>
    public JsonElement? Definition { get; set; }
}

public sealed class CreateSchemeInput : SchemeHeaderInput;

public sealed class UpdateSchemeInput : SchemeHeaderInput
{
    [Required]
    [StringLength(40)]
    public string ConcurrencyStamp { get; set; } = default!;
}

public sealed class IndicatorValueDto
{
    public decimal? Number { get; set; }

    public List<OccurrenceCountDto>? Occurrences { get; set; }

    public List<string>? Flags { get; set; }

    [StringLength(SchemeConsts.MaxNameLength)]
    public string? Grade { get; set; }

    public List<string>? ChecklistPresent { get; set; }

    public Dictionary<string, decimal>? SurveyRates { get; set; }
}

public sealed class OccurrenceCountDto
{
    [Required]
    [StringLength(SchemeConsts.MaxNameLength)]
    public string Type { get; set; } = "default";

    [Range(0, 100000)]
    public int Count { get; set; }

    public List<string>? Flags { get; set; }
}

/// <summary>One city's values for a period, keyed by indicator, bonus, veto-fact and data-item codes.</summary>
public sealed class CityValuesDto
{
    public Dictionary<string, IndicatorValueDto> Indicators { get; set; } = [];

    public Dictionary<string, int> BonusCounts { get; set; } = [];

    public Dictionary<string, bool> VetoFacts { get; set; } = [];

    public Dictionary<string, decimal> DataItems { get; set; } = [];
}

public sealed class ReferenceDataDto
{
    public Dictionary<string, decimal> ProvinceAverages { get; set; } = [];

    public Dictionary<string, decimal> LastYearValues { get; set; } = [];

    public Dictionary<string, int> Ranks { get; set; } = [];

    public Dictionary<string, int> LastYearRanks { get; set; } = [];
}

/// <summary>Scores values against a saved scheme, or against a definition being edited; nothing is saved.</summary>
public sealed class PreviewScoreInput
{
    public Guid? SchemeId { get; set; }

    /// <summary>Used when <see cref="SchemeId"/> is empty: a definition being edited, with its scale.</summary>
    public JsonElement? Definition { get; set; }

    public int Scale { get; set; } = 100;

    public CityValuesDto Values { get; set; } = new();

    public ReferenceDataDto? Reference { get; set; }

    /// <summary>City-specific targets by indicator code (from an agreement).</summary>
    public Dictionary<string, decimal>? TargetOverrides { get; set; }
}

public sealed record ScoreLineDto(
    string IndicatorCode,
    string IndicatorName,
    string CategoryCode,
    string RuleKind,
    decimal MaxPoints,
    decimal? Value,
    decimal Points,
    string Status,
    string Explanation,
    string ExplanationZhHans,
    string ExplanationEn);

public sealed record CategoryScoreDto(string Code, string Name, string? ParentCode, int Depth, decimal MaxPoints, decimal Points, decimal Percent, string? Colour);

public sealed record BonusLineDto(string Code, string Name, int Count, decimal Points, string Explanation);

public sealed record VetoOutcomeDto(string Code, string Name, string ConsequenceKind, string Effect);

public sealed record ScoreSheetDto(
    IReadOnlyList<ScoreLineDto> Lines,
    IReadOnlyList<CategoryScoreDto> Categories,
    IReadOnlyList<BonusLineDto> BonusLines,
    decimal BonusBeforeCap,
    decimal Bonus,
    IReadOnlyList<VetoOutcomeDto> Vetoes,
    decimal IndicatorPoints,
    decimal MaxPoints,
    decimal VetoDeduction,
    decimal Total,
    decimal Percent,
    string? ScoreGrade,
    string? Grade,
    bool AwardEligible,
    string? Colour,
    int UnreportedCount,
    int ErrorCount);

public sealed record FileDto(string FileName, string ContentType, byte[] Content);

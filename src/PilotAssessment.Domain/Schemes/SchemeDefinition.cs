using PilotAssessment.Schemes.Rules;

namespace PilotAssessment.Schemes;

/// <summary>
/// The whole 考评细则 of a scheme as one value: the category tree with its indicators, data items, bonus
/// items, vetoes, grade and colour bands, rounding. Persisted as one JSON column (see <see cref="Json.SchemeJsonSerializer"/>).
/// </summary>
public sealed record SchemeDefinition
{
    public IReadOnlyList<CategoryDefinition> Categories { get; init; } = [];

    /// <summary>Named inputs that formulas use, such as population (常住人口).</summary>
    public IReadOnlyList<DataItemDefinition> DataItems { get; init; } = [];

    public BonusDefinition Bonus { get; init; } = new();

    public IReadOnlyList<VetoRuleDefinition> Vetoes { get; init; } = [];

    /// <summary>Best grade first (优秀 ≥ 90, 良好 ≥ 80, …); the last band should start at 0.</summary>
    public IReadOnlyList<GradeBand> Grades { get; init; } = [];

    /// <summary>Best colour first (绿 ≥ 90 %, 蓝 ≥ 80 %, …), on the percentage of the maximum.</summary>
    public IReadOnlyList<ColourBand> Colours { get; init; } = [];

    public RoundingSettings Rounding { get; init; } = new();

    /// <summary>Every indicator of the tree, depth first in tree order.</summary>
    public IEnumerable<IndicatorDefinition> AllIndicators() => Categories.SelectMany(c => c.AllIndicators());

    /// <summary>Every category of the tree, parents before children.</summary>
    public IEnumerable<CategoryDefinition> AllCategories() => Categories.SelectMany(c => c.SelfAndDescendants());
}

public sealed record CategoryDefinition
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    /// <summary>English name for the en explanations; the Chinese name is used when absent.</summary>
    public string? NameEn { get; init; }

    public IReadOnlyList<CategoryDefinition> Children { get; init; } = [];

    public IReadOnlyList<IndicatorDefinition> Indicators { get; init; } = [];

    public IEnumerable<IndicatorDefinition> AllIndicators() =>
        Indicators.Concat(Children.SelectMany(c => c.AllIndicators()));

    public IEnumerable<CategoryDefinition> SelfAndDescendants() =>
        new[] { this }.Concat(Children.SelectMany(c => c.SelfAndDescendants()));

    public decimal MaxPoints() => AllIndicators().Sum(i => i.MaxPoints);
}

public sealed record IndicatorDefinition
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    /// <summary>English name for the en explanations; the Chinese name is used when absent.</summary>
    public string? NameEn { get; init; }

    public string? Unit { get; init; }

    /// <summary>The unit in English explanations ("cases", "deaths per 10,000 vehicles"); the Chinese unit when absent.</summary>
    public string? UnitEn { get; init; }

    public decimal MaxPoints { get; init; }

    public string? ResponsibleUnit { get; init; }

    public ScoreSource ScoreSource { get; init; } = ScoreSource.Department;

    public bool EvidenceRequired { get; init; }

    public required ScoringRule Rule { get; init; }

    /// <summary>When set, the indicator's value is computed from data items (or other indicators) instead of reported.</summary>
    public string? Formula { get; init; }

    /// <summary>The target shown to cities; rules that score against a target carry their own, which agreements may override.</summary>
    public decimal? Target { get; init; }

    /// <summary>The official wording of the rule (考评细则原文), shown beside the score.</summary>
    public string? RuleText { get; init; }

    /// <summary>
    /// Where a per-occurrence indicator's occurrences come from: <c>supervision</c> counts the city's unrectified
    /// problems of the supervision register (the line is filled from it and the clerk cannot type it); absent: entered.
    /// </summary>
    public Supervision.IndicatorOccurrenceSource? OccurrenceSource { get; init; }

    /// <summary>Smallest plausible value of the checked number (data-quality check, docs/adr/0024); null = no lower bound.</summary>
    public decimal? Min { get; init; }

    /// <summary>Largest plausible value of the checked number; null = no upper bound.</summary>
    public decimal? Max { get; init; }
}

public sealed record DataItemDefinition
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    /// <summary>English name for the en explanations; the Chinese name is used when absent.</summary>
    public string? NameEn { get; init; }

    public string? Unit { get; init; }

    /// <summary>A derived data item (e.g. 千人发案率 from 发案数 and 人口); a plain one is reported.</summary>
    public string? Formula { get; init; }
}

public sealed record BonusDefinition
{
    public IReadOnlyList<BonusItemDefinition> Items { get; init; } = [];

    /// <summary>Most points all bonus items together can add (加分项合计最多…分); null = no cap.</summary>
    public decimal? TotalCap { get; init; }
}

public sealed record BonusItemDefinition
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    /// <summary>English name for the en explanations; the Chinese name is used when absent.</summary>
    public string? NameEn { get; init; }

    public decimal PointsPerInstance { get; init; }

    /// <summary>Most points this item alone can add; null = only the total cap applies.</summary>
    public decimal? Cap { get; init; }

    public string? RuleText { get; init; }
}

public sealed record VetoRuleDefinition
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    /// <summary>English name for the en explanations; the Chinese name is used when absent.</summary>
    public string? NameEn { get; init; }

    /// <summary>Key of the boolean fact that fires this veto (set by the reviewer, e.g. "major_political_incident").</summary>
    public required string TriggerFact { get; init; }

    public string? TriggerText { get; init; }

    /// <summary>
    /// Optional formula over indicator values and data items that also fires the veto when it is true (non-zero),
    /// e.g. "I01 &lt; 85" for 群众安全感低于85%. A condition whose values are missing does not fire.
    /// </summary>
    public string? Condition { get; init; }

    public required VetoConsequence Consequence { get; init; }
}

public sealed record GradeBand
{
    public required string Name { get; init; }

    /// <summary>English name for the en explanations; the Chinese name is used when absent.</summary>
    public string? NameEn { get; init; }

    /// <summary>Stable key for code and UI (excellent / good / pass / fail).</summary>
    public string? Key { get; init; }

    public decimal MinScore { get; init; }
}

public sealed record ColourBand
{
    public required string Name { get; init; }

    /// <summary>English name for the en explanations; the Chinese name is used when absent.</summary>
    public string? NameEn { get; init; }

    /// <summary>Stable key for the UI (green / blue / orange / red).</summary>
    public string? Key { get; init; }

    public decimal MinPercent { get; init; }
}

public sealed record RoundingSettings
{
    public int Decimals { get; init; } = 2;

    /// <summary>四舍五入: half away from zero, not the banker's rounding that .NET uses by default.</summary>
    public MidpointRounding Mode { get; init; } = MidpointRounding.AwayFromZero;

    public decimal Round(decimal value) => Math.Round(value, Decimals, Mode);
}

using PilotAssessment.Schemes.Rules;

namespace PilotAssessment.Schemes.Scoring;

/// <summary>The engine's result for one city: every line, subtotal, bonus, veto, total, grade and colour.</summary>
public sealed record ScoreSheet
{
    public string? CityKey { get; init; }

    public required IReadOnlyList<ScoreLine> Lines { get; init; }

    /// <summary>Every category of the tree, parents before children.</summary>
    public required IReadOnlyList<CategoryScore> Categories { get; init; }

    public required IReadOnlyList<BonusLine> BonusLines { get; init; }

    /// <summary>Sum of the bonus lines before the total cap.</summary>
    public decimal BonusBeforeCap { get; init; }

    /// <summary>Bonus added to the total, after the cap.</summary>
    public decimal Bonus { get; init; }

    public required IReadOnlyList<VetoOutcome> Vetoes { get; init; }

    /// <summary>Sum of the indicator lines.</summary>
    public decimal IndicatorPoints { get; init; }

    /// <summary>Sum of the indicators' maximum points (the scale).</summary>
    public decimal MaxPoints { get; init; }

    /// <summary>Points taken by fixed-deduction vetoes.</summary>
    public decimal VetoDeduction { get; init; }

    public decimal Total { get; init; }

    /// <summary>Total as a percentage of <see cref="MaxPoints"/>, 2 decimals.</summary>
    public decimal Percent { get; init; }

    /// <summary>The grade the score earns before any veto.</summary>
    public string? ScoreGrade { get; init; }

    /// <summary>The final grade after vetoes.</summary>
    public string? Grade { get; init; }

    public bool AwardEligible { get; init; }

    public string? Colour { get; init; }

    public int UnreportedCount => Lines.Count(l => l.Status == LineStatus.Unreported);

    public int ErrorCount => Lines.Count(l => l.Status == LineStatus.Error);
}

public sealed record ScoreLine
{
    public required string IndicatorCode { get; init; }

    public required string IndicatorName { get; init; }

    public required string CategoryCode { get; init; }

    public required string RuleKind { get; init; }

    public decimal MaxPoints { get; init; }

    /// <summary>The numeric value scored, when the rule reads one (reported or computed by a formula).</summary>
    public decimal? Value { get; init; }

    public decimal Points { get; init; }

    public LineStatus Status { get; init; }

    public BilingualText Explanation { get; init; }
}

public sealed record CategoryScore
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public string? ParentCode { get; init; }

    /// <summary>1 for a top-level category.</summary>
    public int Depth { get; init; }

    public decimal MaxPoints { get; init; }

    public decimal Points { get; init; }

    public decimal Percent { get; init; }

    public string? Colour { get; init; }
}

public sealed record BonusLine
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public int Count { get; init; }

    /// <summary>Points of this item after its own cap.</summary>
    public decimal Points { get; init; }

    public BilingualText Explanation { get; init; }
}

public sealed record VetoOutcome
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public required VetoConsequence Consequence { get; init; }

    public BilingualText Effect { get; init; }
}

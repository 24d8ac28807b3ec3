using System.Text.Json.Serialization;
using PilotAssessment.Schemes.Formulas;
using PilotAssessment.Schemes.Scoring;
using PilotAssessment.Schemes.Validation;

namespace PilotAssessment.Schemes.Rules;

/// <summary>
/// How an indicator's points follow from its value. Each kind is a typed parameter record that validates
/// itself and scores one line; the JSON carries the kind in <c>kind</c>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ThresholdBandsRule), ThresholdBandsRule.KindName)]
[JsonDerivedType(typeof(PerOccurrenceDeductionRule), PerOccurrenceDeductionRule.KindName)]
[JsonDerivedType(typeof(RatioToTargetRule), RatioToTargetRule.KindName)]
[JsonDerivedType(typeof(YoyChangeRule), YoyChangeRule.KindName)]
[JsonDerivedType(typeof(ReferenceComparisonRule), ReferenceComparisonRule.KindName)]
[JsonDerivedType(typeof(ShortfallBandsRule), ShortfallBandsRule.KindName)]
[JsonDerivedType(typeof(RankBasedRule), RankBasedRule.KindName)]
[JsonDerivedType(typeof(RankChangeRule), RankChangeRule.KindName)]
[JsonDerivedType(typeof(QualitativeGradeRule), QualitativeGradeRule.KindName)]
[JsonDerivedType(typeof(ChecklistRule), ChecklistRule.KindName)]
[JsonDerivedType(typeof(SurveyCompositeRule), SurveyCompositeRule.KindName)]
[JsonDerivedType(typeof(FormulaRule), FormulaRule.KindName)]
public abstract record ScoringRule
{
    /// <summary>A missing value normally scores 0 as Unreported; a rule may instead grant full points.</summary>
    public bool MissingScoresFull { get; init; }

    /// <summary>The JSON discriminator, e.g. "threshold_bands".</summary>
    [JsonIgnore]
    public string Kind => DiscriminatorName;

    // Protected so the serializer does not see it next to the "kind" discriminator.
    protected abstract string DiscriminatorName { get; }

    /// <summary>Adds a problem to <paramref name="validation"/> for every incomplete or inconsistent parameter.</summary>
    public abstract void Validate(RuleValidation validation);

    /// <summary>Scores one line. Points need not be rounded or clamped: the engine does both.</summary>
    public abstract RuleResult Score(RuleInput input);
}

/// <summary>A value:points pair. Which side of <see cref="At"/> earns the points depends on the rule's direction.</summary>
public sealed record ScoreBand
{
    public decimal At { get; init; }

    public decimal Points { get; init; }

    public ScoreBand()
    {
    }

    public ScoreBand(decimal at, decimal points)
    {
        At = at;
        Points = points;
    }
}

/// <summary>Collects the problems of one rule, bound to its indicator.</summary>
public sealed class RuleValidation
{
    private readonly List<SchemeProblem> _problems;

    public RuleValidation(string indicatorCode, decimal maxPoints, List<SchemeProblem> problems, decimal? indicatorTarget = null)
    {
        IndicatorCode = indicatorCode;
        MaxPoints = maxPoints;
        IndicatorTarget = indicatorTarget;
        _problems = problems;
    }

    /// <summary>The indicator's own target, which a rule without a target falls back to.</summary>
    public decimal? IndicatorTarget { get; }

    public string IndicatorCode { get; }

    public decimal MaxPoints { get; }

    public void Add(string code, params object?[] arguments) =>
        _problems.Add(new SchemeProblem(IndicatorCode, code, arguments));

    public void Required(string parameter, object? value)
    {
        if (value is null)
        {
            Add(SchemeErrorCodes.ParameterMissing, parameter);
        }
    }

    public void NonNegative(string parameter, decimal? value)
    {
        if (value < 0)
        {
            Add(SchemeErrorCodes.ParameterNegative, parameter, value);
        }
    }

    public void Positive(string parameter, decimal? value)
    {
        if (value is not null && value <= 0)
        {
            Add(SchemeErrorCodes.ParameterNotPositive, parameter, value);
        }
    }

    public void AtMostMax(string parameter, decimal? value)
    {
        if (value > MaxPoints)
        {
            Add(SchemeErrorCodes.ParameterAboveMax, parameter, value, MaxPoints);
        }
    }

    /// <summary>Points of a band or score: 0 ≤ points ≤ max.</summary>
    public void Points(string parameter, decimal? value)
    {
        NonNegative(parameter, value);
        AtMostMax(parameter, value);
    }

    /// <summary>
    /// Bands listed best first: thresholds strictly descending (higher is better) or ascending (lower is
    /// better), points never rising down the list, and the fallback no better than the last band.
    /// </summary>
    public void Bands(string parameter, IReadOnlyList<ScoreBand>? bands, BetterDirection direction, decimal otherwise, bool thresholdsNonNegative)
    {
        if (bands is null || bands.Count == 0)
        {
            Add(SchemeErrorCodes.BandsEmpty, parameter);
            return;
        }

        for (var i = 0; i < bands.Count; i++)
        {
            var band = bands[i];
            Points($"{parameter}[{i}].points", band.Points);
            if (thresholdsNonNegative)
            {
                NonNegative($"{parameter}[{i}].at", band.At);
            }

            if (i == 0)
            {
                continue;
            }

            var previous = bands[i - 1];
            var ordered = direction == BetterDirection.Higher ? band.At < previous.At : band.At > previous.At;
            if (!ordered)
            {
                Add(SchemeErrorCodes.BandsNotOrdered, parameter, i);
            }

            if (band.Points > previous.Points)
            {
                Add(SchemeErrorCodes.BandPointsNotMonotonic, parameter, i);
            }
        }

        Points($"{parameter}.otherwise", otherwise);
        if (otherwise > bands[^1].Points)
        {
            Add(SchemeErrorCodes.BandPointsNotMonotonic, parameter, bands.Count);
        }
    }

    public void Steps(decimal? per, decimal unitStep, decimal? cap, decimal floor)
    {
        Required("per", per);
        NonNegative("per", per);
        Positive("unit_step", unitStep);
        NonNegative("cap", cap);
        AtMostMax("cap", cap);
        Points("floor", floor);
    }
}

/// <summary>Everything a rule may read to score one city's line.</summary>
public sealed class RuleInput
{
    public required IndicatorDefinition Indicator { get; init; }

    /// <summary>What the city reported for this indicator; null when nothing at all was reported.</summary>
    public IndicatorValue? Reported { get; init; }

    /// <summary>The numeric value: reported, or computed by the indicator's formula.</summary>
    public decimal? Value { get; init; }

    public required ReferenceData Reference { get; init; }

    /// <summary>A city-specific target from its agreement, which replaces the scheme's target.</summary>
    public decimal? TargetOverride { get; init; }

    public required RoundingSettings Rounding { get; init; }

    /// <summary>The parsed expression of a <see cref="FormulaRule"/>.</summary>
    public FormulaNode? RuleFormula { get; init; }

    /// <summary>Resolves data item and indicator codes for formula rules.</summary>
    public IFormulaVariables? Variables { get; init; }

    public decimal Max => Indicator.MaxPoints;

    public string Name => Indicator.Name;

    public string NameEn => Indicator.NameEn ?? Indicator.Name;

    public string? Unit => Indicator.Unit;

    public string? UnitEn => Indicator.UnitEn ?? Indicator.Unit;

    public decimal Round(decimal value) => Rounding.Round(value);
}

/// <summary>A line's outcome with its explanation in both languages.</summary>
public sealed record RuleResult(LineStatus Status, decimal Points, BilingualText Explanation)
{
    public static RuleResult Scored(decimal points, string zhHans, string en) => new(LineStatus.Scored, points, new BilingualText(zhHans, en));

    public static RuleResult Unreported(string zhHans, string en) => new(LineStatus.Unreported, 0m, new BilingualText(zhHans, en));

    public static RuleResult Error(string zhHans, string en) => new(LineStatus.Error, 0m, new BilingualText(zhHans, en));

    public static RuleResult NoValue(RuleInput input) =>
        Unreported($"{input.Name} 未填报，得0分", $"{input.NameEn}: not reported, scores 0");
}

public readonly record struct BilingualText(string ZhHans, string En)
{
    public override string ToString() => ZhHans;
}

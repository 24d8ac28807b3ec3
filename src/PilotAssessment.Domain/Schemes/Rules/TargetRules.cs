using PilotAssessment.Schemes.Scoring;
using static PilotAssessment.Schemes.Rules.RuleMath;

namespace PilotAssessment.Schemes.Rules;

/// <summary>
/// Higher is better: points = max × min(actual / target, 1). Lower is better: full at or under the target;
/// beyond it each <see cref="UnitStep"/> deducts <see cref="Per"/> down to <see cref="Floor"/>, or without
/// <see cref="Per"/> points = max × target / actual. A city's agreement may override the target.
/// </summary>
public sealed record RatioToTargetRule : ScoringRule
{
    public const string KindName = "ratio_to_target";

    protected override string DiscriminatorName => KindName;

    public BetterDirection Dir { get; init; } = BetterDirection.Higher;

    public decimal? Target { get; init; }

    public decimal? Per { get; init; }

    public decimal UnitStep { get; init; } = 1m;

    public StepCounting Steps { get; init; } = StepCounting.Proportional;

    public decimal Floor { get; init; }

    public override void Validate(RuleValidation validation)
    {
        var target = Target ?? validation.IndicatorTarget;
        validation.Required("target", target);
        if (Dir == BetterDirection.Higher)
        {
            validation.Positive("target", target);
        }
        else
        {
            validation.NonNegative("target", target);
        }

        validation.NonNegative("per", Per);
        validation.Positive("unit_step", UnitStep);
        validation.Points("floor", Floor);
    }

    public override RuleResult Score(RuleInput input)
    {
        if (input.Value is not { } value)
        {
            return RuleResult.NoValue(input);
        }

        var unit = input.Unit;
        var unitEn = input.UnitEn;
        var target = input.TargetOverride ?? Target ?? input.Indicator.Target ?? 0m;
        var targetZh = input.TargetOverride is null ? "目标" : "责任书目标";
        var targetEn = input.TargetOverride is null ? "target" : "agreed target";
        if (Dir == BetterDirection.Higher)
        {
            if (target <= 0)
            {
                return RuleResult.Error($"{input.Name} {targetZh}值必须大于0", $"{input.NameEn}: the {targetEn} must be above 0");
            }

            var completion = Math.Max(0m, Math.Min(value / target, 1m));
            var points = input.Max * completion;
            var rounded = input.Round(points);
            return RuleResult.Scored(
                points,
                $"{input.Name} {V(value, unit)}，{targetZh}{V(target, unit)}，完成{N2(value / target * 100m)}%，得{N(rounded)}分",
                $"{input.NameEn} {VEn(value, unitEn)}, {targetEn} {VEn(target, unitEn)}, {N2(value / target * 100m)}% achieved, scores {N(rounded)}");
        }

        if (value <= target)
        {
            return RuleResult.Scored(input.Max, $"{input.Name} {V(value, unit)}，不高于{targetZh}{V(target, unit)}，得满分{N(input.Max)}分", $"{input.NameEn} {VEn(value, unitEn)}, within the {targetEn} {VEn(target, unitEn)}, full {N(input.Max)}");
        }

        var excess = value - target;
        if (Per is { } per)
        {
            var points = Deduct(input, input.Max, per * RuleMath.Steps(excess, UnitStep, Steps), null, Floor, out var deduction);
            return RuleResult.Scored(
                points,
                $"{input.Name} {V(value, unit)}，超出{targetZh}{V(target, unit)}共{Gap(excess, unit)}，每{N(UnitStep)}扣{N(per)}分，扣{N(deduction)}分，得{N(points)}分",
                $"{input.NameEn} {VEn(value, unitEn)}, {GapEn(excess, unitEn)} over the {targetEn} {VEn(target, unitEn)}, −{N(per)} per {N(UnitStep)}, −{N(deduction)}, scores {N(points)}");
        }

        var ratioPoints = Math.Max(Floor, input.Max * target / value);
        var ratioRounded = input.Round(ratioPoints);
        return RuleResult.Scored(
            ratioPoints,
            $"{input.Name} {V(value, unit)}，高于{targetZh}{V(target, unit)}，按{targetZh}/实际值计得{N(ratioRounded)}分",
            $"{input.NameEn} {VEn(value, unitEn)}, over the {targetEn} {VEn(target, unitEn)}, scored as target/actual: {N(ratioRounded)}");
    }
}

/// <summary>
/// 同比: improved (下降, for lower-is-better) earns <see cref="Improved"/>, unchanged earns <see cref="Flat"/>;
/// worse deducts <see cref="Per"/> per <see cref="UnitStep"/> of change from <see cref="Flat"/>, down to <see cref="Floor"/>.
/// Both default to the item's maximum.
/// </summary>
public sealed record YoyChangeRule : ScoringRule
{
    public const string KindName = "yoy_change";

    protected override string DiscriminatorName => KindName;

    public BetterDirection Dir { get; init; } = BetterDirection.Lower;

    public ChangeMeasure Measure { get; init; } = ChangeMeasure.PercentChange;

    public decimal? Per { get; init; }

    public decimal UnitStep { get; init; } = 1m;

    public StepCounting Steps { get; init; } = StepCounting.Proportional;

    public decimal? Cap { get; init; }

    public decimal Floor { get; init; }

    /// <summary>Points when the value improved (C01: 同比下降得5分).</summary>
    public decimal? Improved { get; init; }

    /// <summary>Points when unchanged, and the base that a worsening deducts from (C01: 持平得4分).</summary>
    public decimal? Flat { get; init; }

    public override void Validate(RuleValidation validation)
    {
        validation.Steps(Per, UnitStep, Cap, Floor);
        validation.Points("improved", Improved);
        validation.Points("flat", Flat);
        if (Improved is { } improved && Flat is { } flat && flat > improved)
        {
            validation.Add(SchemeErrorCodes.BandPointsNotMonotonic, "flat", 1);
        }
    }

    public override RuleResult Score(RuleInput input)
    {
        if (input.Value is not { } value)
        {
            return RuleResult.NoValue(input);
        }

        var unit = input.Unit;
        var unitEn = input.UnitEn;
        decimal change;
        string detailZh, detailEn, changeUnit;
        if (Measure == ChangeMeasure.Reported)
        {
            change = value;
            changeUnit = unit ?? string.Empty;
            detailZh = string.Empty;
            detailEn = string.Empty;
        }
        else
        {
            if (!input.Reference.LastYearValues.TryGetValue(input.Indicator.Code, out var last))
            {
                return RuleResult.Error($"{input.Name} 缺少上年数据，无法计算同比", $"{input.NameEn}: last year's value is missing, cannot compare");
            }

            if (Measure == ChangeMeasure.PercentChange)
            {
                if (last == 0m && value != 0m)
                {
                    return RuleResult.Error($"{input.Name} 上年为0，无法计算同比变化率", $"{input.NameEn}: last year was 0, the change rate is undefined");
                }

                change = last == 0m ? 0m : (value - last) / last * 100m;
                changeUnit = string.Empty;
            }
            else
            {
                change = value - last;
                changeUnit = unit ?? string.Empty;
            }

            detailZh = $"本年{N(value)}，上年{N(last)}，";
            detailEn = $"this year {N(value)}, last year {N(last)}, ";
        }

        var worsening = Dir == BetterDirection.Lower ? change : -change;
        var directionZh = change > 0 ? "上升" : "下降";
        var directionEn = change > 0 ? "up" : "down";
        var flatPoints = Flat ?? input.Max;
        if (change == 0)
        {
            return RuleResult.Scored(flatPoints, $"{input.Name} {detailZh}同比持平，得{N(flatPoints)}分", $"{input.NameEn}: {detailEn}unchanged, scores {N(flatPoints)}");
        }

        // A percent change reads "上升4.5%"; a difference of rates reads "上升4.5个百分点".
        var magnitudeZh = Measure == ChangeMeasure.PercentChange ? $"{N2(Math.Abs(change))}%" : $"{Gap(Math.Abs(change), changeUnit)}";
        var magnitudeEn = Measure == ChangeMeasure.PercentChange ? $"{N2(Math.Abs(change))}%" : $"{GapEn(Math.Abs(change), unitEn)}";
        if (worsening < 0)
        {
            var improved = Improved ?? input.Max;
            return RuleResult.Scored(improved, $"{input.Name} {detailZh}同比{directionZh}{magnitudeZh}，得{N(improved)}分", $"{input.NameEn}: {detailEn}{directionEn} {magnitudeEn}, scores {N(improved)}");
        }

        var points = Deduct(input, flatPoints, (Per ?? 0m) * RuleMath.Steps(worsening, UnitStep, Steps), Cap, Floor, out var deduction);
        return RuleResult.Scored(
            points,
            $"{input.Name} {detailZh}同比{directionZh}{magnitudeZh}，在{N(flatPoints)}分基础上扣{N(deduction)}分{CapZh(Cap)}，得{N(points)}分",
            $"{input.NameEn}: {detailEn}{directionEn} {magnitudeEn}, −{N(deduction)} from {N(flatPoints)}{CapEn(Cap)}, scores {N(points)}");
    }
}

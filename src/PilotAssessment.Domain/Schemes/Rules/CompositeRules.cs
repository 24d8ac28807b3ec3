using PilotAssessment.Schemes.Formulas;
using static PilotAssessment.Schemes.Rules.RuleMath;

namespace PilotAssessment.Schemes.Rules;

/// <summary>民调 (e.g. 九率一度): rates combined with weights; points = max × min(composite / full_at, 1).</summary>
public sealed record SurveyCompositeRule : ScoringRule
{
    public const string KindName = "survey_composite";

    protected override string DiscriminatorName => KindName;

    public IReadOnlyList<SurveyComponent> Components { get; init; } = [];

    public decimal FullAt { get; init; } = 100m;

    public override void Validate(RuleValidation validation)
    {
        if (Components.Count == 0)
        {
            validation.Add(SchemeErrorCodes.ParameterMissing, "components");
        }

        for (var i = 0; i < Components.Count; i++)
        {
            validation.Positive($"components[{i}].weight", Components[i].Weight);
        }

        foreach (var duplicate in Components.GroupBy(c => c.Key).Where(g => g.Count() > 1))
        {
            validation.Add(SchemeErrorCodes.DuplicateKey, "components", duplicate.Key);
        }

        validation.Positive("full_at", FullAt);
    }

    public override RuleResult Score(RuleInput input)
    {
        if (input.Reported?.SurveyRates is not { } rates)
        {
            return RuleResult.NoValue(input);
        }

        var missing = Components.Where(c => !rates.ContainsKey(c.Key)).Select(c => c.Name ?? c.Key).ToList();
        if (missing.Count > 0)
        {
            return RuleResult.Unreported($"{input.Name} 缺少调查结果：{string.Join("、", missing)}，得0分", $"{input.NameEn}: survey results missing ({string.Join(", ", missing)}), scores 0");
        }

        var totalWeight = Components.Sum(c => c.Weight);
        var composite = Components.Sum(c => c.Weight * rates[c.Key]) / totalWeight;
        var points = input.Max * Math.Clamp(composite / FullAt, 0m, 1m);
        var rounded = input.Round(points);
        var parts = string.Join("，", Components.Select(c => $"{c.Name ?? c.Key}{N(rates[c.Key])}%×{N(c.Weight)}"));
        var partsEn = string.Join(", ", Components.Select(c => $"{c.NameEn ?? c.Name ?? c.Key} {N(rates[c.Key])}% × {N(c.Weight)}"));
        return RuleResult.Scored(
            points,
            $"{input.Name} 综合{N2(composite)}%（{parts}），满分线{N(FullAt)}%，得{N(rounded)}分",
            $"{input.NameEn}: composite {N2(composite)}% ({partsEn}), full at {N(FullAt)}%, scores {N(rounded)}");
    }
}

public sealed record SurveyComponent
{
    public required string Key { get; init; }

    public string? Name { get; init; }

    public string? NameEn { get; init; }

    public decimal Weight { get; init; } = 1m;
}

/// <summary>
/// Points computed by an expression of the formula language over data items, indicator values and
/// <c>value</c>, <c>max</c>, <c>target</c>; the result is kept within 0..max.
/// </summary>
public sealed record FormulaRule : ScoringRule
{
    public const string KindName = "formula";

    protected override string DiscriminatorName => KindName;

    public string Expression { get; init; } = string.Empty;

    /// <summary>Names a rule expression may use besides scheme codes.</summary>
    public static readonly IReadOnlySet<string> ReservedNames = new HashSet<string>(StringComparer.Ordinal) { "value", "max", "target" };

    // Parsing and code checks need the whole scheme, so SchemeValidator does them.
    public override void Validate(RuleValidation validation)
    {
        if (string.IsNullOrWhiteSpace(Expression))
        {
            validation.Add(SchemeErrorCodes.FormulaMissing, "expression");
        }
    }

    public override RuleResult Score(RuleInput input)
    {
        if (input.RuleFormula is not { } formula || input.Variables is not { } variables)
        {
            return RuleResult.Error($"{input.Name} 公式无效", $"{input.NameEn}: invalid formula");
        }

        var scope = new RuleScope(variables, input);
        var points = formula.Evaluate(scope);
        var rounded = input.Round(Math.Clamp(points, 0m, input.Max));
        var valueZh = input.Value is { } v ? $" {V(v, input.Indicator.Unit)}，" : " ";
        var valueEn = input.Value is { } ve ? $" {VEn(ve, input.UnitEn)}," : string.Empty;
        return RuleResult.Scored(points, $"{input.Name}{valueZh}按公式 {Expression} 计得{N(rounded)}分", $"{input.NameEn}{valueEn} by formula {Expression}: {N(rounded)}");
    }

    private sealed class RuleScope(IFormulaVariables outer, RuleInput input) : IFormulaVariables
    {
        public bool TryGet(string code, out decimal value)
        {
            switch (code)
            {
                case "value" when input.Value is { } v:
                    value = v;
                    return true;
                case "max":
                    value = input.Max;
                    return true;
                case "target" when (input.TargetOverride ?? input.Indicator.Target) is { } t:
                    value = t;
                    return true;
                default:
                    return outer.TryGet(code, out value);
            }
        }
    }
}

using System.Text.RegularExpressions;
using PilotAssessment.Schemes.Rules;
using static PilotAssessment.Schemes.Rules.RuleMath;

namespace PilotAssessment.Schemes.RuleText;

/// <summary>
/// Writes an indicator's rule as an official would (≥95%得3分；≥85%得2分…), in Simplified Chinese and English,
/// from the rule's parameters only. Uses the wording of the scoring explanations (得…分, 扣完为止, 百分点); never a
/// parameter key, a code or true/false. Shown and printed beside the official's own wording (<see cref="IndicatorDefinition.RuleText"/>).
/// </summary>
public static partial class RuleTextGenerator
{
    private static readonly Dictionary<string, (string ZhHans, string En)> FlagLabels = new(StringComparer.Ordinal)
    {
        ["major_event_period"] = ("重大活动安保期间发生", "during a major-event security period"),
        ["repeated"] = ("重复发生", "when repeated"),
        ["not_rectified"] = ("整改不到位", "when not rectified"),
    };

    /// <summary>The rule of <paramref name="indicator"/> in words; <paramref name="definition"/> names the codes a formula uses.</summary>
    public static BilingualText Generate(IndicatorDefinition indicator, SchemeDefinition? definition = null)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var c = new Context(indicator, definition);
        var (zh, en) = indicator.Rule switch
        {
            ThresholdBandsRule r => Threshold(r, c),
            PerOccurrenceDeductionRule r => PerOccurrence(r, c),
            RatioToTargetRule r => Ratio(r, c),
            YoyChangeRule r => Yoy(r, c),
            ReferenceComparisonRule r => Reference(r, c),
            ShortfallBandsRule r => Shortfall(r, c),
            RankBasedRule r => Rank(r, c),
            RankChangeRule r => RankChange(r, c),
            QualitativeGradeRule r => Qualitative(r, c),
            ChecklistRule r => Checklist(r, c),
            SurveyCompositeRule r => Survey(r, c),
            FormulaRule r => Formula(r, c),
            _ => ("未设置计分规则", "No scoring rule"),
        };

        if (indicator.Rule?.MissingScoresFull == true)
        {
            zh += "；未填报的得满分";
            en += "; not reported: full points";
        }

        return new BilingualText(zh + "。", Capitalize(en) + ".");
    }

    private sealed class Context(IndicatorDefinition indicator, SchemeDefinition? definition)
    {
        public decimal Max { get; } = indicator.MaxPoints;

        public string? Unit { get; } = indicator.Unit;

        public string? UnitEn { get; } = indicator.UnitEn ?? indicator.Unit;

        public decimal? Target { get; } = indicator.Target;

        public SchemeDefinition? Definition { get; } = definition;

        /// <summary>起 / 次 / 批次 as the scheme counts occurrences; a percentage unit makes no sense for a count.</summary>
        public string CountUnit => Unit is { Length: > 0 } u && u != "%" && u != "‰" ? u : "次";
    }

    private static string Pts(decimal points) => points == 1 ? "1 point" : $"{N(points)} points";

    /// <summary>A step as the explanations write a distance, singular for one (1 percentage point).</summary>
    private static string StepEn(decimal step, string? unit)
    {
        var text = GapEn(step, unit).ToString();
        return step == 1 ? text.Replace(" points", " point", StringComparison.Ordinal) : text;
    }

    private static string Capitalize(string text) => text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    private static (string, string) Join(List<string> zh, List<string> en) => (string.Join("；", zh), string.Join("; ", en));

    private static void Limit(decimal? cap, decimal floor, List<string> zh, List<string> en)
    {
        if (cap is { } c)
        {
            zh.Add($"最多扣{N(c)}分");
            en.Add($"at most {Pts(c)} off");
        }

        if (floor > 0)
        {
            zh.Add($"最低得{N(floor)}分");
            en.Add($"no less than {Pts(floor)}");
        }
        else if (cap is null)
        {
            zh.Add("扣完为止");
            en.Add("down to 0");
        }
    }

    /// <summary>Whole and started steps change how a part of a step counts; proportional (the default) needs no words.</summary>
    private static void StepWords(StepCounting steps, decimal unitStep, string? unit, string? unitEn, List<string> zh, List<string> en)
    {
        if (steps == StepCounting.WholeSteps)
        {
            zh.Add($"不足{Gap(unitStep, unit)}的部分不扣分");
            en.Add($"a part short of {StepEn(unitStep, unitEn)} is not counted");
        }
        else if (steps == StepCounting.StartedSteps)
        {
            zh.Add($"不足{Gap(unitStep, unit)}的按{Gap(unitStep, unit)}计");
            en.Add($"a part of {StepEn(unitStep, unitEn)} counts as a whole one");
        }
    }

    private static (string, string) Threshold(ThresholdBandsRule r, Context c)
    {
        var (signZh, signEn) = r.Dir == BetterDirection.Higher ? ("≥", "≥ ") : ("≤", "≤ ");
        // A last band that earns what "otherwise" earns (≥0%得0分) says nothing "其余" does not.
        var bands = r.Bands.Count > 1 && r.Bands[^1].Points == r.Otherwise ? r.Bands.Take(r.Bands.Count - 1) : r.Bands;
        var zh = bands.Select(b => $"{signZh}{V(b.At, c.Unit)}得{N(b.Points)}分").ToList();
        var en = bands.Select(b => $"{signEn}{VEn(b.At, c.UnitEn)}: {Pts(b.Points)}").ToList();
        zh.Add($"其余得{N(r.Otherwise)}分");
        en.Add($"otherwise {Pts(r.Otherwise)}");
        return Join(zh, en);
    }

    private static (string, string) PerOccurrence(PerOccurrenceDeductionRule r, Context c)
    {
        var zh = new List<string>();
        var en = new List<string>();
        foreach (var rate in r.Rates)
        {
            var label = rate.Name ?? "其他情形";
            var labelEn = rate.NameEn ?? rate.Name ?? "another kind";
            zh.Add($"{label}每{c.CountUnit}扣{N(rate.Per)}分");
            en.Add($"{Pts(rate.Per)} off for each occurrence {labelEn}");
        }

        if (r.Per is { } per)
        {
            zh.Add(r.Rates.Count == 0 ? $"每发生1{c.CountUnit}扣{N(per)}分" : $"其他每{c.CountUnit}扣{N(per)}分");
            en.Add(r.Rates.Count == 0 ? $"{Pts(per)} off for each occurrence" : $"{Pts(per)} off for each other occurrence");
        }

        if (r.DoubleWhen.Count > 0)
        {
            var labels = r.DoubleWhen.Select(f => FlagLabels.TryGetValue(f, out var l) ? l : (ZhHans: "特定情形下", En: "in a marked case")).ToList();
            zh.Add($"{string.Join("或", labels.Select(l => l.ZhHans))}的加倍扣分");
            en.Add($"doubled {string.Join(" or ", labels.Select(l => l.En))}");
        }

        Limit(r.Cap, r.Floor, zh, en);
        return Join(zh, en);
    }

    private static (string, string) Ratio(RatioToTargetRule r, Context c)
    {
        var target = r.Target ?? c.Target;
        var zh = new List<string>();
        var en = new List<string>();
        if (target is not { } t)
        {
            zh.Add("目标值未设定");
            en.Add("no target set");
        }
        else if (r.Dir == BetterDirection.Higher)
        {
            zh.Add($"目标{V(t, c.Unit)}");
            zh.Add($"得分={N(c.Max)}分×实际值/目标值，最高{N(c.Max)}分");
            en.Add($"target {VEn(t, c.UnitEn)}");
            en.Add($"points = {N(c.Max)} × actual / target, at most {Pts(c.Max)}");
        }
        else
        {
            zh.Add($"不高于目标值{V(t, c.Unit)}得满分{N(c.Max)}分");
            en.Add($"at or below the target {VEn(t, c.UnitEn)}: full {Pts(c.Max)}");
            if (r.Per is { } per)
            {
                zh.Add($"超出部分每{Gap(r.UnitStep, c.Unit)}扣{N(per)}分");
                en.Add($"{Pts(per)} off for every {StepEn(r.UnitStep, c.UnitEn)} over it");
                StepWords(r.Steps, r.UnitStep, c.Unit, c.UnitEn, zh, en);
                Limit(null, r.Floor, zh, en);
            }
            else
            {
                zh.Add($"超出的得分={N(c.Max)}分×目标值/实际值");
                en.Add($"over it, points = {N(c.Max)} × target / actual");
                if (r.Floor > 0)
                {
                    zh.Add($"最低得{N(r.Floor)}分");
                    en.Add($"no less than {Pts(r.Floor)}");
                }
            }
        }

        return Join(zh, en);
    }

    private static (string, string) Formula(FormulaRule r, Context c)
    {
        var names = new Dictionary<string, (string ZhHans, string En)>(StringComparer.Ordinal)
        {
            ["value"] = ("实际值", "actual"),
            ["max"] = ("分值", "maximum"),
            ["target"] = ("目标值", "target"),
        };
        foreach (var indicator in c.Definition?.AllIndicators() ?? [])
        {
            names.TryAdd(indicator.Code, (indicator.Name, indicator.NameEn ?? indicator.Name));
        }

        foreach (var item in c.Definition?.DataItems ?? [])
        {
            names.TryAdd(item.Code, (item.Name, item.NameEn ?? item.Name));
        }

        // A name followed by "(" is a function (min, max, abs, if) and stays as written.
        string Words(bool english) => Identifier().Replace(r.Expression, m =>
            m.Index + m.Length < r.Expression.Length && r.Expression[m.Index + m.Length] == '(' || !names.TryGetValue(m.Value, out var name)
                ? m.Value
                : english ? name.En : name.ZhHans);
        return ($"得分={Words(false)}，在0至{N(c.Max)}分之间", $"points = {Words(true)}, between 0 and {N(c.Max)}");
    }

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Identifier();
}

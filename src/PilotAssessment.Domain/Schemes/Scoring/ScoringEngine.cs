using System.Runtime.CompilerServices;
using PilotAssessment.Schemes.Formulas;
using PilotAssessment.Schemes.Rules;
using static PilotAssessment.Schemes.Rules.RuleMath;
using static PilotAssessment.Schemes.Scoring.ScoringTotals;

namespace PilotAssessment.Schemes.Scoring;

/// <summary>
/// Turns a scheme definition and one city's values into a score sheet. Pure and thread-safe; formulas are
/// parsed once per definition instance and cached. Every line and total is rounded as the scheme says;
/// a missing value makes the line Unreported (0 points) and a failed computation makes it Error, never a crash.
/// </summary>
public sealed class ScoringEngine
{
    private static readonly ConditionalWeakTable<SchemeDefinition, CompiledScheme> Cache = new();

    public ScoreSheet Score(
        SchemeDefinition definition,
        CityPeriodValues values,
        ReferenceData? reference = null,
        IReadOnlyDictionary<string, decimal>? targetOverrides = null,
        IReadOnlyDictionary<string, decimal>? pointOverrides = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(values);
        var scheme = Cache.GetValue(definition, d => new CompiledScheme(d));
        reference ??= ReferenceData.Empty;
        var rounding = definition.Rounding;
        var scope = new CityScope(scheme, values);

        var lines = new ScoreLine[scheme.Indicators.Length];
        var indicatorPoints = 0m;
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = ScoreLine(scheme.Indicators[i], values, reference, targetOverrides, rounding, scope);
            if (pointOverrides is not null && pointOverrides.TryGetValue(lines[i].IndicatorCode, out var confirmed))
            {
                lines[i] = Override(lines[i], confirmed, rounding);
            }

            indicatorPoints += lines[i].Points;
        }

        var categories = new CategoryScore[scheme.Categories.Length];
        for (var i = 0; i < categories.Length; i++)
        {
            var category = scheme.Categories[i];
            var points = 0m;
            foreach (var index in category.LineIndexes)
            {
                points += lines[index].Points;
            }

            var percent = Percent(points, category.MaxPoints);
            categories[i] = new CategoryScore
            {
                Code = category.Definition.Code,
                Name = category.Definition.Name,
                ParentCode = category.ParentCode,
                Depth = category.Depth,
                MaxPoints = category.MaxPoints,
                Points = rounding.Round(points),
                Percent = percent,
                Colour = Colour(definition, percent),
            };
        }

        var (bonusLines, bonusBeforeCap, bonus) = ScoreBonus(definition, values, rounding);
        var vetoes = FiredVetoes(definition, scheme, values, scope);

        var vetoDeduction = 0m;
        var zeroed = false;
        var awardEligible = true;
        foreach (var veto in vetoes)
        {
            awardEligible &= !veto.Consequence.AwardIneligible;
            switch (veto.Consequence)
            {
                case FixedDeductionConsequence deduction:
                    vetoDeduction += deduction.Points;
                    break;
                case TotalZeroedConsequence:
                    zeroed = true;
                    break;
            }
        }

        indicatorPoints = rounding.Round(indicatorPoints);
        var total = zeroed ? 0m : rounding.Round(Math.Max(0m, indicatorPoints + bonus - vetoDeduction));
        var scoreGradeIndex = GradeIndex(definition.Grades, total);
        var gradeIndex = ApplyVetoGrades(definition.Grades, scoreGradeIndex, vetoes);
        var totalPercent = Percent(total, scheme.MaxPoints);

        return new ScoreSheet
        {
            CityKey = values.CityKey,
            Lines = lines,
            Categories = categories,
            BonusLines = bonusLines,
            BonusBeforeCap = bonusBeforeCap,
            Bonus = bonus,
            Vetoes = vetoes,
            IndicatorPoints = indicatorPoints,
            MaxPoints = scheme.MaxPoints,
            VetoDeduction = rounding.Round(vetoDeduction),
            Total = total,
            Percent = totalPercent,
            ScoreGrade = scoreGradeIndex < 0 ? null : definition.Grades[scoreGradeIndex].Name,
            Grade = gradeIndex < 0 ? null : definition.Grades[gradeIndex].Name,
            AwardEligible = awardEligible,
            Colour = Colour(definition, totalPercent),
        };
    }

    private static ScoreLine ScoreLine(
        CompiledIndicator entry,
        CityPeriodValues values,
        ReferenceData reference,
        IReadOnlyDictionary<string, decimal>? targetOverrides,
        RoundingSettings rounding,
        CityScope scope)
    {
        var indicator = entry.Definition;
        values.Indicators.TryGetValue(indicator.Code, out var reported);
        decimal? value = null;
        RuleResult result;
        try
        {
            if (entry.Problem is { } problem)
            {
                result = RuleResult.Error($"{indicator.Name} {problem.ZhHans}", $"{indicator.NameEn ?? indicator.Name}: {problem.En}");
            }
            else
            {
                value = entry.ValueFormula is null ? reported?.Number : scope.Evaluate(indicator.Code);
                var input = new RuleInput
                {
                    Indicator = indicator,
                    Reported = reported,
                    Value = value,
                    Reference = reference,
                    TargetOverride = targetOverrides is not null && targetOverrides.TryGetValue(indicator.Code, out var target) ? target : null,
                    Rounding = rounding,
                    RuleFormula = entry.RuleFormula,
                    Variables = scope,
                };
                result = indicator.Rule.Score(input);
            }
        }
        catch (FormulaMissingValueException missing)
        {
            result = RuleResult.Unreported($"{indicator.Name} 缺少数据“{missing.Code}”，得0分", $"{indicator.NameEn ?? indicator.Name}: no value for \"{missing.Code}\", scores 0");
        }
        catch (FormulaEvaluationException failure)
        {
            var (zh, en) = failure.Error switch
            {
                FormulaEvaluationError.DivisionByZero => ("除数为0", "division by zero"),
                FormulaEvaluationError.Cycle => ("公式循环引用", "circular formula"),
                FormulaEvaluationError.ChainTooLong => ("公式层层引用过多", "too many formulas depend on each other"),
                _ => ("数值溢出", "numeric overflow"),
            };
            result = RuleResult.Error($"{indicator.Name} 公式计算出错：{zh}（第{failure.Position}个字符）", $"{indicator.NameEn ?? indicator.Name}: formula failed: {en} at position {failure.Position}");
        }
        catch (OverflowException)
        {
            // An absurd value (say 1e28 reported by mistake) must not stop the whole sheet.
            result = RuleResult.Error($"{indicator.Name} 数值超出可计算范围", $"{indicator.NameEn ?? indicator.Name}: the value is too large to score");
        }

        if (result.Status == LineStatus.Unreported && indicator.Rule.MissingScoresFull)
        {
            result = RuleResult.Scored(indicator.MaxPoints, $"{indicator.Name} 未填报，按规则得满分{N(indicator.MaxPoints)}分", $"{indicator.NameEn ?? indicator.Name}: not reported, full {N(indicator.MaxPoints)} by rule");
        }

        var points = result.Status == LineStatus.Scored ? rounding.Round(Math.Clamp(result.Points, 0m, indicator.MaxPoints)) : 0m;
        return new ScoreLine
        {
            IndicatorCode = indicator.Code,
            IndicatorName = indicator.Name,
            CategoryCode = entry.CategoryCode,
            RuleKind = indicator.Rule.Kind,
            MaxPoints = indicator.MaxPoints,
            Value = value,
            Points = points,
            Status = result.Status,
            Explanation = result.Explanation,
        };
    }

    // The auditor's confirmed score replaces the computed one; subtotals, total, grade and vetoes follow it.
    private static ScoreLine Override(ScoreLine line, decimal points, RoundingSettings rounding)
    {
        var confirmed = rounding.Round(Math.Clamp(points, 0m, line.MaxPoints));
        return line with
        {
            Points = confirmed,
            Status = LineStatus.Scored,
            Explanation = new BilingualText($"{line.Explanation.ZhHans}；审核确认得{N(confirmed)}分", $"{line.Explanation.En}; confirmed by review at {N(confirmed)}"),
        };
    }
}

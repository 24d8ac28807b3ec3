using PilotAssessment.Schemes.Formulas;
using PilotAssessment.Schemes.Rules;
using static PilotAssessment.Schemes.Rules.RuleMath;

namespace PilotAssessment.Schemes.Scoring;

/// <summary>What <see cref="ScoringEngine"/> adds up after the lines: bonus, fired vetoes, the grade they leave, percentages and colours.</summary>
internal static class ScoringTotals
{
    public static (IReadOnlyList<BonusLine> Lines, decimal BeforeCap, decimal Bonus) ScoreBonus(SchemeDefinition definition, CityPeriodValues values, RoundingSettings rounding)
    {
        var items = definition.Bonus.Items;
        var lines = new BonusLine[items.Count];
        var sum = 0m;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            values.BonusCounts.TryGetValue(item.Code, out var count);
            count = Math.Max(0, count);
            var raw = count * item.PointsPerInstance;
            var points = rounding.Round(item.Cap is { } cap ? Math.Min(raw, cap) : raw);
            var capped = points < rounding.Round(raw);
            sum += points;
            lines[i] = new BonusLine
            {
                Code = item.Code,
                Name = item.Name,
                Count = count,
                Points = points,
                Explanation = new BilingualText(
                    $"{item.Name} {count}项×{N(item.PointsPerInstance)}分{(capped ? $"，本项最多加{N(item.Cap!.Value)}分" : string.Empty)}，加{N(points)}分",
                    $"{item.NameEn ?? item.Name}: {count} × {N(item.PointsPerInstance)}{(capped ? $", item capped at {N(item.Cap!.Value)}" : string.Empty)}, +{N(points)}"),
            };
        }

        var bonus = definition.Bonus.TotalCap is { } totalCap ? Math.Min(sum, totalCap) : sum;
        return (lines, rounding.Round(sum), rounding.Round(bonus));
    }

    public static IReadOnlyList<VetoOutcome> FiredVetoes(SchemeDefinition definition, CompiledScheme scheme, CityPeriodValues values, CityScope scope)
    {
        if (values.VetoFacts.Count == 0 && scheme.VetoConditions.Count == 0)
        {
            return [];
        }

        var fired = new List<VetoOutcome>();
        foreach (var veto in definition.Vetoes)
        {
            var byFact = values.VetoFacts.TryGetValue(veto.TriggerFact, out var holds) && holds;
            if (!byFact && !(scheme.VetoConditions.TryGetValue(veto.Code, out var condition) && ConditionHolds(condition, scope)))
            {
                continue;
            }

            var ineligibleZh = veto.Consequence.AwardIneligible ? "，取消评优资格" : string.Empty;
            var ineligibleEn = veto.Consequence.AwardIneligible ? ", no awards this year" : string.Empty;
            var (zh, en) = veto.Consequence switch
            {
                FixedDeductionConsequence d => ($"总分扣{N(d.Points)}分", $"−{N(d.Points)} from the total"),
                GradeCapConsequence c => ($"等次最高为{c.MaxGrade}", $"grade at best {GradeEn(definition, c.MaxGrade)}"),
                GradeSetConsequence s => ($"等次定为{s.Grade}", $"grade set to {GradeEn(definition, s.Grade)}"),
                TotalZeroedConsequence => ("总分计为0分", "total set to 0"),
                _ => (veto.Consequence.Kind, veto.Consequence.Kind),
            };
            fired.Add(new VetoOutcome
            {
                Code = veto.Code,
                Name = veto.Name,
                Consequence = veto.Consequence,
                Effect = new BilingualText($"否决：{veto.Name}，{zh}{ineligibleZh}", $"Veto {veto.NameEn ?? veto.Name}: {en}{ineligibleEn}"),
            });
        }

        return fired;
    }

    public static string GradeEn(SchemeDefinition definition, string grade) =>
        definition.Grades.FirstOrDefault(g => g.Name == grade || g.Key == grade)?.NameEn ?? grade;

    public static bool ConditionHolds(FormulaNode condition, CityScope scope)
    {
        try
        {
            return condition.Evaluate(scope) != 0m;
        }
        catch (FormulaMissingValueException)
        {
            return false;
        }
        catch (FormulaEvaluationException)
        {
            return false;
        }
    }

    public static int GradeIndex(IReadOnlyList<GradeBand> grades, decimal total)
    {
        for (var i = 0; i < grades.Count; i++)
        {
            if (total >= grades[i].MinScore)
            {
                return i;
            }
        }

        return grades.Count - 1;
    }

    /// <summary>Grades are listed best first, so the harshest is the largest index: caps and sets can only lower a grade.</summary>
    public static int ApplyVetoGrades(IReadOnlyList<GradeBand> grades, int index, IReadOnlyList<VetoOutcome> vetoes)
    {
        foreach (var veto in vetoes)
        {
            var name = veto.Consequence switch
            {
                GradeCapConsequence cap => cap.MaxGrade,
                GradeSetConsequence set => set.Grade,
                _ => null,
            };
            if (name is null)
            {
                continue;
            }

            for (var i = 0; i < grades.Count; i++)
            {
                if (grades[i].Name == name || grades[i].Key == name)
                {
                    index = Math.Max(index, i);
                    break;
                }
            }
        }

        return index;
    }

    public static decimal Percent(decimal points, decimal max) =>
        max == 0m ? 0m : Math.Round(points / max * 100m, 2, MidpointRounding.AwayFromZero);

    public static string? Colour(SchemeDefinition definition, decimal percent)
    {
        foreach (var band in definition.Colours)
        {
            if (percent >= band.MinPercent)
            {
                return band.Name;
            }
        }

        return definition.Colours.Count == 0 ? null : definition.Colours[^1].Name;
    }
}

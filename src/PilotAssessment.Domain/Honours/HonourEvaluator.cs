namespace PilotAssessment.Honours;

/// <summary>A city's result of one final annual period of a series: its grade, whether a veto fired, or left out (未参评, no sheet).</summary>
public sealed record AnnualOutcome(Guid PeriodId, int Year, string? Grade, bool Vetoed, bool NotAssessed = false);

/// <summary>An honour a city holds: its identity within the rule, the stars (星级 rules) and the periods that earned it.</summary>
public sealed record EarnedHonour(string Key, int Stars, IReadOnlyList<Guid> PeriodIds, IReadOnlyList<int> Years);

/// <summary>
/// Which honours of a rule a city holds, from its results of the series' final annual periods in order. Pure: the same
/// results give the same honours, so re-evaluating never awards twice.
/// </summary>
public static class HonourEvaluator
{
    /// <param name="outcomes">Every final annual period of the series, oldest first; a period without the city's sheet is <see cref="AnnualOutcome.NotAssessed"/>.</param>
    public static IReadOnlyList<EarnedHonour> Evaluate(HonourRule rule, IReadOnlyList<AnnualOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(outcomes);
        return rule.Kind == HonourRuleKind.GradeCount ? Stars(rule, outcomes) : Runs(rule, outcomes);
    }

    // Every block of N consecutive counting periods earns one honour: a run of 6 earns two, a run broken after 2 none.
    private static List<EarnedHonour> Runs(HonourRule rule, IReadOnlyList<AnnualOutcome> outcomes)
    {
        var earned = new List<EarnedHonour>();
        var run = new List<AnnualOutcome>();
        foreach (var outcome in outcomes)
        {
            if (!rule.Counts(outcome))
            {
                run.Clear();
                continue;
            }

            run.Add(outcome);
            if (run.Count == rule.Count)
            {
                earned.Add(new EarnedHonour($"run:{rule.Count}:{run[0].PeriodId:N}", 0, run.Select(o => o.PeriodId).ToList(), run.Select(o => o.Year).ToList()));
                run.Clear();
            }
        }

        return earned;
    }

    // Star k is held once k × N periods count; it was earned by the first k × N of them.
    private static List<EarnedHonour> Stars(HonourRule rule, IReadOnlyList<AnnualOutcome> outcomes)
    {
        var counting = outcomes.Where(rule.Counts).ToList();
        var earned = new List<EarnedHonour>();
        for (var stars = 1; stars * rule.Count <= counting.Count; stars++)
        {
            var by = counting.Take(stars * rule.Count).ToList();
            earned.Add(new EarnedHonour($"stars:{stars}", stars, by.Select(o => o.PeriodId).ToList(), by.Select(o => o.Year).ToList()));
        }

        return earned;
    }
}

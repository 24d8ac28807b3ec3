using System.Globalization;

namespace PilotAssessment.Schemes.Rules;

/// <summary>Shared arithmetic and wording of the rules, so every kind explains itself the same way.</summary>
internal static class RuleMath
{
    public static decimal Steps(decimal distance, decimal unitStep, StepCounting counting)
    {
        var steps = distance / unitStep;
        return counting switch
        {
            StepCounting.WholeSteps => Math.Floor(steps),
            StepCounting.StartedSteps => Math.Ceiling(steps),
            _ => steps,
        };
    }

    /// <summary>Best band first; returns the matching band's index, or -1 for the fallback.</summary>
    public static int PickBand(IReadOnlyList<ScoreBand> bands, BetterDirection direction, decimal value)
    {
        for (var i = 0; i < bands.Count; i++)
        {
            var reached = direction == BetterDirection.Higher ? value >= bands[i].At : value <= bands[i].At;
            if (reached)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Rounds the deduction first, so "扣0.63分，得5.37分" adds up as the official reads it.</summary>
    public static decimal Deduct(RuleInput input, decimal from, decimal rawDeduction, decimal? cap, decimal floor, out decimal deduction)
    {
        deduction = input.Round(cap is { } c ? Math.Min(rawDeduction, c) : rawDeduction);
        return Math.Max(floor, from - deduction);
    }

    public static string N(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    public static string N2(decimal value) => N(Math.Round(value, 2, MidpointRounding.AwayFromZero));

    public static string V(decimal value, string? unit) => unit switch
    {
        null or "" => N(value),
        "%" or "‰" => N(value) + unit,
        _ => N(value) + unit,
    };

    public static string VEn(decimal value, string? unit) => unit switch
    {
        null or "" => N(value),
        "%" or "‰" => N(value) + unit,
        _ => N(value) + " " + unit,
    };

    /// <summary>A distance between two values: 百分点 for percentages, 千分点 for per mille.</summary>
    public static string Gap(decimal distance, string? unit) => unit switch
    {
        "%" => N2(distance) + "个百分点",
        "‰" => N2(distance) + "个千分点",
        null or "" => N2(distance),
        _ => N2(distance) + unit,
    };

    public static string GapEn(decimal distance, string? unit) => unit switch
    {
        "%" => N2(distance) + " percentage points",
        "‰" => N2(distance) + " per-mille points",
        null or "" => N2(distance),
        _ => N2(distance) + " " + unit,
    };

    public static string CapZh(decimal? cap) => cap is { } c ? $"（最多扣{N(c)}分）" : string.Empty;

    public static string CapEn(decimal? cap) => cap is { } c ? $" (at most {N(c)})" : string.Empty;
}

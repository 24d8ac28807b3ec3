using System.Globalization;
using System.Text.RegularExpressions;

namespace PilotAssessment.Schemes.RuleText;

/// <summary>The generated wording of an indicator's rule and whether the official's own wording still agrees with it.</summary>
/// <param name="Generated">The rule in words, from its parameters (<see cref="RuleTextGenerator"/>).</param>
/// <param name="StaleNumbers">Numbers the official's wording states that the rule no longer contains, in the order written; empty when they agree.</param>
public sealed record RuleTextCheck(Rules.BilingualText Generated, IReadOnlyList<decimal> StaleNumbers)
{
    public bool Disagrees => StaleNumbers.Count > 0;
}

/// <summary>
/// Compares the numbers of the official's wording (考评细则原文) with those of the generated wording: a number the
/// official wrote (a threshold, points, a target, a step) that the generated wording does not contain means the
/// parameters were changed after the text was written, e.g. the text says ≥95% and the rule now starts at 90.
/// The indicator's own name is ignored (12345热线), and so are Chinese numerals (三项) and years (2026年).
/// </summary>
public static partial class RuleTextComparison
{
    public static RuleTextCheck Check(IndicatorDefinition indicator, SchemeDefinition? definition = null)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var generated = RuleTextGenerator.Generate(indicator, definition);
        return new RuleTextCheck(generated, StaleNumbers(indicator, generated.ZhHans));
    }

    /// <summary>The numbers of the official's wording that <paramref name="generatedZhHans"/> (and the maximum points) do not contain.</summary>
    public static IReadOnlyList<decimal> StaleNumbers(IndicatorDefinition indicator, string generatedZhHans)
    {
        if (string.IsNullOrWhiteSpace(indicator.RuleText))
        {
            return [];
        }

        var known = Numbers(generatedZhHans).ToHashSet();
        known.Add(indicator.MaxPoints);
        var official = indicator.RuleText;
        foreach (var name in new[] { indicator.Name, indicator.NameEn })
        {
            if (!string.IsNullOrEmpty(name))
            {
                official = official.Replace(name, " ", StringComparison.Ordinal);
            }
        }

        return Numbers(official).Where(n => !known.Contains(n)).Distinct().ToList();
    }

    /// <summary>Every number written in Arabic digits, as a normalized decimal (95.0 = 95); years before 年 are left out.</summary>
    public static IEnumerable<decimal> Numbers(string text)
    {
        foreach (Match match in Number().Matches(text))
        {
            if (decimal.TryParse(match.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                yield return value / 1.000000000000000000000000000000000m;
            }
        }
    }

    [GeneratedRegex(@"(?<![\d.])\d+(?:\.\d+)?(?![\d.]*年)")]
    private static partial Regex Number();
}

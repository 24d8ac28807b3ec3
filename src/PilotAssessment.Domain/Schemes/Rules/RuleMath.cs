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

    /// <summary>The points of the first band the value reaches (see <see cref="PickBand"/>), or <paramref name="otherwise"/>.</summary>
    public static decimal BandPoints(IReadOnlyList<ScoreBand> bands, BetterDirection direction, decimal value, decimal otherwise)
    {
        var index = PickBand(bands, direction, value);
        return index < 0 ? otherwise : bands[index].Points;
    }

    /// <summary>This year's rank in the province: the reference's when there is one, else the value entered; false when neither is there.</summary>
    public static bool TryGetRank(RuleInput input, out int rank)
    {
        if (input.Reference.Ranks.TryGetValue(input.Indicator.Code, out rank))
        {
            return true;
        }

        rank = input.Value is { } value ? (int)value : 0;
        return input.Value is not null;
    }

    /// <summary>Rounds the deduction first, so "扣0.63分，得5.37分" adds up as the official reads it.</summary>
    public static decimal Deduct(RuleInput input, decimal from, decimal rawDeduction, decimal? cap, decimal floor, out decimal deduction)
    {
        deduction = input.Round(cap is { } c ? Math.Min(rawDeduction, c) : rawDeduction);
        return Math.Max(floor, from - deduction);
    }

    public static NumberText N(decimal value) => new(value);

    public static NumberText N2(decimal value) => new(Math.Round(value, 2, MidpointRounding.AwayFromZero));

    public static NumberText V(decimal value, string? unit) => new(value, unit);

    public static NumberText VEn(decimal value, string? unit) => unit switch
    {
        null or "" or "%" or "‰" => new(value, unit),
        _ => new(value, unit, space: true),
    };

    /// <summary>A distance between two values: 百分点 for percentages, 千分点 for per mille.</summary>
    public static NumberText Gap(decimal distance, string? unit) => unit switch
    {
        "%" => new(Round2(distance), "个百分点"),
        "‰" => new(Round2(distance), "个千分点"),
        _ => new(Round2(distance), unit),
    };

    public static NumberText GapEn(decimal distance, string? unit) => unit switch
    {
        "%" => new(Round2(distance), " percentage points"),
        "‰" => new(Round2(distance), " per-mille points"),
        null or "" => new(Round2(distance)),
        _ => new(Round2(distance), unit, space: true),
    };

    private static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    public static string Places(int places) => places == 1 ? "1 place" : $"{places} places";

    public static string CapZh(decimal? cap) => cap is { } c ? $"（最多扣{N(c)}分）" : string.Empty;

    public static string CapEn(decimal? cap) => cap is { } c ? $" (at most {N(c)})" : string.Empty;
}

/// <summary>
/// A number as officials write it (no trailing zeros, invariant digits) with an optional unit, formatted straight
/// into an interpolated string, so explanations do not allocate a string per number.
/// </summary>
internal readonly struct NumberText : ISpanFormattable
{
    private readonly decimal _value;
    private readonly string? _suffix;
    private readonly bool _space;

    public NumberText(decimal value, string? suffix = null, bool space = false)
    {
        _value = Normalize(value);
        _suffix = suffix;
        _space = space;
    }

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        if (!_value.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture))
        {
            return false;
        }

        if (_suffix is { Length: > 0 } suffix)
        {
            var rest = destination[written..];
            var extra = suffix.Length + (_space ? 1 : 0);
            if (rest.Length < extra)
            {
                return false;
            }

            if (_space)
            {
                rest[0] = ' ';
                rest = rest[1..];
            }

            suffix.AsSpan().CopyTo(rest);
            written += extra;
        }

        charsWritten = written;
        return true;
    }

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public override string ToString()
    {
        var number = _value.ToString(CultureInfo.InvariantCulture);
        return _suffix is null ? number : number + (_space ? " " : string.Empty) + _suffix;
    }

    // Dividing by 1.000…0 drops trailing zeros (4.00 → 4); more than 12 decimals are rounded away first.
    private static decimal Normalize(decimal value) =>
        (value.Scale > 12 ? Math.Round(value, 12, MidpointRounding.AwayFromZero) : value) / 1.000000000000000000000000000000000m;
}

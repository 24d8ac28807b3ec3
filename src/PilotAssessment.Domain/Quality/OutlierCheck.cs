using System.Text.Json;
using PilotAssessment.DataEntry;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Rules;

namespace PilotAssessment.Quality;

/// <summary>
/// The data-quality check of a saved value (docs/adr/0024): the value's main number against the indicator's bounds,
/// then against the city's own history of the indicator with the modified z-score 0.6745·(x − median)/MAD. Pure:
/// the caller gives the history.
/// </summary>
public static class OutlierCheck
{
    /// <summary>0.6745 makes the MAD of a normal distribution comparable with its standard deviation.</summary>
    public const decimal Consistency = 0.6745m;

    /// <summary>
    /// The number the check looks at, by rule kind: a per-occurrence deduction counts its occurrences; rules scoring a
    /// number (bands, ratio to target, year-on-year, reference comparison, shortfall, formula) look at that number.
    /// Ranks (relative to the other cities), grades, checklists and surveys have no number of the city's own: null.
    /// </summary>
    public static decimal? CheckedNumber(IndicatorDefinition indicator, EntryValue value) => indicator.Rule switch
    {
        PerOccurrenceDeductionRule => value.Occurrences is { Count: > 0 } occurrences ? occurrences.Sum(o => (decimal)o.Count) : null,
        ThresholdBandsRule or RatioToTargetRule or YoyChangeRule or ReferenceComparisonRule or ShortfallBandsRule or FormulaRule => value.Number,
        _ => null,
    };

    /// <summary>Whether indicators of this rule are checked at all.</summary>
    public static bool IsChecked(ScoringRule? rule) =>
        rule is PerOccurrenceDeductionRule or ThresholdBandsRule or RatioToTargetRule or YoyChangeRule or ReferenceComparisonRule or ShortfallBandsRule or FormulaRule;

    public static decimal Median(IReadOnlyCollection<decimal> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("No values.", nameof(values));
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
    }

    /// <summary>The median absolute deviation from the median.</summary>
    public static decimal Mad(IReadOnlyCollection<decimal> values)
    {
        var median = Median(values);
        return Median(values.Select(v => Math.Abs(v - median)).ToList());
    }

    /// <summary>
    /// The modified z-score of <paramref name="x"/> over <paramref name="history"/>, rounded to two decimals; null with
    /// fewer than <see cref="QualityConsts.MinHistoryPoints"/> points or when the MAD is 0 (half the history is one value).
    /// </summary>
    public static decimal? ModifiedZ(decimal x, IReadOnlyCollection<decimal> history)
    {
        if (history.Count < QualityConsts.MinHistoryPoints)
        {
            return null;
        }

        var mad = Mad(history);
        return mad == 0m ? null : Math.Round(Consistency * (x - Median(history)) / mad, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// Checks a number: out of bounds first (the scheme's own limits), then an outlier of the history. Null when there
    /// is nothing to check (no number).
    /// </summary>
    public static QualityDetail? Check(decimal? number, IReadOnlyCollection<decimal> history, decimal? min, decimal? max)
    {
        if (number is not { } x)
        {
            return null;
        }

        var enough = history.Count >= QualityConsts.MinHistoryPoints;
        var z = ModifiedZ(x, history);
        var flag = (min is { } low && x < low) || (max is { } high && x > high)
            ? QualityFlag.OutOfBounds
            : z is { } score && Math.Abs(score) > QualityConsts.ZThreshold ? QualityFlag.Outlier : QualityFlag.None;
        return new QualityDetail
        {
            Flag = flag,
            Value = x,
            HistoryCount = history.Count,
            Median = enough ? Median(history) : null,
            Mad = enough ? Mad(history) : null,
            ZScore = z,
            Min = min,
            Max = max,
        };
    }

    /// <summary>Checks a saved value of an indicator against its bounds and the city's history numbers.</summary>
    public static QualityDetail? Check(IndicatorDefinition indicator, EntryValue value, IReadOnlyCollection<decimal> history) =>
        IsChecked(indicator.Rule) ? Check(CheckedNumber(indicator, value), history, indicator.Min, indicator.Max) : null;
}

/// <summary>What the check saw: stored with the line as JSON (<see cref="EntryLine.QualityDetailJson"/>).</summary>
public sealed record QualityDetail
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public QualityFlag Flag { get; init; }

    /// <summary>The checked number.</summary>
    public decimal Value { get; init; }

    /// <summary>How many earlier periods' values the history has.</summary>
    public int HistoryCount { get; init; }

    public decimal? Median { get; init; }

    public decimal? Mad { get; init; }

    /// <summary>Null with too little history or a MAD of 0.</summary>
    public decimal? ZScore { get; init; }

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static QualityDetail? FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<QualityDetail>(json, Json);
}

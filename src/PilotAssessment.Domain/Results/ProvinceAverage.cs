namespace PilotAssessment.Results;

/// <summary>Where the figure a line is compared with comes from.</summary>
public static class ReferenceSources
{
    public const string ProvinceAverage = "ProvinceAverage";
    public const string PreviousPeriod = "PreviousPeriod";
    public const string Entered = "Entered";

    /// <summary>The rule compares with the province average, but fewer than <see cref="ProvinceAverage.MinOtherCities"/> other cities have submitted.</summary>
    public const string ProvinceAverageUnavailable = "ProvinceAverageUnavailable";
}

/// <summary>
/// The province average as a city may learn it: per indicator, the numbers of the cities whose sheet is submitted
/// or approved, without the city itself, and only when at least <see cref="MinOtherCities"/> other cities give one
/// (fewer would let a city work out another's exact figure).
/// </summary>
public sealed class ProvinceAverage
{
    public const int MinOtherCities = 3;

    public static readonly ProvinceAverage None = new(new Dictionary<string, IReadOnlyDictionary<Guid, decimal>>());

    private readonly Dictionary<string, (decimal Sum, int Count)> _totals;
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<Guid, decimal>> _numbers;

    /// <param name="numbers">Per indicator, per contributing city: its number.</param>
    public ProvinceAverage(IReadOnlyDictionary<string, IReadOnlyDictionary<Guid, decimal>> numbers)
        : this(numbers.ToDictionary(n => n.Key, n => (n.Value.Values.Sum(), n.Value.Count)), numbers)
    {
    }

    private ProvinceAverage(Dictionary<string, (decimal Sum, int Count)> totals, IReadOnlyDictionary<string, IReadOnlyDictionary<Guid, decimal>> numbers)
    {
        _totals = totals;
        _numbers = numbers;
    }

    /// <summary>
    /// From stored totals (<see cref="ReferenceFigure"/>): per indicator the sum and count of every contributing city's
    /// number, and the numbers of only the cities that will ask (so each is left out of its own average).
    /// </summary>
    public static ProvinceAverage FromTotals(IReadOnlyDictionary<string, (decimal Sum, int Count)> totals, IReadOnlyDictionary<string, IReadOnlyDictionary<Guid, decimal>> ownNumbers) =>
        new(totals.ToDictionary(t => t.Key, t => t.Value), totals.Keys.ToDictionary(code => code, code => ownNumbers.GetValueOrDefault(code) ?? new Dictionary<Guid, decimal>()));

    /// <summary>Per indicator, the average of the other contributing cities, where there are enough of them.</summary>
    public IReadOnlyDictionary<string, decimal> For(Guid cityId)
    {
        var averages = new Dictionary<string, decimal>();
        foreach (var (code, (sum, count)) in _totals)
        {
            var own = _numbers[code].TryGetValue(cityId, out var number);
            var others = own ? count - 1 : count;
            if (others >= MinOtherCities)
            {
                averages[code] = Math.Round((own ? sum - number : sum) / others, 4);
            }
        }

        return averages;
    }
}

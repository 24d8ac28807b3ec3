namespace PilotAssessment.Schemes.Scoring;

/// <summary>A city's place: ties share a rank and the next rank skips (1, 2, 2, 4).</summary>
public sealed record RankedItem<T>(int Rank, decimal Score, T Item);

public static class CityRanking
{
    /// <summary>Ranks by score, best first (standard competition ranking). Cities with equal scores keep their input order.</summary>
    public static IReadOnlyList<RankedItem<T>> Rank<T>(IEnumerable<T> items, Func<T, decimal> score)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(score);
        var scored = items.Select(item => (Item: item, Score: score(item))).ToList();

        // OrderByDescending is stable, so ties stay in input order.
        var ordered = scored.OrderByDescending(s => s.Score).ToList();
        var ranked = new RankedItem<T>[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && ordered[i].Score == ordered[i - 1].Score ? ranked[i - 1].Rank : i + 1;
            ranked[i] = new RankedItem<T>(rank, ordered[i].Score, ordered[i].Item);
        }

        return ranked;
    }

    /// <summary>Ranks score sheets by their (rounded) total.</summary>
    public static IReadOnlyList<RankedItem<ScoreSheet>> Rank(IEnumerable<ScoreSheet> sheets) => Rank(sheets, s => s.Total);
}

using PilotAssessment.Schemes.Scoring;
using static PilotAssessment.Schemes.Rules.RuleMath;

namespace PilotAssessment.Schemes.Rules;

/// <summary>Rank in the province → points (1–5 名 → 60/57/54/51/48), optionally adjusted by places dropped or gained.</summary>
public sealed record RankBasedRule : ScoringRule
{
    public const string KindName = "rank_based";

    protected override string DiscriminatorName => KindName;

    public IReadOnlyList<RankPoints> Ranks { get; init; } = [];

    /// <summary>Points for a rank below the table.</summary>
    public decimal Otherwise { get; init; }

    /// <summary>Dropping at least <see cref="PlacesPoints.Places"/> places since last year deducts (the largest matching entry).</summary>
    public IReadOnlyList<PlacesPoints> DropPenalties { get; init; } = [];

    /// <summary>Rising at least that many places adds (the largest matching entry); the line stays within its maximum.</summary>
    public IReadOnlyList<PlacesPoints> RiseBonuses { get; init; } = [];

    public override void Validate(RuleValidation validation)
    {
        if (Ranks.Count == 0)
        {
            validation.Add(SchemeErrorCodes.BandsEmpty, "ranks");
        }

        for (var i = 0; i < Ranks.Count; i++)
        {
            validation.Points($"ranks[{i}].points", Ranks[i].Points);
            if (Ranks[i].Rank < 1)
            {
                validation.Add(SchemeErrorCodes.ParameterNotPositive, $"ranks[{i}].rank", Ranks[i].Rank);
            }

            if (i > 0 && Ranks[i].Rank <= Ranks[i - 1].Rank)
            {
                validation.Add(SchemeErrorCodes.BandsNotOrdered, "ranks", i);
            }

            if (i > 0 && Ranks[i].Points > Ranks[i - 1].Points)
            {
                validation.Add(SchemeErrorCodes.BandPointsNotMonotonic, "ranks", i);
            }
        }

        validation.Points("otherwise", Otherwise);
        ValidatePlaces(validation, "drop_penalties", DropPenalties);
        ValidatePlaces(validation, "rise_bonuses", RiseBonuses);
    }

    internal static void ValidatePlaces(RuleValidation validation, string parameter, IReadOnlyList<PlacesPoints> entries)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            validation.Positive($"{parameter}[{i}].places", entries[i].Places);
            validation.Points($"{parameter}[{i}].points", entries[i].Points);
            if (i > 0 && entries[i].Places <= entries[i - 1].Places)
            {
                validation.Add(SchemeErrorCodes.BandsNotOrdered, parameter, i);
            }
        }
    }

    internal static PlacesPoints? Largest(IReadOnlyList<PlacesPoints> entries, int places) =>
        entries.LastOrDefault(e => places >= e.Places);

    public override RuleResult Score(RuleInput input)
    {
        if (!TryGetRank(input, out var rank))
        {
            return RuleResult.NoValue(input);
        }

        var entry = Ranks.FirstOrDefault(r => r.Rank == rank);
        var points = entry?.Points ?? Otherwise;
        var zh = $"{input.Name} 全省第{rank}名，得{N(points)}分";
        var en = $"{input.NameEn}: rank {rank} in the province, {N(points)}";
        if (input.Reference.LastYearRanks.TryGetValue(input.Indicator.Code, out var lastRank))
        {
            var dropped = rank - lastRank;
            if (dropped > 0 && Largest(DropPenalties, dropped) is { } penalty)
            {
                points -= penalty.Points;
                zh += $"，较上年下降{dropped}位扣{N(penalty.Points)}分";
                en += $", dropped {Places(dropped)} −{N(penalty.Points)}";
            }
            else if (dropped < 0 && Largest(RiseBonuses, -dropped) is { } bonus)
            {
                points += bonus.Points;
                zh += $"，较上年上升{-dropped}位加{N(bonus.Points)}分";
                en += $", rose {Places(-dropped)} +{N(bonus.Points)}";
            }
        }

        points = Math.Clamp(points, 0m, input.Max);
        return RuleResult.Scored(points, $"{zh}，最终得{N(points)}分", $"{en}, scores {N(points)}");
    }
}

public sealed record RankPoints
{
    public int Rank { get; init; }

    public decimal Points { get; init; }
}

public sealed record PlacesPoints
{
    public int Places { get; init; }

    public decimal Points { get; init; }
}

/// <summary>
/// Places dropped since last year (this rank − last rank) scored by bands, best first: a drop at or below
/// a band's <c>at</c> earns its points (0:2 = rising or unchanged earns 2). Rising may add a bonus within the maximum.
/// </summary>
public sealed record RankChangeRule : ScoringRule
{
    public const string KindName = "rank_change";

    protected override string DiscriminatorName => KindName;

    public IReadOnlyList<ScoreBand> DropBands { get; init; } = [];

    public decimal Otherwise { get; init; }

    public IReadOnlyList<PlacesPoints> RiseBonuses { get; init; } = [];

    public override void Validate(RuleValidation validation)
    {
        validation.Bands("drop_bands", DropBands, BetterDirection.Lower, Otherwise, thresholdsNonNegative: false);
        RankBasedRule.ValidatePlaces(validation, "rise_bonuses", RiseBonuses);
    }

    public override RuleResult Score(RuleInput input)
    {
        if (!TryGetRank(input, out var rank))
        {
            return RuleResult.NoValue(input);
        }

        if (!input.Reference.LastYearRanks.TryGetValue(input.Indicator.Code, out var lastRank))
        {
            return RuleResult.Error($"{input.Name} 缺少上年名次，无法比较", $"{input.NameEn}: last year's rank is missing, cannot compare");
        }

        var dropped = rank - lastRank;
        var points = BandPoints(DropBands, BetterDirection.Lower, dropped, Otherwise);
        var (changeZh, changeEn) = dropped switch
        {
            > 0 => ($"下降{dropped}位", $"dropped {Places(dropped)}"),
            < 0 => ($"上升{-dropped}位", $"rose {Places(-dropped)}"),
            _ => ("持平", "unchanged"),
        };
        if (dropped < 0 && RankBasedRule.Largest(RiseBonuses, -dropped) is { } bonus)
        {
            points = Math.Min(input.Max, points + bonus.Points);
            changeZh += $"加{N(bonus.Points)}分";
            changeEn += $" +{N(bonus.Points)}";
        }

        return RuleResult.Scored(
            points,
            $"{input.Name} 本年第{rank}名，上年第{lastRank}名，{changeZh}，得{N(points)}分",
            $"{input.NameEn}: rank {rank}, last year {lastRank}, {changeEn}, scores {N(points)}");
    }
}

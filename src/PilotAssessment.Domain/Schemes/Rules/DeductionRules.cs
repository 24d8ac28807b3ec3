using PilotAssessment.Schemes.Scoring;
using static PilotAssessment.Schemes.Rules.RuleMath;

namespace PilotAssessment.Schemes.Rules;

/// <summary>
/// 每发生1起扣N分: each occurrence deducts its type's rate (到省 1, 到京 3…); a doubling flag
/// (重大活动安保期间, 重复发生, 整改不到位) doubles the occurrences it marks, or the whole line when set on the line.
/// The deduction stops at <see cref="Cap"/> and the score at <see cref="Floor"/> (扣完为止).
/// </summary>
public sealed record PerOccurrenceDeductionRule : ScoringRule
{
    public const string KindName = "per_occurrence_deduction";

    protected override string DiscriminatorName => KindName;

    /// <summary>Rate of an occurrence whose type has no rate of its own.</summary>
    public decimal? Per { get; init; }

    public IReadOnlyList<OccurrenceRate> Rates { get; init; } = [];

    public decimal? Cap { get; init; }

    public decimal Floor { get; init; }

    /// <summary>Flags that double a deduction; several flags on one occurrence still double it once.</summary>
    public IReadOnlyList<string> DoubleWhen { get; init; } = [];

    public override void Validate(RuleValidation validation)
    {
        if (Per is null && Rates.Count == 0)
        {
            validation.Add(SchemeErrorCodes.ParameterMissing, "per");
        }

        validation.NonNegative("per", Per);
        var types = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Rates.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Rates[i].Type))
            {
                validation.Add(SchemeErrorCodes.ParameterMissing, $"rates[{i}].type");
            }
            else if (!types.Add(Rates[i].Type))
            {
                validation.Add(SchemeErrorCodes.DuplicateKey, "rates", Rates[i].Type);
            }

            validation.NonNegative($"rates[{i}].per", Rates[i].Per);
        }

        validation.NonNegative("cap", Cap);
        validation.AtMostMax("cap", Cap);
        validation.Points("floor", Floor);
    }

    public override RuleResult Score(RuleInput input)
    {
        var occurrences = input.Reported?.Occurrences;
        if (occurrences is null)
        {
            // A plain number is the count of occurrences of the default type.
            if (input.Value is not { } count)
            {
                return RuleResult.NoValue(input);
            }

            if (count < 0 || count != decimal.Truncate(count) || count > int.MaxValue)
            {
                return RuleResult.Error($"{input.Name} 发生次数应为非负整数", $"{input.NameEn}: the count must be a whole number of at least 0");
            }

            occurrences = [new OccurrenceCount((int)count)];
        }

        // 起 / 次 / 批次 as the scheme counts them; a percentage unit makes no sense for a count.
        var countUnit = input.Unit is { Length: > 0 } u && u != "%" && u != "‰" ? u : "次";
        var lineFlags = input.Reported?.Flags ?? [];
        var lineDoubled = DoubleWhen.Any(lineFlags.Contains);
        var raw = 0m;
        var total = 0m;
        var partsZh = new List<string>();
        var partsEn = new List<string>();
        foreach (var occurrence in occurrences)
        {
            if (occurrence.Count < 0)
            {
                return RuleResult.Error($"{input.Name} 发生次数不能为负数", $"{input.NameEn}: a count cannot be negative");
            }

            var rate = Rates.FirstOrDefault(r => r.Type == occurrence.Type);
            var per = rate?.Per ?? Per;
            if (per is null)
            {
                return RuleResult.Error($"{input.Name} 未知的发生类型“{occurrence.Type}”", $"{input.NameEn}: unknown occurrence type \"{occurrence.Type}\"");
            }

            if (occurrence.Count == 0)
            {
                continue;
            }

            var doubled = lineDoubled || (occurrence.Flags is { } flags && DoubleWhen.Any(flags.Contains));
            var factor = doubled ? 2m : 1m;
            raw += occurrence.Count * per.Value * factor;
            total += occurrence.Count;
            var label = rate?.Name ?? (occurrence.Type == OccurrenceCount.DefaultType ? string.Empty : occurrence.Type);
            var labelEn = rate?.NameEn ?? rate?.Name ?? label;
            partsZh.Add($"{label}{N(occurrence.Count)}{countUnit}×{N(per.Value)}分{(doubled ? "×2（加倍）" : string.Empty)}");
            partsEn.Add($"{(labelEn.Length > 0 ? labelEn + " " : string.Empty)}{N(occurrence.Count)} × {N(per.Value)}{(doubled ? " × 2 (doubled)" : string.Empty)}");
        }

        if (total == 0)
        {
            return RuleResult.Scored(input.Max, $"{input.Name} 未发生，得满分{N(input.Max)}分", $"{input.NameEn}: none occurred, full {N(input.Max)}");
        }

        var points = Deduct(input, input.Max, raw, Cap, Floor, out var deduction);
        var stopped = points == Floor && input.Max - deduction < Floor ? "（扣完为止）" : string.Empty;
        return RuleResult.Scored(
            points,
            $"{input.Name} {string.Join("，", partsZh)}，扣{N(deduction)}分{CapZh(Cap)}{stopped}，得{N(points)}分",
            $"{input.NameEn}: {string.Join(", ", partsEn)}, −{N(deduction)}{CapEn(Cap)}, scores {N(points)}");
    }
}

public sealed record OccurrenceRate
{
    public required string Type { get; init; }

    /// <summary>How the type reads in an explanation (到省, 到京).</summary>
    public string? Name { get; init; }

    public string? NameEn { get; init; }

    public decimal Per { get; init; }
}

/// <summary>每缺少1项扣N分: the missing items of a fixed list each deduct.</summary>
public sealed record ChecklistRule : ScoringRule
{
    public const string KindName = "checklist";

    protected override string DiscriminatorName => KindName;

    public IReadOnlyList<string> Items { get; init; } = [];

    public decimal? Per { get; init; }

    public decimal? Cap { get; init; }

    public decimal Floor { get; init; }

    public override void Validate(RuleValidation validation)
    {
        if (Items.Count == 0)
        {
            validation.Add(SchemeErrorCodes.ParameterMissing, "items");
        }

        foreach (var duplicate in Items.GroupBy(i => i).Where(g => g.Count() > 1))
        {
            validation.Add(SchemeErrorCodes.DuplicateKey, "items", duplicate.Key);
        }

        validation.Required("per", Per);
        validation.NonNegative("per", Per);
        validation.NonNegative("cap", Cap);
        validation.AtMostMax("cap", Cap);
        validation.Points("floor", Floor);
    }

    public override RuleResult Score(RuleInput input)
    {
        if (input.Reported?.ChecklistPresent is not { } present)
        {
            return RuleResult.NoValue(input);
        }

        var unknown = present.Where(p => !Items.Contains(p)).ToList();
        if (unknown.Count > 0)
        {
            return RuleResult.Error($"{input.Name} 未知的清单项：{string.Join("、", unknown)}", $"{input.NameEn}: unknown checklist items: {string.Join(", ", unknown)}");
        }

        var missing = Items.Where(i => !present.Contains(i)).ToList();
        if (missing.Count == 0)
        {
            return RuleResult.Scored(input.Max, $"{input.Name} {string.Join("、", Items)}齐全，得满分{N(input.Max)}分", $"{input.NameEn}: all {Items.Count} items present, full {N(input.Max)}");
        }

        var points = Deduct(input, input.Max, missing.Count * (Per ?? 0m), Cap, Floor, out var deduction);
        return RuleResult.Scored(
            points,
            $"{input.Name} 缺少{string.Join("、", missing)}共{missing.Count}项，扣{N(deduction)}分{CapZh(Cap)}，得{N(points)}分",
            $"{input.NameEn}: {missing.Count} missing ({string.Join(", ", missing)}), −{N(deduction)}{CapEn(Cap)}, scores {N(points)}");
    }
}

/// <summary>
/// ≥96%得满分；每低1个百分点扣0.25分；低于90%的部分每低1个百分点扣0.5分；最多扣5分.
/// The part of the shortfall below <see cref="SteepBelow"/> deducts at <see cref="SteepPer"/> instead of <see cref="Per"/>.
/// </summary>
public sealed record ShortfallBandsRule : ScoringRule
{
    public const string KindName = "shortfall_bands";

    protected override string DiscriminatorName => KindName;

    public decimal? FullAt { get; init; }

    public decimal? Per { get; init; }

    public decimal UnitStep { get; init; } = 1m;

    public StepCounting Steps { get; init; } = StepCounting.Proportional;

    public decimal? SteepBelow { get; init; }

    public decimal? SteepPer { get; init; }

    public decimal? Cap { get; init; }

    public decimal Floor { get; init; }

    public override void Validate(RuleValidation validation)
    {
        validation.Required("full_at", FullAt);
        validation.Steps(Per, UnitStep, Cap, Floor);
        if (SteepBelow is null != SteepPer is null)
        {
            validation.Add(SchemeErrorCodes.ParameterMissing, SteepBelow is null ? "steep_below" : "steep_per");
        }

        validation.NonNegative("steep_per", SteepPer);
        if (SteepBelow is { } steep && FullAt is { } full && steep >= full)
        {
            validation.Add(SchemeErrorCodes.BandsNotOrdered, "steep_below", 1);
        }
    }

    public override RuleResult Score(RuleInput input)
    {
        if (input.Value is not { } value)
        {
            return RuleResult.NoValue(input);
        }

        var unit = input.Unit;
        var unitEn = input.UnitEn;
        var fullAt = FullAt ?? 0m;
        if (value >= fullAt)
        {
            return RuleResult.Scored(input.Max, $"{input.Name} {V(value, unit)}，达到{V(fullAt, unit)}，得满分{N(input.Max)}分", $"{input.NameEn} {VEn(value, unitEn)}, reaches {VEn(fullAt, unitEn)}, full {N(input.Max)}");
        }

        var shortfall = fullAt - value;
        var steepPart = SteepBelow is { } steepBelow && value < steepBelow ? steepBelow - value : 0m;
        var raw = (Per ?? 0m) * RuleMath.Steps(shortfall - steepPart, UnitStep, Steps)
                  + (SteepPer ?? 0m) * RuleMath.Steps(steepPart, UnitStep, Steps);
        var points = Deduct(input, input.Max, raw, Cap, Floor, out var deduction);
        var steepZh = steepPart > 0 ? $"（其中低于{V(SteepBelow!.Value, unit)}的{Gap(steepPart, unit)}按每{N(UnitStep)}扣{N(SteepPer!.Value)}分）" : string.Empty;
        var steepEn = steepPart > 0 ? $" ({GapEn(steepPart, unitEn)} of it below {VEn(SteepBelow!.Value, unitEn)} at {N(SteepPer!.Value)} per {N(UnitStep)})" : string.Empty;
        return RuleResult.Scored(
            points,
            $"{input.Name} {V(value, unit)}，低于{V(fullAt, unit)}共{Gap(shortfall, unit)}{steepZh}，扣{N(deduction)}分{CapZh(Cap)}，得{N(points)}分",
            $"{input.NameEn} {VEn(value, unitEn)}, {GapEn(shortfall, unitEn)} below {VEn(fullAt, unitEn)}{steepEn}, −{N(deduction)}{CapEn(Cap)}, scores {N(points)}");
    }
}

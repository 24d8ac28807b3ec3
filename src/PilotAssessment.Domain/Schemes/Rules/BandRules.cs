using PilotAssessment.Schemes.Scoring;
using static PilotAssessment.Schemes.Rules.RuleMath;

namespace PilotAssessment.Schemes.Rules;

/// <summary>≥95%得3分；≥85%得2分… (or ≤5%得2分 when lower is better). Bands best first.</summary>
public sealed record ThresholdBandsRule : ScoringRule
{
    public const string KindName = "threshold_bands";

    protected override string DiscriminatorName => KindName;

    public BetterDirection Dir { get; init; } = BetterDirection.Higher;

    public IReadOnlyList<ScoreBand> Bands { get; init; } = [];

    /// <summary>Points when no band is reached.</summary>
    public decimal Otherwise { get; init; }

    public override void Validate(RuleValidation validation) =>
        validation.Bands("bands", Bands, Dir, Otherwise, thresholdsNonNegative: true);

    public override RuleResult Score(RuleInput input)
    {
        if (input.Value is not { } value)
        {
            return RuleResult.NoValue(input);
        }

        var unit = input.Unit;
        var unitEn = input.UnitEn;
        var index = PickBand(Bands, Dir, value);
        if (index < 0)
        {
            var last = Bands[^1].At;
            return Dir == BetterDirection.Higher
                ? RuleResult.Scored(Otherwise, $"{input.Name} {V(value, unit)}，低于{V(last, unit)}，得{N(Otherwise)}分", $"{input.NameEn} {VEn(value, unitEn)}, below {VEn(last, unitEn)}, scores {N(Otherwise)}")
                : RuleResult.Scored(Otherwise, $"{input.Name} {V(value, unit)}，高于{V(last, unit)}，得{N(Otherwise)}分", $"{input.NameEn} {VEn(value, unitEn)}, above {VEn(last, unitEn)}, scores {N(Otherwise)}");
        }

        var band = Bands[index];
        var (zh, en) = Dir == BetterDirection.Higher ? ("≥", "≥ ") : ("≤", "≤ ");
        return RuleResult.Scored(
            band.Points,
            $"{input.Name} {V(value, unit)}，达到{zh}{V(band.At, unit)}档，得{N(band.Points)}分",
            $"{input.NameEn} {VEn(value, unitEn)}, in the {en}{VEn(band.At, unitEn)} band, scores {N(band.Points)}");
    }
}

/// <summary>
/// The city's value minus a reference (全省平均 or last year), scored by bands on the difference:
/// 不高于全省平均不扣分；高出不超过0.5扣1分；高出更多扣2分.
/// </summary>
public sealed record ReferenceComparisonRule : ScoringRule
{
    public const string KindName = "reference_comparison";

    protected override string DiscriminatorName => KindName;

    public ReferenceKind Ref { get; init; } = ReferenceKind.ProvinceAverage;

    public BetterDirection Dir { get; init; } = BetterDirection.Lower;

    public IReadOnlyList<ScoreBand> Bands { get; init; } = [];

    public decimal Otherwise { get; init; }

    public override void Validate(RuleValidation validation) =>
        validation.Bands("bands", Bands, Dir, Otherwise, thresholdsNonNegative: false);

    public override RuleResult Score(RuleInput input)
    {
        if (input.Value is not { } value)
        {
            return RuleResult.NoValue(input);
        }

        var code = input.Indicator.Code;
        var (refZh, refEn) = Ref == ReferenceKind.ProvinceAverage ? ("全省平均", "province average") : ("上年", "last year");
        var references = Ref == ReferenceKind.ProvinceAverage ? input.Reference.ProvinceAverages : input.Reference.LastYearValues;
        if (!references.TryGetValue(code, out var reference))
        {
            return RuleResult.Error($"{input.Name} 缺少{refZh}参考值，无法计分", $"{input.NameEn}: the {refEn} reference is missing, cannot score");
        }

        var unit = input.Unit;
        var unitEn = input.UnitEn;
        var difference = value - reference;
        var points = BandPoints(Bands, Dir, difference, Otherwise);
        var (relZh, relEn) = difference switch
        {
            > 0 => ($"高出{Gap(difference, unit)}", $"{GapEn(difference, unitEn)} above"),
            < 0 => ($"低于{Gap(-difference, unit)}", $"{GapEn(-difference, unitEn)} below"),
            _ => ("持平", "equal to"),
        };
        return RuleResult.Scored(
            points,
            $"{input.Name} {V(value, unit)}，{refZh}{V(reference, unit)}，{relZh}，得{N(points)}分",
            $"{input.NameEn} {VEn(value, unitEn)}, {relEn} the {refEn} {VEn(reference, unitEn)}, scores {N(points)}");
    }
}

/// <summary>优/良/中/差 → a percentage of the item's points.</summary>
public sealed record QualitativeGradeRule : ScoringRule
{
    public const string KindName = "qualitative_grade";

    protected override string DiscriminatorName => KindName;

    public IReadOnlyList<GradePercent> Grades { get; init; } = [];

    public override void Validate(RuleValidation validation)
    {
        if (Grades.Count == 0)
        {
            validation.Add(SchemeErrorCodes.BandsEmpty, "grades");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Grades.Count; i++)
        {
            var grade = Grades[i];
            if (string.IsNullOrWhiteSpace(grade.Grade))
            {
                validation.Add(SchemeErrorCodes.ParameterMissing, $"grades[{i}].grade");
            }
            else if (!seen.Add(grade.Grade))
            {
                validation.Add(SchemeErrorCodes.DuplicateKey, "grades", grade.Grade);
            }

            if (grade.Percent is < 0 or > 100)
            {
                validation.Add(SchemeErrorCodes.ParameterOutOfRange, $"grades[{i}].percent", grade.Percent, 0, 100);
            }

            if (i > 0 && grade.Percent > Grades[i - 1].Percent)
            {
                validation.Add(SchemeErrorCodes.BandPointsNotMonotonic, "grades", i);
            }
        }
    }

    public override RuleResult Score(RuleInput input)
    {
        if (input.Reported?.Grade is not { } given)
        {
            return RuleResult.NoValue(input);
        }

        var grade = Grades.FirstOrDefault(g => g.Grade == given.Trim());
        if (grade is null)
        {
            return RuleResult.Error($"{input.Name} 评定等次“{given}”不在{string.Join("/", Grades.Select(g => g.Grade))}之中", $"{input.NameEn}: grade \"{given}\" is not one of {string.Join("/", Grades.Select(g => g.Grade))}");
        }

        var points = input.Max * grade.Percent / 100m;
        var rounded = input.Round(points);
        return RuleResult.Scored(
            points,
            $"{input.Name} 评定为{grade.Grade}（{N(grade.Percent)}%），得{N(rounded)}分",
            $"{input.NameEn} graded {grade.Grade} ({N(grade.Percent)}%), scores {N(rounded)}");
    }
}

public sealed record GradePercent
{
    public required string Grade { get; init; }

    public decimal Percent { get; init; }
}

using System.Text.Json.Serialization;

namespace PilotAssessment.Schemes;

/// <summary>What a fired veto (一票否决) does. Several at once: every deduction applies and the harshest grade wins.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(FixedDeductionConsequence), "fixed_deduction")]
[JsonDerivedType(typeof(GradeCapConsequence), "grade_cap")]
[JsonDerivedType(typeof(GradeSetConsequence), "grade_set")]
[JsonDerivedType(typeof(TotalZeroedConsequence), "total_zeroed")]
public abstract record VetoConsequence
{
    /// <summary>The city loses its eligibility for awards (取消当年评优资格).</summary>
    public bool AwardIneligible { get; init; }

    /// <summary>The JSON discriminator, e.g. "threshold_bands".</summary>
    [JsonIgnore]
    public string Kind => DiscriminatorName;

    // Protected so the serializer does not see it next to the "kind" discriminator.
    protected abstract string DiscriminatorName { get; }
}

/// <summary>总分扣N分.</summary>
public sealed record FixedDeductionConsequence : VetoConsequence
{
    public decimal Points { get; init; }

    protected override string DiscriminatorName => "fixed_deduction";
}

/// <summary>不得评为优秀: the grade is at best <see cref="MaxGrade"/>.</summary>
public sealed record GradeCapConsequence : VetoConsequence
{
    public required string MaxGrade { get; init; }

    protected override string DiscriminatorName => "grade_cap";
}

/// <summary>等次定为不合格: the grade becomes <see cref="Grade"/> (never better than the score earns).</summary>
public sealed record GradeSetConsequence : VetoConsequence
{
    public required string Grade { get; init; }

    protected override string DiscriminatorName => "grade_set";
}

/// <summary>The total becomes 0.</summary>
public sealed record TotalZeroedConsequence : VetoConsequence
{
    protected override string DiscriminatorName => "total_zeroed";
}

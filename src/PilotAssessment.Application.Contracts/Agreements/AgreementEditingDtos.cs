namespace PilotAssessment.Agreements;

public sealed class CreateAgreementInput
{
    public Guid CityId { get; set; }

    public Guid SchemeId { get; set; }

    /// <summary>Defaults to the scheme's year.</summary>
    public int? Year { get; set; }

    [StringLength(AgreementConsts.MaxTitleLength)]
    public string? Title { get; set; }

    /// <summary>Start with the pilot plan's 20 key tasks (editable while a draft).</summary>
    public bool WithPlanKeyTasks { get; set; }
}

public sealed class AgreementTargetInput
{
    [Required]
    public string Code { get; set; } = string.Empty;

    /// <summary>The city's target; null = the scheme's.</summary>
    public decimal? Target { get; set; }

    [StringLength(1000)]
    public string? Note { get; set; }
}

public sealed class AgreementExtraLineInput
{
    [Required]
    [StringLength(AgreementConsts.MaxCodeLength)]
    public string Code { get; set; } = string.Empty;

    [Required]
    [StringLength(AgreementConsts.MaxNameLength)]
    public string Name { get; set; } = string.Empty;

    public decimal MaxPoints { get; set; }

    public decimal? Target { get; set; }

    [StringLength(1000)]
    public string? Note { get; set; }
}

public sealed class AgreementKeyTaskInput
{
    [Required]
    [StringLength(AgreementConsts.MaxCodeLength)]
    public string Code { get; set; } = string.Empty;

    [StringLength(AgreementConsts.MaxNameLength)]
    public string Area { get; set; } = string.Empty;

    [Required]
    [StringLength(1000)]
    public string Task { get; set; } = string.Empty;

    [StringLength(AgreementConsts.MaxNameLength)]
    public string? ResponsibleUnit { get; set; }

    public Guid? ResponsibleUnitId { get; set; }

    public DateTime? DueDate { get; set; }

    public List<KeyTaskMilestoneDto> Milestones { get; set; } = [];
}

/// <summary>Replaces a draft's body. Scheme lines not named in <see cref="Targets"/> keep their values.</summary>
public sealed class UpdateAgreementInput
{
    [Required]
    [StringLength(AgreementConsts.MaxTitleLength)]
    public string Title { get; set; } = string.Empty;

    public List<AgreementTargetInput> Targets { get; set; } = [];

    public List<AgreementExtraLineInput> ExtraLines { get; set; } = [];

    public List<AgreementKeyTaskInput> KeyTasks { get; set; } = [];

    public List<string> Duties { get; set; } = [];

    public List<string> Prohibitions { get; set; } = [];

    public List<string> Rules { get; set; } = [];

    [Required]
    public string ConcurrencyStamp { get; set; } = string.Empty;
}

public sealed class SignAgreementInput
{
    /// <summary>Name of the signing official (签字人); defaults to the user's name.</summary>
    [StringLength(64)]
    public string? Signatory { get; set; }
}

public sealed class UnitAssignmentInput
{
    [Required]
    public string Code { get; set; } = string.Empty;

    /// <summary>Null takes the item back to the city.</summary>
    public Guid? UnitId { get; set; }
}

public sealed class AssignUnitsInput
{
    public List<UnitAssignmentInput> Lines { get; set; } = [];

    public List<UnitAssignmentInput> KeyTasks { get; set; } = [];
}

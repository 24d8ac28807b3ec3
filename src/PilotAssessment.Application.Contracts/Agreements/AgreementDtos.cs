using PilotAssessment.Dtos;

namespace PilotAssessment.Agreements;

public sealed class AgreementDto
{
    public Guid Id { get; set; }

    public Guid? CityId { get; set; }

    public string? CityName { get; set; }

    public string Title { get; set; } = string.Empty;

    public int Year { get; set; }

    public Guid SchemeId { get; set; }

    public Guid SeriesId { get; set; }

    public int Version { get; set; }

    public Guid? PreviousVersionId { get; set; }

    public string Status { get; set; } = string.Empty;

    public DateTime CreationTime { get; set; }

    public DateTime? IssuedTime { get; set; }

    public DateTime? SignedTime { get; set; }

    public Guid? SignedByUserId { get; set; }

    public string? SignedByName { get; set; }

    public DateTime? InForceTime { get; set; }

    public DateTime? ClosedTime { get; set; }

    public string? ConcurrencyStamp { get; set; }

    /// <summary>Empty in lists; in a city, only the lines of the user's units unless the user sees the whole city.</summary>
    public List<AgreementLineDto> Lines { get; set; } = [];

    public List<AgreementKeyTaskDto> KeyTasks { get; set; } = [];

    public List<string> Duties { get; set; } = [];

    public List<string> Prohibitions { get; set; } = [];

    public List<string> Rules { get; set; } = [];
}

public sealed class AgreementLineDto
{
    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public decimal MaxPoints { get; set; }

    public decimal? SchemeTarget { get; set; }

    public decimal? Target { get; set; }

    public decimal? EffectiveTarget { get; set; }

    public string? Note { get; set; }

    public bool IsExtra { get; set; }

    public Guid? AssignedUnitId { get; set; }
}

public sealed class KeyTaskMilestoneDto
{
    [Required]
    [StringLength(AgreementConsts.MaxTitleLength)]
    public string Title { get; set; } = string.Empty;

    public DateTime? DueDate { get; set; }
}

public sealed class AgreementKeyTaskDto
{
    public string Code { get; set; } = string.Empty;

    public string Area { get; set; } = string.Empty;

    public string Task { get; set; } = string.Empty;

    public string? ResponsibleUnit { get; set; }

    public Guid? ResponsibleUnitId { get; set; }

    public DateTime? DueDate { get; set; }

    public List<KeyTaskMilestoneDto> Milestones { get; set; } = [];

    public Guid? AssignedUnitId { get; set; }

    /// <summary>The latest reported percentage (0 when nothing was reported).</summary>
    public int Percent { get; set; }

    public bool IsOverdue { get; set; }

    public string Status { get; set; } = string.Empty;
}

public sealed class GetAgreementsInput : PagedResultRequestDto
{
    public int? Year { get; set; }

    public Guid? CityId { get; set; }

    public string? Status { get; set; }
}

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

public sealed record AgreementVersionDto(Guid Id, int Version, string Status, Guid? PreviousVersionId, DateTime CreationTime, DateTime? SignedTime, DateTime? InForceTime);

public sealed record TargetChangeDto(string Code, decimal? Old, decimal? New);

public sealed record FieldChangeDto(string Code, IReadOnlyList<string> Fields);

public sealed record ListChangeDto(string List, IReadOnlyList<string> Added, IReadOnlyList<string> Removed);

public sealed record AgreementDiffDto(
    Guid FromId,
    int FromVersion,
    Guid ToId,
    int ToVersion,
    IReadOnlyList<string> LinesAdded,
    IReadOnlyList<string> LinesRemoved,
    IReadOnlyList<TargetChangeDto> TargetsChanged,
    IReadOnlyList<FieldChangeDto> LinesChanged,
    IReadOnlyList<string> TasksAdded,
    IReadOnlyList<string> TasksRemoved,
    IReadOnlyList<FieldChangeDto> TasksChanged,
    IReadOnlyList<ListChangeDto> ListsChanged);

public sealed record AgreementAttachmentDto(Guid Id, Guid AgreementId, string Kind, string FileName, string ContentType, long Size, DateTime CreationTime);

public sealed record FileContentDto(byte[] Content, string ContentType, string FileName);

public sealed class ReportProgressInput
{
    /// <summary>0–100; checked by the service so the message is the product's own.</summary>
    public int Percent { get; set; }

    [StringLength(AgreementConsts.MaxTitleLength)]
    public string? Milestone { get; set; }

    [StringLength(1000)]
    public string? Note { get; set; }
}

public sealed record KeyTaskProgressDto(Guid Id, string TaskCode, string? Milestone, int Percent, string? Note, Guid? EvidenceAttachmentId, DateTime CreationTime, Guid? CreatorId);

public sealed record KeyTaskCellDto(string Code, string Task, DateTime? DueDate, int Percent, string Status);

public sealed record CityKeyTasksDto(Guid CityId, string CityName, Guid? AgreementId, int? Version, IReadOnlyList<KeyTaskCellDto> Tasks, IReadOnlyDictionary<string, int> Counts);

public sealed record KeyTaskMatrixDto(int Year, IReadOnlyList<CityKeyTasksDto> Cities);

/// <summary>One city of a bulk issue with its own targets (the template's for lines not named).</summary>
public sealed class BulkIssueCityInput
{
    public Guid CityId { get; set; }

    public List<AgreementTargetInput> Targets { get; set; } = [];
}

/// <summary>
/// Every selected city's agreement of a year from one template agreement, all or none. A city without an agreement
/// of the year gets a new one; its draft is redrafted; one already issued is left as it is when it says the same,
/// else refused (it is changed by an amendment). Issuing twice changes nothing the second time.
/// </summary>
public sealed class BulkIssueAgreementsInput
{
    public Guid TemplateId { get; set; }

    /// <summary>Defaults to the template's year; key tasks' dates move into it.</summary>
    public int? Year { get; set; }

    public List<BulkIssueCityInput> Cities { get; set; } = [];

    /// <summary>Also issue (下达) every agreement; false leaves them drafts.</summary>
    public bool Issue { get; set; }
}

/// <param name="Outcome">Created, Updated or Unchanged.</param>
public sealed record BulkIssueRowDto(Guid CityId, string CityName, Guid AgreementId, int Version, string Outcome, string Status);

public sealed record BulkIssueResultDto(int Year, IReadOnlyList<BulkIssueRowDto> Rows);

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

namespace PilotAssessment.OrganizationUnits;

/// <summary>A unit with its children (the list endpoint returns the roots of the tree).</summary>
public sealed class OrganizationUnitDto
{
    public Guid Id { get; set; }

    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public Guid? ParentId { get; set; }

    public DateTime? ClosedTime { get; set; }

    public bool IsClosed { get; set; }

    public int MemberCount { get; set; }

    public List<OrganizationUnitDto> Children { get; set; } = [];
}

public sealed class CreateOrganizationUnitInput
{
    [Required]
    [StringLength(OrganizationUnitConsts.MaxCodeLength)]
    public string Code { get; set; } = string.Empty;

    [Required]
    [StringLength(OrganizationUnitConsts.MaxNameLength)]
    public string Name { get; set; } = string.Empty;

    public OrganizationUnitKind Kind { get; set; } = OrganizationUnitKind.Department;

    public Guid? ParentId { get; set; }
}

public sealed class RenameOrganizationUnitInput
{
    [Required]
    [StringLength(OrganizationUnitConsts.MaxNameLength)]
    public string Name { get; set; } = string.Empty;
}

public sealed class MoveOrganizationUnitInput
{
    /// <summary>The new parent; null makes the unit a root.</summary>
    public Guid? ParentId { get; set; }
}

public sealed record UnitMemberDto(Guid UserId, string? UserName, string? Name);

public interface IOrganizationUnitAppService : IApplicationService
{
    Task<List<OrganizationUnitDto>> GetTreeAsync(bool includeClosed);

    Task<OrganizationUnitDto> GetAsync(Guid id);

    Task<OrganizationUnitDto> CreateAsync(CreateOrganizationUnitInput input);

    Task<OrganizationUnitDto> RenameAsync(Guid id, RenameOrganizationUnitInput input);

    Task<OrganizationUnitDto> MoveAsync(Guid id, MoveOrganizationUnitInput input);

    Task<OrganizationUnitDto> CloseAsync(Guid id);

    Task<List<UnitMemberDto>> GetMembersAsync(Guid id);

    Task AddMemberAsync(Guid id, Guid userId);

    Task RemoveMemberAsync(Guid id, Guid userId);

    /// <summary>The open units the current user belongs to.</summary>
    Task<List<OrganizationUnitDto>> GetMineAsync();
}

using PilotAssessment.Dtos;

namespace PilotAssessment.Identity;

/// <param name="UnitNames">The open units of the city the user belongs to (none for the province's users).</param>
public sealed record UserDto(
    Guid Id,
    string UserName,
    string? Name,
    string? Email,
    string? PhoneNumber,
    bool IsActive,
    DateTime? LockoutEnd,
    IReadOnlyList<string> RoleNames,
    IReadOnlyList<string> UnitNames,
    string? ConcurrencyStamp);

public class UserInputBase
{
    [Required]
    [StringLength(256)]
    public string UserName { get; set; } = default!;

    [StringLength(64)]
    public string? Name { get; set; }

    [EmailAddress]
    [StringLength(256)]
    public string? Email { get; set; }

    /// <summary>A mobile (13812345678) or a landline with its area code (0931-8123456); checked by the service.</summary>
    [StringLength(UserConsts.MaxPhoneNumberLength)]
    public string? PhoneNumber { get; set; }

    public bool IsActive { get; set; } = true;

    public List<string> RoleNames { get; set; } = [];
}

public sealed class CreateUserInput : UserInputBase
{
    [Required]
    [StringLength(128)]
    public string Password { get; set; } = default!;
}

public sealed class UpdateUserInput : UserInputBase
{
    /// <summary>Leave empty to keep the password.</summary>
    [StringLength(128)]
    public string? Password { get; set; }

    [Required]
    [StringLength(40)]
    public string ConcurrencyStamp { get; set; } = default!;
}

public sealed record RoleDto(Guid Id, string Name, string DisplayName, bool IsStatic, string? ConcurrencyStamp);

public sealed class RoleInput
{
    [Required]
    [StringLength(64)]
    public string Name { get; set; } = default!;
}

public sealed record PermissionDto(string Name, string DisplayName, string? ParentName, bool IsGranted);

public sealed record PermissionGroupDto(string Name, string DisplayName, IReadOnlyList<PermissionDto> Permissions);

public sealed record PermissionListDto(IReadOnlyList<PermissionGroupDto> Groups);

public sealed class UpdatePermissionsInput
{
    public List<string> GrantedPermissions { get; set; } = [];
}

public interface IUserAppService : IApplicationService
{
    Task<PagedResultDto<UserDto>> GetListAsync(PagedAndFilteredRequestDto input);

    Task<UserDto> GetAsync(Guid id);

    Task<UserDto> CreateAsync(CreateUserInput input);

    Task<UserDto> UpdateAsync(Guid id, UpdateUserInput input);

    Task DeleteAsync(Guid id);
}

public interface IRoleAppService : IApplicationService
{
    Task<PagedResultDto<RoleDto>> GetListAsync();

    Task<RoleDto> CreateAsync(RoleInput input);

    Task<RoleDto> UpdateAsync(Guid id, RoleInput input);

    Task DeleteAsync(Guid id);

    Task<PermissionListDto> GetPermissionsAsync(Guid id);

    Task UpdatePermissionsAsync(Guid id, UpdatePermissionsInput input);
}

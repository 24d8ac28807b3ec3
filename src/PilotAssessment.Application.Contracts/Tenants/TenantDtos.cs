using PilotAssessment.Dtos;

namespace PilotAssessment.Tenants;

public sealed record TenantDto(Guid Id, string Name, string DisplayName, bool IsActive, DateTime CreationTime, string? ConcurrencyStamp);

public sealed class CreateTenantInput
{
    [Required]
    [StringLength(64)]
    public string Name { get; set; } = default!;

    [Required]
    [StringLength(128)]
    public string DisplayName { get; set; } = default!;

    [Required]
    [StringLength(256)]
    public string AdminUserName { get; set; } = "admin";

    [Required]
    [StringLength(128)]
    public string AdminPassword { get; set; } = default!;
}

public sealed class UpdateTenantInput
{
    [Required]
    [StringLength(128)]
    public string DisplayName { get; set; } = default!;

    [Required]
    [StringLength(40)]
    public string ConcurrencyStamp { get; set; } = default!;
}

public interface ITenantAppService : IApplicationService
{
    Task<PagedResultDto<TenantDto>> GetListAsync(PagedAndFilteredRequestDto input);

    Task<TenantDto> GetAsync(Guid id);

    Task<TenantDto> CreateAsync(CreateTenantInput input);

    Task<TenantDto> UpdateAsync(Guid id, UpdateTenantInput input);

    Task<TenantDto> ActivateAsync(Guid id);

    Task<TenantDto> DeactivateAsync(Guid id);
}

using PilotAssessment.Dtos;

namespace PilotAssessment.Auditing;

public sealed record EntityPropertyChangeDto(string PropertyName, string? OriginalValue, string? NewValue);

public sealed record EntityChangeDto(
    Guid Id,
    Guid? TenantId,
    Guid? AuditLogId,
    Guid? UserId,
    string EntityTypeFullName,
    string EntityId,
    string ChangeType,
    DateTime ChangeTime,
    IReadOnlyList<EntityPropertyChangeDto> PropertyChanges,
    string? EntityDisplayName = null);

public sealed record AuditLogDto(
    Guid Id,
    Guid? TenantId,
    Guid? UserId,
    string? UserName,
    string HttpMethod,
    string Url,
    int? HttpStatusCode,
    DateTime ExecutionTime,
    int ExecutionDuration,
    string? ClientIpAddress,
    string? Exception,
    IReadOnlyList<EntityChangeDto> EntityChanges,
    Guid? ImpersonatorTenantId = null,
    string? Action = null)
{
    /// <summary>The log read as an event, in the caller's language and Beijing time.</summary>
    public string Event { get; init; } = string.Empty;

    public string? CityName { get; init; }
}

public sealed class GetAuditLogsInput : PagedResultRequestDto
{
    public string? UserName { get; set; }

    public string? HttpMethod { get; set; }

    public int? HttpStatusCode { get; set; }

    public DateTime? StartTime { get; set; }

    public DateTime? EndTime { get; set; }

    /// <summary>Host only: limit to one pilot city.</summary>
    public Guid? TenantId { get; set; }
}

public sealed class GetEntityChangesInput : PagedResultRequestDto
{
    public string? EntityId { get; set; }

    public string? EntityTypeFullName { get; set; }
}

public interface IAuditLogAppService : IApplicationService
{
    Task<PagedResultDto<AuditLogDto>> GetListAsync(GetAuditLogsInput input);

    Task<PagedResultDto<EntityChangeDto>> GetEntityChangesAsync(GetEntityChangesInput input);
}

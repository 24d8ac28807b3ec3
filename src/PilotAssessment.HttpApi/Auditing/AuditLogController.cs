using PilotAssessment.Dtos;

namespace PilotAssessment.Auditing;

/// <summary>审计日志</summary>
[Route("api/app/audit-logs")]
[Authorize(PilotAssessmentPermissions.AuditLogs)]
public sealed class AuditLogController(IAuditLogAppService auditLogs) : PilotAssessmentController
{
    /// <summary>分页查询审计日志</summary>
    [HttpGet]
    public Task<PagedResultDto<AuditLogDto>> GetListAsync([FromQuery] GetAuditLogsInput input) => auditLogs.GetListAsync(input);

    /// <summary>查询数据变更历史</summary>
    [HttpGet("entity-changes")]
    public Task<PagedResultDto<EntityChangeDto>> GetEntityChangesAsync([FromQuery] GetEntityChangesInput input) => auditLogs.GetEntityChangesAsync(input);
}

using PilotAssessment.Dtos;

namespace PilotAssessment.Auditing;

[Route("api/app/audit-logs")]
[Authorize(PilotAssessmentPermissions.AuditLogs)]
public sealed class AuditLogController(IAuditLogAppService auditLogs) : PilotAssessmentController
{
    [HttpGet]
    public Task<PagedResultDto<AuditLogDto>> GetListAsync([FromQuery] GetAuditLogsInput input) => auditLogs.GetListAsync(input);

    [HttpGet("entity-changes")]
    public Task<PagedResultDto<EntityChangeDto>> GetEntityChangesAsync([FromQuery] GetEntityChangesInput input) => auditLogs.GetEntityChangesAsync(input);
}

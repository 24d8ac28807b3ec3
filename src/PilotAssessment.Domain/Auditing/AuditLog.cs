namespace PilotAssessment.Auditing;

/// <summary>One write request: who, in which tenant, what route, how long, how it ended.</summary>
[DisableEntityChangeAudit]
public class AuditLog : Entity, IMultiTenant
{
    public const int MaxUrlLength = 512;
    public const int MaxExceptionLength = 4000;
    public const int MaxActionLength = 128;

    private AuditLog()
    {
    }

    public AuditLog(Guid id)
        : base(id)
    {
    }

    public Guid? TenantId { get; set; }

    public Guid? UserId { get; set; }

    public string? UserName { get; set; }

    /// <summary>Set when a host user acted inside a city (the user's own tenant is null then).</summary>
    public Guid? ImpersonatorTenantId { get; set; }

    public string HttpMethod { get; set; } = default!;

    public string Url { get; set; } = default!;

    /// <summary>The operation ("Review_AdjustLine", as in the OpenAPI document), so the log can be read as an event.</summary>
    public string? Action { get; set; }

    public int? HttpStatusCode { get; set; }

    public DateTime ExecutionTime { get; set; }

    public int ExecutionDuration { get; set; }

    public string? ClientIpAddress { get; set; }

    public string? CorrelationId { get; set; }

    public string? Exception { get; set; }
}

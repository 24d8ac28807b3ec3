namespace PilotAssessment.Auditing;

/// <summary>The audit log id of the running request, so entity changes can point back to it.</summary>
public interface IAuditScope
{
    Guid? AuditLogId { get; set; }
}

public sealed class AuditScope : IAuditScope
{
    public Guid? AuditLogId { get; set; }
}

/// <summary>Marks entities whose changes are not written to the entity-change history.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DisableEntityChangeAuditAttribute : Attribute;

/// <summary>Marks properties whose values never reach the history (they are recorded as changed, masked).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaskedInAuditAttribute : Attribute;

namespace PilotAssessment.Auditing;

public enum EntityChangeType
{
    Created = 0,
    Updated = 1,
    Deleted = 2,
}

/// <summary>A change of one entity, saved in the same transaction as the change itself.</summary>
[DisableEntityChangeAudit]
public class EntityChange : Entity, IMultiTenant
{
    public const int MaxValueLength = 512;
    public const int MaxDisplayNameLength = 128;

    private EntityChange()
    {
    }

    public EntityChange(Guid? tenantId, string entityTypeFullName, string entityId, EntityChangeType changeType, DateTime changeTime)
    {
        TenantId = tenantId;
        EntityTypeFullName = entityTypeFullName;
        EntityId = entityId;
        ChangeType = changeType;
        ChangeTime = changeTime;
    }

    public Guid? TenantId { get; set; }

    public Guid? AuditLogId { get; set; }

    public Guid? UserId { get; set; }

    public string EntityTypeFullName { get; private set; } = default!;

    public string EntityId { get; private set; } = default!;

    /// <summary>What a person calls the entity (an indicator code, a name, a title), kept beside its id.</summary>
    public string? EntityDisplayName { get; set; }

    public EntityChangeType ChangeType { get; private set; }

    public DateTime ChangeTime { get; private set; }

    public List<EntityPropertyChange> PropertyChanges { get; private set; } = [];
}

[DisableEntityChangeAudit]
public class EntityPropertyChange : Entity
{
    private EntityPropertyChange()
    {
    }

    public EntityPropertyChange(string propertyName, string? originalValue, string? newValue)
    {
        PropertyName = propertyName;
        OriginalValue = Truncate(originalValue);
        NewValue = Truncate(newValue);
    }

    public Guid EntityChangeId { get; private set; }

    public string PropertyName { get; private set; } = default!;

    public string? OriginalValue { get; private set; }

    public string? NewValue { get; private set; }

    private static string? Truncate(string? value) =>
        value is { Length: > EntityChange.MaxValueLength } ? value[..(EntityChange.MaxValueLength - 1)] + "…" : value;
}

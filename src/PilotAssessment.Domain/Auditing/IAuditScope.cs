namespace PilotAssessment.Auditing;

/// <summary>
/// The running request's audit trail: its audit log id, so entity changes can point back to it, and its audit row
/// offered to the request's unit of work, which saves it with its first save inside its transaction: a committed change
/// is never without its row, and the row costs no connection, round trip or commit of its own.
/// </summary>
public interface IAuditScope
{
    Guid? AuditLogId { get; set; }

    /// <summary>The row as it stands when a unit of work takes it (<paramref name="build"/> is called then).</summary>
    void OfferWithCommit(Func<AuditLog> build);

    /// <summary>The offered row for a save inside a transaction; null when none was offered or a unit already took it.</summary>
    AuditLog? TakeForCommit();

    /// <summary>The unit that took the row has committed it, or failed (the row is offered again, and saved on its own if no other unit commits it).</summary>
    void CommitEnded(bool committed);

    /// <summary>The row a unit of work committed; null when none did.</summary>
    AuditLog? Committed { get; }
}

public sealed class AuditScope : IAuditScope
{
    private Func<AuditLog>? _build;
    private AuditLog? _taken;

    public Guid? AuditLogId { get; set; }

    public AuditLog? Committed { get; private set; }

    public void OfferWithCommit(Func<AuditLog> build) => _build = build;

    public AuditLog? TakeForCommit()
    {
        if (_build is null || _taken is not null || Committed is not null)
        {
            return null;
        }

        _taken = _build();
        return _taken;
    }

    public void CommitEnded(bool committed)
    {
        if (committed)
        {
            Committed = _taken;
        }

        _taken = null;
    }
}

/// <summary>Marks entities whose changes are not written to the entity-change history.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DisableEntityChangeAuditAttribute : Attribute;

/// <summary>Marks properties whose values never reach the history (they are recorded as changed, masked).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaskedInAuditAttribute : Attribute;

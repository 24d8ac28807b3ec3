namespace PilotAssessment.Entities;

public interface IEntity
{
    Guid Id { get; }
}

public abstract class Entity : IEntity
{
    protected Entity()
    {
    }

    protected Entity(Guid id)
    {
        Id = id;
    }

    public Guid Id { get; protected set; } = SequentialGuid.Next();
}

/// <summary>Optimistic concurrency: the stamp changes on every save; a stale stamp is refused.</summary>
public interface IHasConcurrencyStamp
{
    string? ConcurrencyStamp { get; set; }
}

public interface ISoftDelete
{
    bool IsDeleted { get; set; }
}

public interface IHasCreationTime
{
    DateTime CreationTime { get; set; }

    Guid? CreatorId { get; set; }
}

public interface IHasModificationTime
{
    DateTime? LastModificationTime { get; set; }

    Guid? LastModifierId { get; set; }
}

public interface IHasDeletionTime : ISoftDelete
{
    DateTime? DeletionTime { get; set; }

    Guid? DeleterId { get; set; }
}

public interface IFullAudited : IHasCreationTime, IHasModificationTime, IHasDeletionTime;

/// <summary>Aggregate root with creation, modification and soft-deletion audit and a concurrency stamp.</summary>
public abstract class FullAuditedAggregateRoot : Entity, IFullAudited, IHasConcurrencyStamp
{
    protected FullAuditedAggregateRoot()
    {
    }

    protected FullAuditedAggregateRoot(Guid id)
        : base(id)
    {
    }

    public string? ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public DateTime CreationTime { get; set; }

    public Guid? CreatorId { get; set; }

    public DateTime? LastModificationTime { get; set; }

    public Guid? LastModifierId { get; set; }

    public bool IsDeleted { get; set; }

    public DateTime? DeletionTime { get; set; }

    public Guid? DeleterId { get; set; }
}

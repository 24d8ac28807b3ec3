namespace PilotAssessment.Repositories;

/// <summary>
/// Opens units of work: one per application-service call (the application pipeline), background job and data seed
/// contributor. The outermost one owns the work: its writes are saved once at its end (one <c>SaveChanges</c>) and,
/// when transactional, in one database transaction; an inner one joins it. Disposing the outermost one without
/// <see cref="IUnitOfWorkHandle.CompleteAsync"/> rolls back and forgets every pending change.
/// </summary>
public interface IUnitOfWorkManager
{
    /// <summary>A unit of work is open in this scope.</summary>
    bool IsActive { get; }

    /// <summary>
    /// Begins a unit of work, or joins the open one (a transactional inner one starts the transaction of a
    /// non-transactional outer one, which then commits at its end).
    /// </summary>
    Task<IUnitOfWorkHandle> BeginAsync(bool isTransactional = true, CancellationToken cancellationToken = default);
}

public interface IUnitOfWorkHandle : IAsyncDisposable
{
    /// <summary>The outermost handle saves and commits; an inner one does nothing (the outermost decides).</summary>
    Task CompleteAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// How the application pipeline runs a method (or every method of a class, unless the method says otherwise).
/// Without it, a method named Get…, Find…, Download…, Export… or Preview… reads: no transaction is held, and
/// nothing is saved half-way; every other method runs in a transaction.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public sealed class UnitOfWorkAttribute : Attribute
{
    /// <summary>
    /// False: no database transaction; the writes are still saved once at the end, and a save the method makes
    /// itself (e.g. a failed sign-in attempt that must outlive the refusal) stays when the method then fails.
    /// </summary>
    public bool IsTransactional { get; init; } = true;

    /// <summary>The read-only prefixes of method names (see the class).</summary>
    public static readonly IReadOnlyList<string> ReadPrefixes = ["Get", "Find", "Download", "Export", "Preview"];

    /// <summary>Whether the method runs in a transaction: its attribute, else its class's, else its name.</summary>
    public static bool IsTransactionalFor(System.Reflection.MethodInfo implementation)
    {
        var declared = (UnitOfWorkAttribute?)Attribute.GetCustomAttribute(implementation, typeof(UnitOfWorkAttribute), inherit: true)
            ?? (UnitOfWorkAttribute?)Attribute.GetCustomAttribute(implementation.DeclaringType!, typeof(UnitOfWorkAttribute), inherit: true);
        return declared?.IsTransactional ?? !ReadPrefixes.Any(p => implementation.Name.StartsWith(p, StringComparison.Ordinal));
    }
}

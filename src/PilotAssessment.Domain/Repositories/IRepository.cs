namespace PilotAssessment.Repositories;

/// <summary>
/// Access to one aggregate. Queries see only the current tenant's rows and no soft-deleted ones unless a
/// data filter is disabled. A write's <c>autoSave</c>:
/// <list type="bullet">
/// <item>left unset (the default): inside a unit of work (<see cref="IUnitOfWorkManager"/>; every application-service
/// call, job run and data seed contributor has one) the write waits for its end; it saves at once when no unit of work
/// is open, or when it is made in another tenant context than its unit of work's (inside <c>ICurrentTenant.Change</c>
/// or <c>IDataFilter.Disable&lt;IMultiTenant&gt;</c>; still within the unit of work's transaction), because a save
/// checks each row's tenant against the context it runs in;</item>
/// <item>false: the caller saves (<see cref="IUnitOfWork.SaveChangesAsync"/>, e.g. once after a batch) or the unit of
/// work does at its end;</item>
/// <item>true: saved now (e.g. to catch a lost race on a concurrency token where it happens).</item>
/// </list>
/// </summary>
public interface IRepository<TEntity>
    where TEntity : class, IEntity
{
    IQueryable<TEntity> Query();

    /// <summary>Like <see cref="Query"/> for reading only: the rows are not tracked, so changes to them are not saved (cheaper for large reads).</summary>
    IQueryable<TEntity> QueryReadOnly() => Query();

    Task<TEntity?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Throws <see cref="ExceptionHandling.EntityNotFoundException"/> (HTTP 404) when missing or not visible.</summary>
    Task<TEntity> GetAsync(Guid id, CancellationToken cancellationToken = default);

    Task<TEntity> InsertAsync(TEntity entity, bool? autoSave = null, CancellationToken cancellationToken = default);

    Task<TEntity> UpdateAsync(TEntity entity, bool? autoSave = null, CancellationToken cancellationToken = default);

    Task DeleteAsync(TEntity entity, bool? autoSave = null, CancellationToken cancellationToken = default);

    Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default);

    Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default);

    /// <summary>The query's first row in its order, or null when it has none; the database reads one row only.</summary>
    Task<T?> FirstOrDefaultAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default);

    /// <summary>Whether the query has any row; the database stops at the first one.</summary>
    Task<bool> AnyAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default);
}

public interface IUnitOfWork
{
    /// <summary>
    /// Saves the pending writes now: inside a unit of work, within its transaction (for a query that must see them,
    /// or progress a job keeps when a later step fails); a failure of the unit of work still rolls them back.
    /// </summary>
    Task SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Groups several saves into one database transaction; disposing without commit rolls back. Inside a unit of
    /// work it joins the unit of work's transaction (commit does nothing). Prefer <see cref="IUnitOfWorkManager"/>.
    /// </summary>
    Task<IUnitOfWorkTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default);
}

public interface IUnitOfWorkTransaction : IAsyncDisposable
{
    Task CommitAsync(CancellationToken cancellationToken = default);
}

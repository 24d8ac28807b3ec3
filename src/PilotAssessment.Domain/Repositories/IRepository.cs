using PilotAssessment.Entities;

namespace PilotAssessment.Repositories;

/// <summary>
/// Access to one aggregate. Queries see only the current tenant's rows and no soft-deleted ones unless a
/// data filter is disabled. Writes save at once unless <c>autoSave</c> is false (then call <see cref="IUnitOfWork"/>).
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

    Task<TEntity> InsertAsync(TEntity entity, bool autoSave = true, CancellationToken cancellationToken = default);

    Task<TEntity> UpdateAsync(TEntity entity, bool autoSave = true, CancellationToken cancellationToken = default);

    Task DeleteAsync(TEntity entity, bool autoSave = true, CancellationToken cancellationToken = default);

    Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default);

    Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default);

    /// <summary>The query's first row in its order, or null when it has none; the database reads one row only.</summary>
    Task<T?> FirstOrDefaultAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default);

    /// <summary>Whether the query has any row; the database stops at the first one.</summary>
    Task<bool> AnyAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default);
}

public interface IUnitOfWork
{
    Task SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>Groups several saves into one database transaction; disposing without commit rolls back.</summary>
    Task<IUnitOfWorkTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default);
}

public interface IUnitOfWorkTransaction : IAsyncDisposable
{
    Task CommitAsync(CancellationToken cancellationToken = default);
}

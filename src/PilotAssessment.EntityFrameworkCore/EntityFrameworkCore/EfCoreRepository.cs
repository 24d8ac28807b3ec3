using PilotAssessment.Entities;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.Repositories;

namespace PilotAssessment.EntityFrameworkCore;

public class EfCoreRepository<TEntity>(PilotAssessmentDbContext dbContext, EfCoreUnitOfWork unitOfWork) : IRepository<TEntity>
    where TEntity : class, IEntity
{
    protected PilotAssessmentDbContext DbContext { get; } = dbContext;

    protected DbSet<TEntity> DbSet => DbContext.Set<TEntity>();

    public IQueryable<TEntity> Query() => DbSet;

    public IQueryable<TEntity> QueryReadOnly() => DbSet.AsNoTracking();

    public Task<TEntity?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        DbSet.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);

    public async Task<TEntity> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        await FindAsync(id, cancellationToken) ?? throw new EntityNotFoundException(typeof(TEntity), id);

    public async Task<TEntity> InsertAsync(TEntity entity, bool? autoSave = null, CancellationToken cancellationToken = default)
    {
        await DbSet.AddAsync(entity, cancellationToken);
        await SaveAsync(entity, autoSave, cancellationToken);
        return entity;
    }

    public async Task<TEntity> UpdateAsync(TEntity entity, bool? autoSave = null, CancellationToken cancellationToken = default)
    {
        if (DbContext.Entry(entity).State == EntityState.Detached)
        {
            DbSet.Update(entity);
        }

        await SaveAsync(entity, autoSave, cancellationToken);
        return entity;
    }

    public async Task DeleteAsync(TEntity entity, bool? autoSave = null, CancellationToken cancellationToken = default)
    {
        DbSet.Remove(entity);
        await SaveAsync(autoSave, cancellationToken);
    }

    public Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default) =>
        EntityFrameworkQueryableExtensions.ToListAsync(query, cancellationToken);

    public Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default) =>
        EntityFrameworkQueryableExtensions.CountAsync(query, cancellationToken);

    public Task<T?> FirstOrDefaultAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default) =>
        EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(query, cancellationToken);

    public Task<bool> AnyAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default) =>
        EntityFrameworkQueryableExtensions.AnyAsync(query, cancellationToken);

    private Task SaveAsync(bool? autoSave, CancellationToken cancellationToken) =>
        (autoSave ?? unitOfWork.SavesAtOnce) ? unitOfWork.SaveAsync(cancellationToken) : Task.CompletedTask;

    // An insert or update that waits is stamped now, so the caller returns the times and concurrency stamp it will be saved with.
    private Task SaveAsync(TEntity entity, bool? autoSave, CancellationToken cancellationToken)
    {
        if (autoSave ?? unitOfWork.SavesAtOnce)
        {
            return unitOfWork.SaveAsync(cancellationToken);
        }

        unitOfWork.StampEarly(entity);
        return Task.CompletedTask;
    }
}

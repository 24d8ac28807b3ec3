using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.EntityFrameworkCore;
using PilotAssessment.Repositories;

namespace PilotAssessment.Agreements;

/// <summary>While <see cref="Armed"/>, the data layer refuses to save a progress report.</summary>
public sealed class ProgressRefusal
{
    public bool Armed { get; set; }
}

/// <summary>
/// The real repository of progress reports, except that while the refusal is armed it gives each new report
/// another city: the save that writes it is then refused by the data layer (a cross-city write), as any failure of
/// the database would.
/// </summary>
public sealed class RefusingProgressRepository(PilotAssessmentDbContext dbContext, EfCoreUnitOfWork unitOfWork, ProgressRefusal refusal) : IRepository<KeyTaskProgress>
{
    private readonly EfCoreRepository<KeyTaskProgress> _inner = new(dbContext, unitOfWork);

    public Task<KeyTaskProgress> InsertAsync(KeyTaskProgress entity, bool? autoSave = null, CancellationToken cancellationToken = default)
    {
        if (refusal.Armed)
        {
            entity.TenantId = Guid.NewGuid();
        }

        return _inner.InsertAsync(entity, autoSave, cancellationToken);
    }

    public IQueryable<KeyTaskProgress> Query() => _inner.Query();

    public IQueryable<KeyTaskProgress> QueryReadOnly() => _inner.QueryReadOnly();

    public Task<KeyTaskProgress?> FindAsync(Guid id, CancellationToken cancellationToken = default) => _inner.FindAsync(id, cancellationToken);

    public Task<KeyTaskProgress> GetAsync(Guid id, CancellationToken cancellationToken = default) => _inner.GetAsync(id, cancellationToken);

    public Task<KeyTaskProgress> UpdateAsync(KeyTaskProgress entity, bool? autoSave = null, CancellationToken cancellationToken = default) =>
        _inner.UpdateAsync(entity, autoSave, cancellationToken);

    public Task DeleteAsync(KeyTaskProgress entity, bool? autoSave = null, CancellationToken cancellationToken = default) =>
        _inner.DeleteAsync(entity, autoSave, cancellationToken);

    public Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default) => _inner.ToListAsync(query, cancellationToken);

    public Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default) => _inner.CountAsync(query, cancellationToken);

    public Task<T?> FirstOrDefaultAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default) => _inner.FirstOrDefaultAsync(query, cancellationToken);

    public Task<bool> AnyAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default) => _inner.AnyAsync(query, cancellationToken);
}

/// <summary>The application on a real database, with progress reports the data layer can be made to refuse.</summary>
public abstract class RefusedProgressTestApplication(DatabaseProvider provider) : PilotAssessmentTestApplication(provider)
{
    public ProgressRefusal Refusal { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(Refusal);
        services.AddScoped<IRepository<KeyTaskProgress>, RefusingProgressRepository>();
    }
}

public sealed class SqliteRefusedProgressTestApplication() : RefusedProgressTestApplication(DatabaseProvider.Sqlite);

public sealed class MySqlRefusedProgressTestApplication() : RefusedProgressTestApplication(DatabaseProvider.MySql);

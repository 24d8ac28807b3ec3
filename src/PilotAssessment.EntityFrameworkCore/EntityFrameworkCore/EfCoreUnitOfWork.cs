using Microsoft.EntityFrameworkCore.Storage;
using PilotAssessment.Data;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Repositories;

namespace PilotAssessment.EntityFrameworkCore;

/// <summary>
/// The unit of work of one DI scope (one request, job run or seed), on its one DbContext: see
/// <see cref="IUnitOfWorkManager"/>. It remembers the tenant context it began in; a repository write made in another
/// one saves at once (inside the transaction), because the save checks each row's tenant against the current context.
/// A save of its own that fails fails the unit: it cannot complete, and its transaction is rolled back. So EF Core's
/// savepoint around each such save (two more round trips, there only to let a caller go on after a failed save) is not
/// taken. A request's audit row is saved in the unit's transaction (<see cref="Auditing.IAuditScope"/>).
/// </summary>
public sealed class EfCoreUnitOfWork(
    PilotAssessmentDbContext dbContext,
    ICurrentTenant currentTenant,
    IDataFilter dataFilter,
    AuditingSaveChangesInterceptor auditing,
    Auditing.IAuditScope auditScope)
    : IUnitOfWork, IUnitOfWorkManager
{
    private Outermost? _current;

    private PilotAssessmentDbContext Context => dbContext;

    private Auditing.IAuditScope AuditScope => auditScope;

    public bool IsActive => _current is not null;

    /// <summary>Whether a repository write saves at once: no unit of work is open, or it runs in another tenant context.</summary>
    internal bool SavesAtOnce =>
        _current is null || _current.TenantId != currentTenant.Id || _current.TenantFilterEnabled != dataFilter.IsEnabled<IMultiTenant>();

    public Task SaveChangesAsync(CancellationToken cancellationToken = default) => SaveAsync(cancellationToken);

    /// <summary>
    /// Saves the scope's changes (<see cref="SaveAsync(DbContext, CancellationToken)"/>) without EF Core's savepoint: a
    /// failure inside the unit's transaction marks the unit as failed instead. Saves made past the unit (ASP.NET Core
    /// Identity's stores save on their own and report a lost race as a result, not an exception) keep the savepoint.
    /// </summary>
    internal async Task SaveAsync(CancellationToken cancellationToken)
    {
        // The request's audit row goes into the first save inside the unit's transaction, in the unit's own tenant
        // context, so it commits with the write (IAuditScope) at no round trip of its own.
        if (_current is { Transaction: not null, AuditRowTaken: false } unit && !SavesAtOnce && auditScope.TakeForCommit() is { } auditRow)
        {
            dbContext.Add(auditRow);
            unit.AuditRowTaken = true;
        }

        var database = dbContext.Database;
        database.AutoSavepointsEnabled = false;
        try
        {
            await SaveAsync(dbContext, cancellationToken);
        }
        catch when (_current is not null && database.CurrentTransaction is not null)
        {
            _current.SaveFailed = true;
            throw;
        }
        finally
        {
            database.AutoSavepointsEnabled = true;
        }
    }

    /// <summary>A write that waits for the unit of work gets now the stamps its save would give it (see the interceptor).</summary>
    internal void StampEarly(object entity) => auditing.StampEarly(dbContext, entity);

    /// <summary>
    /// Saves, reporting a lost race as the domain's <see cref="ConcurrencyConflictException"/> (409): on a concurrency
    /// token, on a unique index (two requests inserting the same row at once) or as the victim of a deadlock.
    /// </summary>
    private static async Task SaveAsync(DbContext context, CancellationToken cancellationToken)
    {
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }
        catch (DbUpdateException exception) when (IsLostRace(exception.InnerException))
        {
            throw new ConcurrencyConflictException();
        }
    }

    private static bool IsLostRace(Exception? exception) => exception switch
    {
        MySqlConnector.MySqlException mysql => mysql.ErrorCode is MySqlConnector.MySqlErrorCode.DuplicateKeyEntry
            or MySqlConnector.MySqlErrorCode.LockDeadlock or MySqlConnector.MySqlErrorCode.LockWaitTimeout,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555, // UNIQUE, PRIMARY KEY
        _ => false,
    };

    public async Task<IUnitOfWorkHandle> BeginAsync(bool isTransactional = true, CancellationToken cancellationToken = default)
    {
        if (_current is not null)
        {
            if (isTransactional && dbContext.Database.CurrentTransaction is null)
            {
                _current.Transaction = await dbContext.Database.BeginTransactionAsync(cancellationToken);
            }

            return Joined.Instance;
        }

        var transaction = isTransactional && dbContext.Database.CurrentTransaction is null
            ? await dbContext.Database.BeginTransactionAsync(cancellationToken)
            : null;

        // A read keeps one connection for its queries: EF Core would otherwise take it from the pool for each query,
        // and each take resets the MariaDB session (a round trip of its own), eight of them for an entry sheet.
        var keepsConnection = transaction is null;
        if (keepsConnection)
        {
            await dbContext.Database.OpenConnectionAsync(cancellationToken);
        }

        _current = new Outermost(this, transaction, currentTenant.Id, dataFilter.IsEnabled<IMultiTenant>()) { KeepsConnection = keepsConnection };
        return _current;
    }

    public async Task<IUnitOfWorkTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default)
    {
        if (_current is not null || dbContext.Database.CurrentTransaction is not null)
        {
            return new NestedTransaction();
        }

        return new Transaction(await dbContext.Database.BeginTransactionAsync(cancellationToken));
    }

    private sealed class Outermost(EfCoreUnitOfWork owner, IDbContextTransaction? transaction, Guid? tenantId, bool tenantFilterEnabled)
        : IUnitOfWorkHandle
    {
        private bool _completed;

        public IDbContextTransaction? Transaction { get; set; } = transaction;

        public Guid? TenantId { get; } = tenantId;

        public bool TenantFilterEnabled { get; } = tenantFilterEnabled;

        /// <summary>The unit of work opened the connection for its reads and closes it at its end.</summary>
        public bool KeepsConnection { get; init; }

        /// <summary>The request's audit row was added to a save of the unit: it commits or rolls back with the unit.</summary>
        public bool AuditRowTaken { get; set; }

        /// <summary>A save of the unit failed: what it wrote before the failure may be in the transaction, so it never commits.</summary>
        public bool SaveFailed { get; set; }

        public async Task CompleteAsync(CancellationToken cancellationToken = default)
        {
            if (SaveFailed)
            {
                throw new InvalidOperationException("A unit of work whose save failed cannot complete.");
            }

            await owner.SaveAsync(cancellationToken);
            if (Transaction is not null)
            {
                await Transaction.CommitAsync(cancellationToken);
            }

            _completed = true;
            if (AuditRowTaken)
            {
                owner.AuditScope.CommitEnded(committed: true);
            }
        }

        public async ValueTask DisposeAsync()
        {
            owner._current = null;
            try
            {
                if (Transaction is not null)
                {
                    // Disposing an uncommitted transaction rolls it back.
                    await Transaction.DisposeAsync();
                }
            }
            finally
            {
                if (!_completed)
                {
                    // Nothing of a failed unit of work may be saved later by someone else's SaveChanges.
                    owner.Context.ChangeTracker.Clear();
                    if (AuditRowTaken)
                    {
                        owner.AuditScope.CommitEnded(committed: false);
                    }
                }

                if (KeepsConnection)
                {
                    await owner.Context.Database.CloseConnectionAsync();
                }
            }
        }
    }

    private sealed class Joined : IUnitOfWorkHandle
    {
        public static readonly Joined Instance = new();

        public Task CompleteAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class Transaction(IDbContextTransaction inner) : IUnitOfWorkTransaction
    {
        public Task CommitAsync(CancellationToken cancellationToken = default) => inner.CommitAsync(cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    // An inner scope joins the outer transaction; only the outermost commit counts.
    private sealed class NestedTransaction : IUnitOfWorkTransaction
    {
        public Task CommitAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

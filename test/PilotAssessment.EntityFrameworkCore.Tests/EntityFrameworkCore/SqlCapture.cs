using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PilotAssessment.EntityFrameworkCore;

/// <summary>
/// Records the SQL commands and the savepoints one DbContext sends, from EF Core's diagnostic events. EF Core caches for
/// up to a second whether anyone listens, and a context from the pool has run commands before: <see cref="StartAsync"/>
/// waits until its probes are seen, then forgets them.
/// </summary>
internal sealed class SqlCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly DbContext _context;
    private readonly ConcurrentQueue<string> _commands = new();
    private readonly ConcurrentQueue<string> _savepoints = new();
    private readonly ConcurrentBag<IDisposable> _subscriptions = [];
    private readonly IDisposable _all;

    private SqlCapture(DbContext context)
    {
        _context = context;
        _all = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public IReadOnlyList<string> Commands => [.. _commands];

    /// <summary>The savepoints created, released or rolled back to (EF Core sends them past its command pipeline).</summary>
    public IReadOnlyList<string> Savepoints => [.. _savepoints];

    public static async Task<SqlCapture> StartAsync(DbContext context)
    {
        var capture = new SqlCapture(context);
        for (var probe = 0; capture._commands.IsEmpty && probe < 30; probe++)
        {
            await context.Database.ExecuteSqlRawAsync("SELECT 1");
            if (capture._commands.IsEmpty)
            {
                await Task.Delay(100);
            }
        }

        capture._commands.Clear();
        return capture;
    }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            _subscriptions.Add(listener.Subscribe(this));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data && ReferenceEquals(data.Context, _context))
        {
            _commands.Enqueue(data.Command.CommandText);
        }
        else if ((value.Key == RelationalEventId.CreatingTransactionSavepoint.Name
                || value.Key == RelationalEventId.ReleasingTransactionSavepoint.Name
                || value.Key == RelationalEventId.RollingBackToTransactionSavepoint.Name)
            && value.Value is TransactionEventData transaction && ReferenceEquals(transaction.Context, _context))
        {
            _savepoints.Enqueue(value.Key);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _all.Dispose();
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }
}

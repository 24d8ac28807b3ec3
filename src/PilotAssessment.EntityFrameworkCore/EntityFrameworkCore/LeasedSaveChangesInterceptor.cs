using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace PilotAssessment.EntityFrameworkCore;

/// <summary>
/// The one interceptor of the pooled options: it hands each save to the auditing and city-stamp interceptors of the
/// scope that leased the context, in that order (auditing sets new rows' city first). Those keep per-scope state
/// (the current user, the audit scope, what was stamped early), which a pooled context's options cannot hold.
/// </summary>
internal sealed class LeasedSaveChangesInterceptor : SaveChangesInterceptor
{
    public static readonly LeasedSaveChangesInterceptor Instance = new();

    private static ISaveChangesInterceptor[] Of(DbContext? context) =>
        context is PilotAssessmentDbContext { LeaseServices: { } services }
            ? [services.GetRequiredService<AuditingSaveChangesInterceptor>(), services.GetRequiredService<CityChangeStampInterceptor>()]
            : [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        foreach (var interceptor in Of(eventData.Context))
        {
            result = interceptor.SavingChanges(eventData, result);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        foreach (var interceptor in Of(eventData.Context))
        {
            result = await interceptor.SavingChangesAsync(eventData, result, cancellationToken);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        foreach (var interceptor in Of(eventData.Context))
        {
            result = interceptor.SavedChanges(eventData, result);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        foreach (var interceptor in Of(eventData.Context))
        {
            result = await interceptor.SavedChangesAsync(eventData, result, cancellationToken);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        foreach (var interceptor in Of(eventData.Context))
        {
            interceptor.SaveChangesFailed(eventData);
        }
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        foreach (var interceptor in Of(eventData.Context))
        {
            await interceptor.SaveChangesFailedAsync(eventData, cancellationToken);
        }
    }

    public override void SaveChangesCanceled(DbContextEventData eventData)
    {
        foreach (var interceptor in Of(eventData.Context))
        {
            interceptor.SaveChangesCanceled(eventData);
        }
    }

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        foreach (var interceptor in Of(eventData.Context))
        {
            await interceptor.SaveChangesCanceledAsync(eventData, cancellationToken);
        }
    }
}

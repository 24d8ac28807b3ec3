using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PilotAssessment.DataEntry;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Reviews;

namespace PilotAssessment.EntityFrameworkCore;

/// <summary>
/// The one place that raises <see cref="Results.CityChangeStamp"/>: each save that adds, changes or deletes a city's
/// entry line, facts, submission or a line's evidence raises the stamp of that (period, city). Inside a transaction (every application
/// service's unit of work) the stamp is raised before the rows are written and commits with them; a save without one
/// raises it right after its own commit, so a reader may see the new rows under the old stamp (and read them again
/// later), never the new stamp before the rows. Registered after the auditing interceptor, which sets new rows' city.
/// </summary>
public sealed class CityChangeStampInterceptor : SaveChangesInterceptor
{
    private List<(Guid PeriodId, Guid CityId)>? _afterSave;

    /// <summary>The (period, city) pairs of the tracked inputs of a city's scores that this save writes.</summary>
    public static List<(Guid PeriodId, Guid CityId)> Changed(DbContext context)
    {
        var pairs = new List<(Guid, Guid)>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || entry.Entity is not (EntryLine or CityPeriodFacts or CitySubmission))
            {
                continue;
            }

            Add(pairs, entry, current: true);
            if (entry.State != EntityState.Added)
            {
                Add(pairs, entry, current: false);
            }
        }

        return pairs;
    }

    /// <summary><see cref="Changed"/>, with the (period, city) of the lines whose evidence this save adds or deletes (one query when there are any).</summary>
    public static async Task<List<(Guid PeriodId, Guid CityId)>> ChangedAsync(DbContext context, CancellationToken cancellationToken = default)
    {
        var pairs = Changed(context);
        if (EvidenceLines(context) is { Count: > 0 } lineIds)
        {
            pairs.AddRange((await LinesOf(context, lineIds).ToListAsync(cancellationToken)).Select(l => (l.PeriodId, l.TenantId!.Value)));
        }

        return pairs;
    }

    private static List<(Guid PeriodId, Guid CityId)> ChangedWithEvidence(DbContext context)
    {
        var pairs = Changed(context);
        if (EvidenceLines(context) is { Count: > 0 } lineIds)
        {
            pairs.AddRange(LinesOf(context, lineIds).ToList().Select(l => (l.PeriodId, l.TenantId!.Value)));
        }

        return pairs;
    }

    // An evidence file carries its line only: the line says which period and city it proves.
    private static List<Guid> EvidenceLines(DbContext context) =>
        context.ChangeTracker.Entries<EvidenceFile>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.EntryLineId)
            .Distinct()
            .ToList();

    private static IQueryable<EntryLine> LinesOf(DbContext context, List<Guid> lineIds) =>
        context.Set<EntryLine>().IgnoreQueryFilters().AsNoTracking().Where(l => lineIds.Contains(l.Id) && l.TenantId != null);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && ChangedWithEvidence(context) is { Count: > 0 } pairs)
        {
            if (context.Database.CurrentTransaction is null)
            {
                _afterSave = pairs;
            }
            else
            {
                CityChangeStampWriter.Bump(context, pairs);
            }
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && await ChangedAsync(context, cancellationToken) is { Count: > 0 } pairs)
        {
            if (context.Database.CurrentTransaction is null)
            {
                _afterSave = pairs;
            }
            else
            {
                await CityChangeStampWriter.BumpAsync(context, pairs, cancellationToken);
            }
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && TakeAfterSave() is { } pairs)
        {
            CityChangeStampWriter.Bump(context, pairs);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && TakeAfterSave() is { } pairs)
        {
            await CityChangeStampWriter.BumpAsync(context, pairs, cancellationToken);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => _afterSave = null;

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _afterSave = null;
        return Task.CompletedTask;
    }

    private List<(Guid PeriodId, Guid CityId)>? TakeAfterSave()
    {
        var pairs = _afterSave;
        _afterSave = null;
        return pairs;
    }

    private static void Add(List<(Guid, Guid)> pairs, EntityEntry entry, bool current)
    {
        var period = entry.Property(nameof(EntryLine.PeriodId));
        var city = entry.Property(nameof(IMultiTenant.TenantId));
        if ((current ? period.CurrentValue : period.OriginalValue) is Guid periodId
            && (current ? city.CurrentValue : city.OriginalValue) is Guid cityId)
        {
            pairs.Add((periodId, cityId));
        }
    }
}

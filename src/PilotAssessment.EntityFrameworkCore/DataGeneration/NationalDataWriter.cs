using System.Diagnostics;
using PilotAssessment.Data;
using PilotAssessment.DataEntry;
using PilotAssessment.Entities;
using PilotAssessment.EntityFrameworkCore;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Periods;
using PilotAssessment.Reviews;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Validation;
using PilotAssessment.Tenants;

namespace PilotAssessment.DataGeneration;

/// <summary>What <see cref="NationalDataWriter"/> wrote: the published scheme, the cities (in generator order) and the periods (oldest first).</summary>
public sealed record GeneratedProvince(Guid SchemeId, IReadOnlyList<Guid> CityIds, IReadOnlyList<Guid> PeriodIds, int Lines);

/// <summary>
/// Writes a generated province: the scheme (published), the cities as tenants (existing names are reused), locked
/// periods, and for every city and period its entry lines, facts and an approved submission (the last period can be
/// left open, <see cref="DataGeneratorOptions.LeaveLastOpen"/>). Inserts go through a
/// DbContext without the entity-change history (synthetic bulk data; docs/adr/0007), in batches of about
/// <see cref="BatchRows"/> rows per SaveChanges with the change tracker cleared between batches.
/// </summary>
public sealed class NationalDataWriter(PilotAssessmentDbContext db, DatabaseOptions databaseOptions, ICurrentTenant currentTenant, IDataFilter dataFilter, TimeProvider clock)
{
    public const int BatchRows = 5000;

    public async Task<GeneratedProvince> WriteAsync(NationalDataGenerator generator, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var definition = generator.Scheme();
        var cities = generator.Cities();
        var periods = generator.Periods();
        var total = Stopwatch.StartNew();

        await using var bulk = CreateBulkContext();
        var scheme = new Scheme(SequentialGuid.Next(), NationalDataGenerator.SchemeName, generator.Options.Year, generator.Scale, definition);
        scheme.Publish(new SchemeValidator(), now);
        Add(bulk, scheme, now);

        var normalized = cities.Select(c => Tenant.Normalize(c.Name)).ToList();
        var existing = await bulk.Tenants.IgnoreQueryFilters().Where(t => normalized.Contains(t.NormalizedName)).ToDictionaryAsync(t => t.NormalizedName, cancellationToken);
        var cityIds = new List<Guid>(cities.Count);
        foreach (var city in cities)
        {
            if (existing.TryGetValue(Tenant.Normalize(city.Name), out var tenant))
            {
                cityIds.Add(tenant.Id);
                continue;
            }

            tenant = new Tenant(SequentialGuid.Next(), city.Name, city.DisplayName);
            Add(bulk, tenant, now);
            cityIds.Add(tenant.Id);
        }

        var periodIds = new List<Guid>(periods.Count);
        var openPeriod = generator.Options.LeaveLastOpen ? periods.Count - 1 : -1;
        foreach (var (p, index) in periods.Select((p, index) => (p, index)))
        {
            // The period left open for entry: its window runs now, whatever month it stands for.
            var (opens, closes) = index == openPeriod ? (now.AddDays(-1), now.AddDays(30)) : (p.EntryOpensAt, p.EntryClosesAt);
            var period = new AssessmentPeriod(SequentialGuid.Next(), scheme.Id, p.Name, p.Kind, p.Year, p.Number, opens, closes);
            period.Open(now);
            if (index != openPeriod)
            {
                period.Lock(now);
            }

            Add(bulk, period, now);
            periodIds.Add(period.Id);
        }

        await SaveAsync(bulk, cancellationToken);
        progress?.Invoke($"scheme of {definition.AllIndicators().Count()} indicators, {cities.Count} cities, {periods.Count} periods created");

        var lines = 0;
        for (var p = 0; p < periods.Count; p++)
        {
            var started = Stopwatch.StartNew();
            var pending = 0;
            for (var c = 0; c < cityIds.Count; c++)
            {
                var data = generator.CityPeriod(definition, c, p);
                var submitted = p != openPeriod || c % 2 == 1;
                foreach (var (code, value) in data.Values)
                {
                    var line = new EntryLine(SequentialGuid.Next(), periodIds[p], code) { TenantId = cityIds[c], Status = submitted ? EntryLineStatus.Submitted : EntryLineStatus.Draft };
                    line.SetValue(value, null, now);
                    Add(bulk, line, now);
                }

                Add(bulk, new CityPeriodFacts(SequentialGuid.Next(), periodIds[p]) { TenantId = cityIds[c], VetoFacts = data.VetoFacts, BonusCounts = data.BonusCounts, DataItems = data.DataItems }, now);
                if (submitted)
                {
                    var submission = new CitySubmission(SequentialGuid.Next(), periodIds[p]) { TenantId = cityIds[c] };
                    submission.Submit(null, now);
                    if (p != openPeriod)
                    {
                        submission.Approve(null, now);
                    }

                    Add(bulk, submission, now);
                }

                lines += data.Values.Count;
                pending += data.Values.Count + 2;
                if (pending >= BatchRows)
                {
                    await SaveAsync(bulk, cancellationToken);
                    pending = 0;
                }
            }

            await SaveAsync(bulk, cancellationToken);
            progress?.Invoke($"period {p + 1}/{periods.Count} {periods[p].Name}: {cityIds.Count} cities written in {started.Elapsed.TotalSeconds:F1} s ({lines:N0} lines so far, {total.Elapsed.TotalSeconds:F0} s)");
        }

        return new GeneratedProvince(scheme.Id, cityIds, periodIds, lines);
    }

    private static void Add(DbContext context, object entity, DateTime now)
    {
        if (entity is IHasCreationTime created)
        {
            created.CreationTime = now;
        }

        context.Add(entity);
    }

    private static async Task SaveAsync(DbContext context, CancellationToken cancellationToken)
    {
        await context.SaveChangesAsync(cancellationToken);
        context.ChangeTracker.Clear();
    }

    /// <summary>A context on the same database as the scoped one but without its interceptors (no entity-change history).</summary>
    private PilotAssessmentDbContext CreateBulkContext()
    {
        var connectionString = db.Database.GetConnectionString() ?? throw new InvalidOperationException("No connection string.");
        PilotAssessmentDbContext context;
        if (databaseOptions.Provider == DatabaseProvider.MySql)
        {
            var version = string.IsNullOrWhiteSpace(databaseOptions.ServerVersion) ? ServerVersion.AutoDetect(connectionString) : ServerVersion.Parse(databaseOptions.ServerVersion);
            var options = new DbContextOptionsBuilder<MySqlPilotAssessmentDbContext>()
                .UseMySql(connectionString, version, my => my.MaxBatchSize(PilotAssessmentEntityFrameworkCoreModule.MySqlMaxBatchSize)).Options;
            context = new MySqlPilotAssessmentDbContext(options).Lease(currentTenant, dataFilter);
        }
        else
        {
            context = new SqlitePilotAssessmentDbContext(new DbContextOptionsBuilder<SqlitePilotAssessmentDbContext>().UseSqlite(connectionString).Options).Lease(currentTenant, dataFilter);
        }

        context.ChangeTracker.AutoDetectChangesEnabled = false;
        return context;
    }
}

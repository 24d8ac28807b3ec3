using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.Data;
using PilotAssessment.DataEntry;
using PilotAssessment.EntityFrameworkCore;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Periods;
using PilotAssessment.Repositories;
using PilotAssessment.Schemes;
using PilotAssessment.Tenants;
using Shouldly;
using Xunit;

namespace PilotAssessment.Results;

/// <summary>Recomputing and publishing a whole period issues the same number of queries for 2 cities as for 5.</summary>
public abstract class PeriodRecompute_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : CommandCountingTestApplication
{
    [Fact]
    public async Task Should_Score_And_Persist_A_Period_With_A_Number_Of_Queries_That_Does_Not_Grow_With_Cities()
    {
        var cities = await CityIdsAsync();
        cities.Count.ShouldBe(5);
        await PublishCountingAsync(cities); // so both measured periods have a previous period to compare with
        var two = await PublishCountingAsync(cities.Take(2).ToList());
        var five = await PublishCountingAsync(cities);

        // Reads: scheme, lines, facts, the scheme's periods and the previous period's lines (reference data), agreements,
        // previous period and its sheets' totals, the self totals of the submissions, each city's latest version and the
        // current sheets (not every earlier version with its lines) — one each, whatever the city count.
        two.Reads.ShouldBe(five.Reads);
        five.Reads.ShouldBeLessThanOrEqualTo(12);
        five.Sheets.ShouldBe(5);
        five.Lines.ShouldBe(5 * two.Lines / 2);

        // The sheets and their lines are written in bulk beside EF (MySqlBulkCopy, multi-row INSERTs on SQLite):
        // what EF itself sends (the period's update, and the savepoint it takes inside the transaction) does not grow
        // with the rows, and every row is stored.
        two.Writes.ShouldBe(five.Writes);
        five.Writes.ShouldBeLessThanOrEqualTo(5);
        (five.StoredSheets, five.StoredLines).ShouldBe((five.Sheets, five.Lines));
    }

    [Fact]
    public async Task Should_Leave_Nothing_Written_When_The_Publishing_Unit_Of_Work_Fails()
    {
        var cities = await CityIdsAsync();
        var periodId = await NewPeriodWithEntriesAsync(cities);
        await Should.ThrowAsync<InvalidOperationException>(() => app.AsUserAsync<int>(null, "official", async sp =>
        {
            await using var work = await sp.GetRequiredService<IUnitOfWorkManager>().BeginAsync();
            var period = await sp.GetRequiredService<IRepository<AssessmentPeriod>>().GetAsync(periodId);
            var records = await sp.GetRequiredService<PeriodRecomputeService>().PublishAsync(period, cities, app.Clock.GetUtcNow().UtcDateTime);
            records.Count.ShouldBe(cities.Count);
            (await StoredAsync(sp, periodId)).Sheets.ShouldBe(cities.Count); // written in the transaction...
            throw new InvalidOperationException("a later step of the call fails");
        }));

        // ...and rolled back with it: no sheet, no line, the period not published.
        await app.WithScopeAsync(async sp =>
        {
            (await StoredAsync(sp, periodId)).ShouldBe((0, 0));
            (await sp.GetRequiredService<IRepository<AssessmentPeriod>>().GetAsync(periodId)).Status.ShouldNotBe(PeriodStatus.Published);
        });
    }

    [Fact]
    public async Task Should_Score_Every_City_With_Its_Own_Values_In_One_Pass()
    {
        var cities = await CityIdsAsync();
        var period = await NewPeriodWithEntriesAsync(cities);
        var scores = await app.AsUserAsync(null, "official", async sp =>
            await sp.GetRequiredService<PeriodRecomputeService>().ScoreAsync(await sp.GetRequiredService<IRepository<AssessmentPeriod>>().GetAsync(period), cities, withAuditorScores: true));

        scores.Sheets.Select(s => s.CityId).ShouldBe(cities);
        scores.Sheets.Select(s => s.Sheet.Total).Distinct().Count().ShouldBeGreaterThan(1);
        scores.Inputs.Values.ShouldAllBe(i => i.Lines.Count > 0);
    }

    private async Task<(int Reads, int Writes, int Sheets, int Lines, int StoredSheets, int StoredLines)> PublishCountingAsync(List<Guid> cityIds)
    {
        var periodId = await NewPeriodWithEntriesAsync(cityIds);
        return await app.AsUserAsync(null, "official", async sp =>
        {
            var period = await sp.GetRequiredService<IRepository<AssessmentPeriod>>().GetAsync(periodId);
            var context = sp.GetRequiredService<PilotAssessmentDbContext>();
            IReadOnlyList<ScoreSheetRecord> records;
            using (app.Commands.Track(context))
            {
                records = await sp.GetRequiredService<PeriodRecomputeService>().PublishAsync(period, cityIds, app.Clock.GetUtcNow().UtcDateTime);
            }

            var (sheets, lines) = await StoredAsync(sp, periodId);
            return (app.Commands.Reads, app.Commands.Writes, records.Count, records.Sum(r => r.Lines.Count), sheets, lines);
        });
    }

    private static async Task<(int Sheets, int Lines)> StoredAsync(IServiceProvider sp, Guid periodId)
    {
        using var _ = sp.GetRequiredService<IDataFilter>().Disable<IMultiTenant>();
        var sheets = sp.GetRequiredService<IRepository<ScoreSheetRecord>>();
        var lines = sp.GetRequiredService<IRepository<ScoreSheetLineRecord>>();
        var ids = await sheets.ToListAsync(sheets.QueryReadOnly().Where(s => s.PeriodId == periodId).Select(s => s.Id));
        return (ids.Count, await lines.CountAsync(lines.QueryReadOnly().Where(l => ids.Contains(l.ScoreSheetRecordId))));
    }

    private Task<List<Guid>> CityIdsAsync() => app.WithScopeAsync(async sp =>
    {
        var tenants = sp.GetRequiredService<IRepository<Tenant>>();
        return await tenants.ToListAsync(tenants.Query().OrderBy(t => t.Name).Select(t => t.Id));
    });

    /// <summary>A locked period of the sample scheme with every entered indicator reported by each given city (values differ by city).</summary>
    private async Task<Guid> NewPeriodWithEntriesAsync(IReadOnlyList<Guid> cityIds)
    {
        var periodId = (await app.CreatePeriodAsync(TimeSpan.FromMinutes(-1), TimeSpan.FromDays(10))).Id;
        await app.WithScopeAsync(async sp =>
        {
            var schemes = sp.GetRequiredService<IRepository<Scheme>>();
            var scheme = (await schemes.ToListAsync(schemes.Query().Where(s => s.Status == SchemeStatus.Published).OrderBy(s => s.CreationTime))).First();
            var indicators = PeriodScoringService.EnteredIndicators(scheme.Definition);
            var lines = sp.GetRequiredService<IRepository<EntryLine>>();
            var tenant = sp.GetRequiredService<ICurrentTenant>();
            for (var c = 0; c < cityIds.Count; c++)
            {
                using (tenant.Change(cityIds[c]))
                {
                    foreach (var indicator in indicators)
                    {
                        var line = new EntryLine(Guid.NewGuid(), periodId, indicator.Code);
                        line.SetValue(new EntryValue { Number = 80 + (c * 4) }, null, app.Clock.GetUtcNow().UtcDateTime);
                        await lines.InsertAsync(line, autoSave: false);
                    }

                    await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
                }
            }
        });
        return periodId;
    }
}

/// <summary>Counts the commands one tracked DbContext sends (an EF command interceptor added to the registered options).</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private DbContext? _tracked;

    public int Reads { get; private set; }

    public int Writes { get; private set; }

    /// <summary>The text of each read counted since <see cref="Track"/>.</summary>
    public List<string> ReadTexts { get; } = [];

    public IDisposable Track(DbContext context)
    {
        _tracked = context;
        Reads = Writes = 0;
        ReadTexts.Clear();
        return new Untrack(this);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count(command, eventData);
        return ValueTask.FromResult(result);
    }

    private void Count(DbCommand command, CommandEventData eventData)
    {
        if (_tracked is null || !ReferenceEquals(eventData.Context, _tracked))
        {
            return;
        }

        if (command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
        {
            Reads++;
            ReadTexts.Add(command.CommandText);
        }
        else
        {
            Writes++;
        }
    }

    private sealed class Untrack(CommandCounter counter) : IDisposable
    {
        public void Dispose() => counter._tracked = null;
    }
}

/// <summary>The application on a real database with a <see cref="CommandCounter"/> on every DbContext.</summary>
public abstract class CommandCountingTestApplication(DatabaseProvider provider) : PilotAssessmentTestApplication(provider)
{
    public CommandCounter Commands { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.ConfigureDbContext<SqlitePilotAssessmentDbContext>(o => o.AddInterceptors(Commands));
        services.ConfigureDbContext<MySqlPilotAssessmentDbContext>(o => o.AddInterceptors(Commands));
    }
}

public sealed class CommandCountingSqliteTestApplication() : CommandCountingTestApplication(DatabaseProvider.Sqlite);

public sealed class CommandCountingMySqlTestApplication() : CommandCountingTestApplication(DatabaseProvider.MySql);

public sealed class PeriodRecompute_Sqlite_Tests(CommandCountingSqliteTestApplication app) : PeriodRecompute_Tests<CommandCountingSqliteTestApplication>(app);

public sealed class PeriodRecompute_MySql_Tests(CommandCountingMySqlTestApplication app) : PeriodRecompute_Tests<CommandCountingMySqlTestApplication>(app);

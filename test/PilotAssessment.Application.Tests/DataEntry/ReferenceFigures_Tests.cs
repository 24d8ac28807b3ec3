using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.Data;
using PilotAssessment.EntityFrameworkCore;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Periods;
using PilotAssessment.Repositories;
using PilotAssessment.Results;
using PilotAssessment.Reviews;
using PilotAssessment.Schemes;
using PilotAssessment.Tenants;
using Shouldly;
using Xunit;
using static PilotAssessment.Periods.PeriodTestHelpers;

namespace PilotAssessment.DataEntry;

/// <summary>
/// The province averages a city's sheet compares with are stored once per period and indicator: they change when a
/// sheet is submitted, approved or returned, not when a line is saved, and opening or saving a sheet reads the same
/// rows for 2 cities as for 5.
/// </summary>
public abstract class ReferenceFigures_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : RowCountingTestApplication
{
    [Fact]
    public async Task Should_Change_The_Stored_Average_On_Submission_Approval_And_Return_And_Not_On_A_Save()
    {
        var period = await app.CreatePeriodAsync(TimeSpan.FromMinutes(-1), TimeSpan.FromDays(10));
        foreach (var (city, number) in new[] { ("天水", 3.2m), ("酒泉", 3.0m), ("张掖", 4.0m), ("金昌", 2.0m) })
        {
            await app.DataEntryAsync(city, "clerk", e => e.SaveAsync(period.Id, "B03", Number(number)));
            await app.DataEntryAsync(city, "admin", e => e.SubmitAsync(period.Id));
        }

        (await FigureAsync(period.Id)).ShouldBe((12.2m, 4, 0m, 0));
        (await LanzhouReferenceAsync(period.Id)).ShouldBe(3.05m);

        var tianshui = await app.TenantIdAsync("天水");
        await app.ReviewAsync(r => r.ApproveAsync(period.Id, tianshui));
        (await FigureAsync(period.Id)).ShouldBe((12.2m, 4, 3.2m, 1));

        var jinchang = await app.TenantIdAsync("金昌");
        await app.ReviewAsync(r => r.ReturnAsync(period.Id, jinchang, new ReturnSubmissionInput { Comment = "请核实" }));
        (await FigureAsync(period.Id)).ShouldBe((10.2m, 3, 3.2m, 1));
        (await LanzhouReferenceAsync(period.Id)).ShouldBe(3.4m);

        // A returned city corrects its line: a save, nothing of the average changes until it submits again.
        var line = (await app.DataEntryAsync("金昌", "clerk", e => e.GetSheetAsync(period.Id))).Lines.Single(l => l.IndicatorCode == "B03");
        await app.DataEntryAsync("金昌", "clerk", e => e.SaveAsync(period.Id, "B03", Number(9m), line.ConcurrencyStamp));
        await app.DataEntryAsync("兰州", "clerk", e => e.SaveAsync(period.Id, "B03", Number(5m)));
        (await FigureAsync(period.Id)).ShouldBe((10.2m, 3, 3.2m, 1));
        (await LanzhouReferenceAsync(period.Id)).ShouldBe(3.4m);

        await app.DataEntryAsync("金昌", "admin", e => e.SubmitAsync(period.Id));
        (await FigureAsync(period.Id)).ShouldBe((19.2m, 4, 3.2m, 1));
        (await LanzhouReferenceAsync(period.Id)).ShouldBe(4.8m);

        // A submitted city is left out of its own average, from the same stored totals.
        var own = (await app.DataEntryAsync("金昌", "clerk", e => e.GetSheetAsync(period.Id))).Lines.Single(l => l.IndicatorCode == "B03");
        (own.ReferenceValue, own.ReferenceSource).ShouldBe((3.4m, ReferenceSources.ProvinceAverage));
    }

    [Fact]
    public async Task Should_Open_Save_And_Preview_A_Sheet_With_The_Same_Commands_And_Rows_For_2_And_5_Cities()
    {
        var cities = await app.WithScopeAsync(async sp =>
        {
            var tenants = sp.GetRequiredService<IRepository<Tenant>>();
            return await tenants.ToListAsync(tenants.Query().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }));
        });
        cities.Count.ShouldBe(5);
        var lanzhou = cities.Single(c => c.Name == "兰州").Id;
        var others = cities.Where(c => c.Id != lanzhou).Select(c => c.Id).ToList();

        // So both measured periods have a previous period to compare with, and the host has read the scheme once.
        await MeasureAsync(await PeriodWithEntriesAsync(lanzhou, others));
        var two = await MeasureAsync(await PeriodWithEntriesAsync(lanzhou, others.Take(1).ToList()));
        var five = await MeasureAsync(await PeriodWithEntriesAsync(lanzhou, others));

        two.ShouldBe(five);

        // The period with its scheme's periods in one read, the agreement once (line scope and targets), the
        // submission once, no count of the line's history. A sheet built first reads the city's change stamps and the
        // stored province figures (its fingerprint); the same sheet kept reads those, the periods, the agreement, the
        // user's units and grants, and no line. The save answers from what it read: the previous period's line came
        // with the line's quality history.
        (two.Sheet.Reads, two.Kept.Reads, two.Save.Reads, two.Preview.Reads).ShouldBe((12, 6, 9, 9));
        two.Sheet.Lines.ShouldBeGreaterThan(0);
        two.Kept.Lines.ShouldBe(0);
        two.Save.Lines.ShouldBeLessThanOrEqualTo(2); // the line saved, read again after the save at most
    }

    private async Task<((int Reads, int Lines) Sheet, (int Reads, int Lines) Kept, (int Reads, int Lines) Save, (int Reads, int Lines) Preview)> MeasureAsync(Guid periodId)
    {
        var sheet = await CountingAsync(sp => new DataEntryServices(sp).GetSheetAsync(periodId));
        var kept = await CountingAsync(sp => new DataEntryServices(sp).GetSheetAsync(periodId));
        var b03 = (await app.DataEntryAsync("兰州", "clerk", e => e.GetSheetAsync(periodId))).Lines.Single(l => l.IndicatorCode == "B03");
        var save = await CountingAsync(sp => new DataEntryServices(sp).SaveAsync(periodId, "B03", Number(2.5m), b03.ConcurrencyStamp));
        var preview = await CountingAsync(sp => sp.GetRequiredService<IEntryScoringAppService>()
            .PreviewLineAsync(periodId, "B03", new PreviewLineInput { Value = Number(2.7m) }));
        return (sheet, kept, save, preview);
    }

    private Task<(int Reads, int Lines)> CountingAsync<T>(Func<IServiceProvider, Task<T>> call) =>
        app.AsUserAsync("兰州", "clerk", async sp =>
        {
            var context = sp.GetRequiredService<PilotAssessmentDbContext>();
            using (app.Commands.Track(context))
            using (app.Rows.Track(context))
            {
                await call(sp);
                return (app.Commands.Reads, app.Rows.EntryLines);
            }
        });

    /// <summary>An open period where 兰州 has a draft of every entered indicator and <paramref name="submitted"/> have submitted theirs.</summary>
    private async Task<Guid> PeriodWithEntriesAsync(Guid lanzhou, IReadOnlyList<Guid> submitted)
    {
        var periodId = (await app.CreatePeriodAsync(TimeSpan.FromMinutes(-1), TimeSpan.FromDays(10))).Id;
        await app.WithScopeAsync(async sp =>
        {
            var schemes = sp.GetRequiredService<IRepository<Scheme>>();
            var scheme = (await schemes.ToListAsync(schemes.Query().Where(s => s.Status == SchemeStatus.Published).OrderBy(s => s.CreationTime))).First();
            var indicators = PeriodScoringService.EnteredIndicators(scheme.Definition);
            var lines = sp.GetRequiredService<IRepository<EntryLine>>();
            var tenant = sp.GetRequiredService<ICurrentTenant>();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            foreach (var (city, c) in submitted.Prepend(lanzhou).Select((city, c) => (city, c)))
            {
                using (tenant.Change(city))
                {
                    foreach (var indicator in indicators)
                    {
                        var line = new EntryLine(Guid.NewGuid(), periodId, indicator.Code) { Status = c == 0 ? EntryLineStatus.Draft : EntryLineStatus.Submitted };
                        line.SetValue(new EntryValue { Number = 2 + c }, null, now);
                        await lines.InsertAsync(line, autoSave: false);
                    }

                    if (c > 0)
                    {
                        var submission = new CitySubmission(Guid.NewGuid(), periodId);
                        submission.Submit(null, now);
                        await sp.GetRequiredService<IRepository<CitySubmission>>().InsertAsync(submission, autoSave: false);
                    }

                    await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
                }
            }

            await sp.GetRequiredService<ReferenceFigureStore>().RecomputeAsync(periodId);
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        });
        return periodId;
    }

    private Task<(decimal, int, decimal, int)> FigureAsync(Guid periodId) => app.WithScopeAsync(async sp =>
    {
        var figures = sp.GetRequiredService<IRepository<ReferenceFigure>>();
        var figure = await figures.FirstOrDefaultAsync(figures.Query().Where(f => f.PeriodId == periodId && f.IndicatorCode == "B03"));
        figure.ShouldNotBeNull();
        return (figure.ReportedSum, figure.ReportedCount, figure.ApprovedSum, figure.ApprovedCount);
    });

    private async Task<decimal?> LanzhouReferenceAsync(Guid periodId)
    {
        var sheet = await app.DataEntryAsync("兰州", "clerk", e => e.GetSheetAsync(periodId));
        var line = sheet.Lines.Single(l => l.IndicatorCode == "B03");
        return line.ReferenceValue;
    }
}

/// <summary>Counts the entry lines one tracked DbContext materializes (tracked or not).</summary>
public sealed class RowCounter : IMaterializationInterceptor
{
    private DbContext? _tracked;

    public int EntryLines { get; private set; }

    public IDisposable Track(DbContext context)
    {
        _tracked = context;
        EntryLines = 0;
        return new Untrack(this);
    }

    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        if (entity is EntryLine && _tracked is not null && ReferenceEquals(materializationData.Context, _tracked))
        {
            EntryLines++;
        }

        return entity;
    }

    private sealed class Untrack(RowCounter counter) : IDisposable
    {
        public void Dispose() => counter._tracked = null;
    }
}

/// <summary>The application with a <see cref="CommandCounter"/> and a <see cref="RowCounter"/> on every DbContext.</summary>
public abstract class RowCountingTestApplication(DatabaseProvider provider) : CommandCountingTestApplication(provider)
{
    public RowCounter Rows { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.ConfigureDbContext<SqlitePilotAssessmentDbContext>(o => o.AddInterceptors(Rows));
        services.ConfigureDbContext<MySqlPilotAssessmentDbContext>(o => o.AddInterceptors(Rows));
    }
}

public sealed class RowCountingSqliteTestApplication() : RowCountingTestApplication(DatabaseProvider.Sqlite);

public sealed class RowCountingMySqlTestApplication() : RowCountingTestApplication(DatabaseProvider.MySql);

public sealed class ReferenceFigures_Sqlite_Tests(RowCountingSqliteTestApplication app) : ReferenceFigures_Tests<RowCountingSqliteTestApplication>(app);

public sealed class ReferenceFigures_MySql_Tests(RowCountingMySqlTestApplication app) : ReferenceFigures_Tests<RowCountingMySqlTestApplication>(app);

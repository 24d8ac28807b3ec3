using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.Data;
using PilotAssessment.DataEntry;
using PilotAssessment.EntityFrameworkCore;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Repositories;
using PilotAssessment.Reviews;
using PilotAssessment.Schemes;
using PilotAssessment.Tenants;
using Shouldly;
using Xunit;
using static PilotAssessment.Periods.PeriodTestHelpers;

namespace PilotAssessment.Results;

/// <summary>
/// Scoring one city (its submission, its approval) reads the city's own rows and the stored province averages: the
/// same commands and the same entry lines for 2 cities as for 5, and the same scores as from every city's lines.
/// </summary>
public abstract class CityScoring_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : RowCountingTestApplication
{
    [Fact]
    public async Task Should_Submit_And_Approve_One_City_With_The_Same_Commands_And_Rows_For_2_And_5_Cities()
    {
        var cities = await app.WithScopeAsync(async sp =>
        {
            var tenants = sp.GetRequiredService<IRepository<Tenant>>();
            return await tenants.ToListAsync(tenants.Query().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }));
        });
        cities.Count.ShouldBe(5);
        var lanzhou = cities.Single(c => c.Name == "兰州").Id;
        var others = cities.Where(c => c.Id != lanzhou).Select(c => c.Id).ToList();

        // So both measured periods have a previous period where 兰州 is approved to compare with.
        await MeasureAsync(await PeriodWithEntriesAsync(lanzhou, others), lanzhou);
        var two = await MeasureAsync(await PeriodWithEntriesAsync(lanzhou, others.Take(1).ToList()), lanzhou);
        var five = await MeasureAsync(await PeriodWithEntriesAsync(lanzhou, others), lanzhou);

        two.Submit.ShouldBe(five.Submit);
        two.Approve.ShouldBe(five.Approve);
        two.Submit.Lines.ShouldBeGreaterThan(0);
        two.Approve.Lines.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Should_Give_One_City_The_Self_Score_Of_The_Stored_Averages()
    {
        var cities = await app.WithScopeAsync(async sp =>
        {
            var tenants = sp.GetRequiredService<IRepository<Tenant>>();
            return await tenants.ToListAsync(tenants.Query().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }));
        });
        var lanzhou = cities.Single(c => c.Name == "兰州").Id;
        var periodId = await PeriodWithEntriesAsync(lanzhou, cities.Where(c => c.Id != lanzhou).Select(c => c.Id).ToList());

        // What the whole province's lines give 兰州 (the same service, asked for two cities) and what it gets alone.
        var (alone, withOthers) = await app.WithScopeAsync(async sp =>
        {
            using var _ = sp.GetRequiredService<IDataFilter>().Disable<IMultiTenant>();
            var scoring = sp.GetRequiredService<PeriodScoringService>();
            var one = (await scoring.LoadAsync(periodId, [lanzhou], tracked: false))[lanzhou];
            var all = (await scoring.LoadAsync(periodId, [lanzhou, cities.First(c => c.Id != lanzhou).Id], tracked: false))[lanzhou];
            return (one.Reference, all.Reference);
        });

        // Only the indicators whose rule compares with the province average are given one.
        var averaged = await app.WithScopeAsync(async sp =>
        {
            var schemes = sp.GetRequiredService<IRepository<Scheme>>();
            var scheme = (await schemes.ToListAsync(schemes.Query().Where(s => s.Status == SchemeStatus.Published).OrderBy(s => s.CreationTime))).First();
            return ReferenceFigureStore.AveragedIndicators(scheme.Definition);
        });
        averaged.Count.ShouldBeGreaterThan(0);
        alone.ProvinceAverages.Keys.OrderBy(k => k).ShouldBe(averaged.OrderBy(k => k));
        alone.ProvinceAverages.ShouldBe(withOthers.ProvinceAverages.Where(a => averaged.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value));
        alone.LastYearValues.ShouldBe(withOthers.LastYearValues);
    }

    private async Task<((int Reads, int Lines) Submit, (int Reads, int Lines) Approve)> MeasureAsync(Guid periodId, Guid lanzhou)
    {
        var submit = await CountingAsync("兰州", "admin", sp => new DataEntryServices(sp).SubmitAsync(periodId));
        var approve = await CountingAsync(null, "auditor", sp => sp.GetRequiredService<IReviewAppService>().ApproveAsync(periodId, lanzhou));
        return (submit, approve);
    }

    private Task<(int Reads, int Lines)> CountingAsync<T>(string? city, string user, Func<IServiceProvider, Task<T>> call) =>
        app.AsUserAsync(city, user, async sp =>
        {
            var context = sp.GetRequiredService<PilotAssessmentDbContext>();
            using (app.Commands.Track(context))
            using (app.Rows.Track(context))
            {
                await call(sp);
                return (app.Commands.Reads, app.Rows.EntryLines);
            }
        });

    /// <summary>An open period where 兰州 has a draft of B03 and <paramref name="submitted"/> have submitted every entered indicator.</summary>
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
                    foreach (var indicator in c == 0 ? indicators.Where(i => i.Code == "B03") : indicators)
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
}

public sealed class CityScoring_Sqlite_Tests(RowCountingSqliteTestApplication app) : CityScoring_Tests<RowCountingSqliteTestApplication>(app);

public sealed class CityScoring_MySql_Tests(RowCountingMySqlTestApplication app) : CityScoring_Tests<RowCountingMySqlTestApplication>(app);

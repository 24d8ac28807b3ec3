using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.DataEntry;
using PilotAssessment.EntityFrameworkCore;
using PilotAssessment.Periods;
using PilotAssessment.Repositories;
using PilotAssessment.Results;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Scoring;
using Shouldly;
using Xunit;

namespace PilotAssessment.DataGeneration;

/// <summary>A small generated province written to a real database scores in every period, through the product's code.</summary>
public abstract class NationalDataWriter_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : PilotAssessmentTestApplication
{
    private static readonly DataGeneratorOptions Small = new() { Cities = 3, Indicators = 20, Periods = 2, Seed = 42 };

    [Fact]
    public async Task Should_Write_A_Province_That_Scores_In_Every_Period_And_Is_The_Same_For_The_Same_Seed()
    {
        var province = await app.WithScopeAsync(sp => sp.GetRequiredService<NationalDataWriter>().WriteAsync(new NationalDataGenerator(Small)));

        province.CityIds.Count.ShouldBe(3);
        province.PeriodIds.Count.ShouldBe(2);
        var scheme = await app.WithScopeAsync(sp => sp.GetRequiredService<IRepository<Scheme>>().GetAsync(province.SchemeId));
        scheme.Status.ShouldBe(SchemeStatus.Published);
        scheme.Definition.AllIndicators().Count().ShouldBe(20);

        foreach (var periodId in province.PeriodIds)
        {
            var scores = await app.AsUserAsync(null, "official", async sp =>
                await sp.GetRequiredService<PeriodRecomputeService>().ScoreAsync(await sp.GetRequiredService<IRepository<AssessmentPeriod>>().GetAsync(periodId), province.CityIds, withAuditorScores: true));
            scores.Sheets.Count.ShouldBe(3);
            scores.Sheets.ShouldAllBe(s => s.Sheet.Lines.Count == 20 && s.Sheet.Total > 0 && s.Sheet.Lines.All(l => l.Status != LineStatus.Error));
            scores.Sheets.Select(s => s.Sheet.Total).Distinct().Count().ShouldBe(3);
            scores.Inputs.Values.SelectMany(i => i.Lines).Select(l => l.ValueJson).Distinct().Count().ShouldBeGreaterThan(20);
        }

        // The oldest period publishes through the product's code path; every city gets its ranked sheet.
        var records = await app.AsUserAsync(null, "official", async sp =>
            await sp.GetRequiredService<PeriodRecomputeService>().PublishAsync(await sp.GetRequiredService<IRepository<AssessmentPeriod>>().GetAsync(province.PeriodIds[0]), province.CityIds, app.Clock.GetUtcNow().UtcDateTime));
        records.Select(r => r.Rank).Order().ShouldBe([1, 2, 3]);

        // Written again with the same seed: the same cities (reused) and the same values line for line.
        var again = await app.WithScopeAsync(sp => sp.GetRequiredService<NationalDataWriter>().WriteAsync(new NationalDataGenerator(Small)));
        again.CityIds.ShouldBe(province.CityIds);
        again.Lines.ShouldBe(province.Lines);
        (await ValuesAsync(again.PeriodIds)).ShouldBe(await ValuesAsync(province.PeriodIds));
    }

    private Task<List<string>> ValuesAsync(IReadOnlyList<Guid> periodIds) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<PilotAssessmentDbContext>();
        var lines = await db.Set<EntryLine>().IgnoreQueryFilters().Where(l => periodIds.Contains(l.PeriodId)).ToListAsync();
        return lines.OrderBy(l => periodIds.ToList().IndexOf(l.PeriodId)).ThenBy(l => l.TenantId).ThenBy(l => l.IndicatorCode)
            .Select(l => $"{l.TenantId}/{l.IndicatorCode}/{l.ValueJson}").ToList();
    });
}

public sealed class NationalDataWriter_Sqlite_Tests(SqliteTestApplication app) : NationalDataWriter_Tests<SqliteTestApplication>(app);

public sealed class NationalDataWriter_MySql_Tests(MySqlTestApplication app) : NationalDataWriter_Tests<MySqlTestApplication>(app);

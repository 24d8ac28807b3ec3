using PilotAssessment.Data;
using PilotAssessment.DataEntry;
using PilotAssessment.Periods;
using PilotAssessment.Results;
using PilotAssessment.Reviews;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Rules;
using PilotAssessment.Schemes.SampleData;
using PilotAssessment.Seeding;
using PilotAssessment.Tenants;

namespace PilotAssessment.DataGeneration;

/// <summary>
/// With <see cref="DataSeedContext.IncludeDemoHistory"/>: two earlier half-year periods of the sample scheme for the
/// demo cities (2025年上半年, 2025年下半年), entered with the generator's value model, submitted, approved and
/// published with ranks, so the dashboards have a history. No period is left open. A period that exists is left as it is.
/// </summary>
public sealed class DemoHistoryDataSeedContributor(
    IRepository<Scheme> schemes,
    IRepository<AssessmentPeriod> periods,
    IRepository<Tenant> tenants,
    IRepository<EntryLine> lines,
    IRepository<CitySubmission> submissions,
    IUnitOfWork unitOfWork,
    ICurrentTenant currentTenant,
    IDataFilter dataFilter,
    PeriodRecomputeService recompute,
    ReferenceFigureStore figures,
    TimeProvider clock) : IDataSeedContributor
{
    public const int Year = 2025;

    private const int Seed = 20250101;

    public int Order => 30;

    public async Task SeedAsync(DataSeedContext context)
    {
        if (!context.IncludeDemoData || !context.IncludeDemoHistory || context.TenantId is not null)
        {
            return;
        }

        var sample = SampleSchemeLoader.Load();
        var scheme = await schemes.FirstOrDefaultAsync(schemes.Query().Where(s => s.Name == sample.Name && s.Year == sample.Year && s.Status == SchemeStatus.Published));
        if (scheme is null)
        {
            return;
        }

        var demoNames = TenantDataSeedContributor.GansuPilotCities.Select(c => Tenant.Normalize(c.Name)).ToList();
        var cities = (await tenants.ToListAsync(tenants.Query().Where(t => demoNames.Contains(t.NormalizedName))))
            .OrderBy(t => demoNames.IndexOf(t.NormalizedName)).ToList();
        for (var number = 1; number <= 2; number++)
        {
            var exists = await periods.AnyAsync(periods.Query().Where(p => p.SchemeId == scheme.Id && p.Kind == PeriodKind.HalfYear && p.Year == Year && p.Number == number));
            if (!exists)
            {
                await SeedPeriodAsync(scheme, number, cities);
            }
        }
    }

    private async Task SeedPeriodAsync(Scheme scheme, int number, List<Tenant> cities)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var opens = ProvinceTime.ToUtc(new DateTime(number == 1 ? Year : Year + 1, number == 1 ? 7 : 1, 1));
        var period = new AssessmentPeriod(SequentialGuid.Next(), scheme.Id, number == 1 ? $"{Year}年上半年" : $"{Year}年下半年", PeriodKind.HalfYear, Year, number, opens, opens.AddDays(15));
        period.Open(now);
        period.Lock(now);

        await periods.InsertAsync(period, autoSave: false);
        var indicators = PeriodScoringService.EnteredIndicators(scheme.Definition);
        for (var c = 0; c < cities.Count; c++)
        {
            // The generator's value model: a lasting ability per city, a difficulty per indicator, a little improvement and noise.
            var random = new Random(Seed + (c * 7919) + (number * 104_729));
            var ability = 1.6 - (0.3 * c) + (0.2 * number);
            using (currentTenant.Change(cities[c].Id, cities[c].Name))
            {
                var cityLines = new List<EntryLine>();
                for (var i = 0; i < indicators.Count; i++)
                {
                    var difficulty = 0.7 * NationalDataGenerator.Normal(new Random(Seed + i));
                    var performance = NationalDataGenerator.Logistic(1.4 * (ability - difficulty + (0.6 * NationalDataGenerator.Normal(random))));
                    var line = new EntryLine(SequentialGuid.Next(), period.Id, indicators[i].Code) { Status = EntryLineStatus.Submitted };
                    var value = NationalDataGenerator.ValueFor(indicators[i], performance, random);

                    // The first half-year has no earlier period: the city gives 上年同期值 itself, as real schemes ask.
                    if (number == 1 && PeriodReferenceData.NeedsLastYear(indicators[i].Rule) && value.Number is { } current)
                    {
                        value = value with { LastYearNumber = LastYearNumber(indicators[i], current, performance) };
                    }

                    line.SetValue(value, null, now);
                    cityLines.Add(line);
                    await lines.InsertAsync(line, autoSave: false);
                }

                var submission = new CitySubmission(SequentialGuid.Next(), period.Id);
                submission.Submit(null, now);
                submission.Approve(null, now);
                await submissions.InsertAsync(submission, autoSave: false);
                await unitOfWork.SaveChangesAsync();
            }
        }

        // Self scores as the submission would have computed them; then publish through the product's one-pass publishing.
        using (dataFilter.Disable<IMultiTenant>())
        {
            var cityIds = cities.Select(c => c.Id).ToList();
            var scores = await recompute.ScoreAsync(period, cityIds, withAuditorScores: false, tracked: true);
            foreach (var (cityId, sheet) in scores.Sheets)
            {
                var points = sheet.Lines.ToDictionary(l => l.IndicatorCode, l => l.Points);
                foreach (var line in scores.Inputs[cityId].Lines)
                {
                    line.SelfScore = points.GetValueOrDefault(line.IndicatorCode);
                }
            }

            var all = await submissions.ToListAsync(submissions.Query().Where(s => s.PeriodId == period.Id));
            foreach (var submission in all)
            {
                submission.SelfTotal = scores.Sheets.First(s => s.CityId == submission.TenantId).Sheet.Total;
            }

            await figures.RecomputeAsync(period.Id);
            await unitOfWork.SaveChangesAsync();
            await recompute.PublishAsync(period, cityIds, now);
        }
    }

    /// <summary>A plausible figure of the year before: a strong city improved on it, a weak one slipped a little.</summary>
    private static decimal LastYearNumber(IndicatorDefinition indicator, decimal current, double performance)
    {
        if (indicator.Rule is RankChangeRule)
        {
            return performance >= 0.5 ? current + 1 : Math.Max(1, current - 2);
        }

        var lowerIsBetter = indicator.Rule is YoyChangeRule { Dir: BetterDirection.Lower } or ReferenceComparisonRule { Dir: BetterDirection.Lower };
        var factor = 0.97m + (0.1m * (decimal)Math.Clamp(performance, 0, 1));
        var last = Math.Round(lowerIsBetter ? current * factor : current / factor, 1, MidpointRounding.AwayFromZero);
        return indicator.Unit == "%" ? Math.Min(100, last) : last;
    }
}

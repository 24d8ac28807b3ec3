using System.Diagnostics;
using BenchmarkDotNet.Running;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Scoring;
using PilotAssessment.Schemes.Validation;

namespace PilotAssessment.Benchmarks;

/// <summary>
/// Entry point. Default: the scoring engine on a generated province. --db: the product's database and HTTP paths
/// on MariaDB beside bare MySqlConnector baselines (<see cref="DbBenchmark"/>). --quick: fewer rounds.
/// </summary>
internal static class BenchmarkProgram
{
    public static async Task Main(string[] args)
    {
        if (args.Contains("--feeds") || args.Contains("--feed"))
        {
            await FeedBenchmark.RunAsync(args);
            return;
        }

        if (args.Contains("--entry"))
        {
            await EntryBenchmark.RunAsync(args);
            return;
        }

        if (args.Contains("--db") && args.Contains("--national"))
        {
            await NationalBenchmark.RunAsync(args);
            return;
        }

        if (args.Contains("--db"))
        {
            await DbBenchmark.RunAsync(args);
            return;
        }

        EngineBenchmark(args);
    }

    private static void EngineBenchmark(string[] args)
    {
        // Default: a Stopwatch runner (BenchmarkDotNet takes minutes on 2 cores). --quick: fewer rounds, < 30 s.
        // --bdn: the same work under BenchmarkDotNet; other arguments go to it (e.g. --bdn --job short).
        if (args.Contains("--bdn"))
        {
            BenchmarkRunner.Run<ProvinceBenchmark>(args: args.Where(a => a != "--bdn").ToArray());
            return;
        }

        var quick = args.Contains("--quick");
        var cityCount = args.SkipWhile(a => a != "--cities").Skip(1).Select(int.Parse).FirstOrDefault(300);
        var rounds = quick ? 5 : 30;

        var scheme = ProvinceGenerator.Scheme();
        var problems = new SchemeValidator().Validate(scheme, 1000);
        if (problems.Count > 0)
        {
            Console.Error.WriteLine("Generated scheme is invalid: " + string.Join("; ", problems.Select(p => $"{p.Target} {p.Code}")));
            return;
        }

        var cities = ProvinceGenerator.Cities(scheme, cityCount);
        var engine = new ScoringEngine();

        IReadOnlyList<RankedItem<ScoreSheet>> ScoreProvince()
        {
            var sheets = new ScoreSheet[cities.Length];
            for (var i = 0; i < cities.Length; i++)
            {
                sheets[i] = engine.Score(scheme, cities[i].Values, cities[i].Reference);
            }

            return CityRanking.Rank(sheets);
        }

        // Warm up for 3 s: the JIT promotes hot methods to optimised code only after some calls (tiered compilation).
        var ranked = ScoreProvince();
        var warmup = Stopwatch.StartNew();
        while (warmup.Elapsed < TimeSpan.FromSeconds(3))
        {
            ranked = ScoreProvince();
        }

        var times = new List<double>();
        var allocations = new List<long>();
        for (var round = 0; round < rounds; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var stopwatch = Stopwatch.StartNew();
            ranked = ScoreProvince();
            stopwatch.Stop();
            allocations.Add(GC.GetAllocatedBytesForCurrentThread() - before);
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var lines = cityCount * ProvinceGenerator.IndicatorCount;
        var bytes = allocations.Min();
        var statuses = ranked.SelectMany(r => r.Item.Lines).GroupBy(l => l.Status).ToDictionary(g => g.Key, g => g.Count());
        Console.WriteLine($"Province: {cityCount} cities × {ProvinceGenerator.IndicatorCount} indicators = {lines:N0} lines, ranked; {rounds} rounds{(quick ? " (quick)" : string.Empty)}");
        Console.WriteLine($"Time per province: min {times[0]:F1} ms, median {times[times.Count / 2]:F1} ms, max {times[^1]:F1} ms");
        Console.WriteLine($"Allocated per province: {bytes / 1024.0 / 1024.0:F1} MiB ({bytes / (double)lines:F0} bytes per line)");
        Console.WriteLine($"Lines: {statuses.GetValueOrDefault(LineStatus.Scored):N0} scored, {statuses.GetValueOrDefault(LineStatus.Unreported):N0} unreported, {statuses.GetValueOrDefault(LineStatus.Error):N0} error");
        Console.WriteLine($"Top: {ranked[0].Item.CityKey} {ranked[0].Score} ({ranked[0].Item.Grade}); last: {ranked[^1].Item.CityKey} {ranked[^1].Score} (rank {ranked[^1].Rank})");
        Console.WriteLine($"GC collections gen0/1/2: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
    }
}

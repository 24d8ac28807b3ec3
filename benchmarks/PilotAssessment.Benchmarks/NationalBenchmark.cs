using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using PilotAssessment.DataGeneration;
using PilotAssessment.EntityFrameworkCore;

namespace PilotAssessment.Benchmarks;

/// <summary>
/// One run at national scale (<c>--db --national</c>): a 300-city province (150 indicators, 12 periods, the last open
/// for entry, users: the DbMigrator's <c>generate --open-last --users</c>) and a 5-city one in a second database, then
/// each hot path beside its bare-SQL floor: the entry sheet GET and line PUT at 5 and 300 cities, host memory during
/// 20 concurrent GETs, publishing, a score sheet GET (200 and 304), monitoring and completeness of the open period,
/// and the EXPLAIN of each main query as the product sends it (<see cref="QueryPlans"/>).
/// --quick: 3 periods and 10 requests per client (about 5 minutes). --reuse-300 DB / --reuse-5 DB: measure on
/// databases generated before (and kept) instead of generating. --entry-only: the entry sheet GET and line PUT with their
/// EXPLAIN and nothing else (a few minutes). --sheet-only: only the request pipeline and the score sheet GET at the
/// larger scale (<see cref="PipelineBenchmark"/>; needs --reuse-300). --monitoring-only: monitoring and completeness of
/// the open period at the large scale only.
/// </summary>
internal static class NationalBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var entryOnly = args.Contains("--entry-only");
        var clients = BenchHost.Option(args, "--clients", 20);
        var requests = BenchHost.Option(args, "--requests", quick ? 10 : 30);
        var periods = BenchHost.Option(args, "--periods", quick ? 3 : 12);
        var indicators = BenchHost.Option(args, "--indicators", 150);
        var cities = BenchHost.Option(args, "--cities", 300);
        var total = Stopwatch.StartNew();
        var stamp = $"{DateTime.UtcNow:yyyyMMddHHmmss}";
        Console.WriteLine($"National benchmark{(quick ? " (quick)" : string.Empty)}: {cities} and 5 cities × {indicators} indicators × {periods} periods, 1 and {clients} clients × {requests} requests; {Environment.ProcessorCount} cores, load average {BenchHost.LoadAverage()}");

        var created = new List<string>();
        var report = new List<string>();
        try
        {
            var scales = new List<EntryScale>();
            if (args.Contains("--sheet-only"))
            {
                // Only the pipeline and the score sheet GET at the larger scale, on a province generated before.
                var options = new DataGeneratorOptions { Cities = cities, Indicators = indicators, Periods = periods, LeaveLastOpen = true, WithUsers = true };
                var database = BenchHost.Text(args, $"--reuse-{cities}") ?? throw new ArgumentException($"--sheet-only needs --reuse-{cities} DATABASE");
                var province = await ProvinceOfAsync(database, options);
                await using (var provider = BenchHost.Services(BenchHost.Configuration(BenchHost.ConnectionString(database))))
                {
                    await BenchHost.SeedOfficialAsync(provider);
                }

                foreach (var line in await PipelineBenchmark.RunAsync(BenchHost.ConnectionString(database), options, province, clients, requests))
                {
                    Console.WriteLine("  " + line);
                    report.Add(line);
                }
            }

            // --monitoring-only: monitoring and completeness of the open period at the large scale, nothing else (minutes).
            var monitoringOnly = args.Contains("--monitoring-only");
            foreach (var size in args.Contains("--sheet-only") ? [] : monitoringOnly ? new[] { cities } : new[] { 5, cities })
            {
                var options = new DataGeneratorOptions { Cities = size, Indicators = indicators, Periods = periods, LeaveLastOpen = true, WithUsers = true };
                var database = BenchHost.Text(args, $"--reuse-{size}");
                GeneratedProvince province;
                if (database is null)
                {
                    database = $"pa_bench_nat{size}_{stamp}";
                    created.Add(database);
                    var generating = Stopwatch.StartNew();
                    province = await EntryBenchmark.GenerateAsync(database, options, clients, publish: periods - 1);
                    Console.WriteLine($"  generated in {generating.Elapsed.TotalSeconds:F0} s");
                }
                else
                {
                    province = await ProvinceOfAsync(database, options);
                    await using var provider = BenchHost.Services(BenchHost.Configuration(BenchHost.ConnectionString(database)));
                    await BenchHost.SeedOfficialAsync(provider);
                }

                var connectionString = BenchHost.ConnectionString(database);
                var configuration = BenchHost.Configuration(connectionString);
                var plans = new QueryPlans();
                await using var factory = BenchHost.Factory(configuration).WithWebHostBuilder(b => b.ConfigureTestServices(s =>
                    s.ConfigureDbContext<MySqlPilotAssessmentDbContext>(o => o.AddInterceptors(plans))));
                var memory = new MemoryWatch();
                if (monitoringOnly)
                {
                    var signedIn = await BenchHost.SignInAsync(factory, null, "official");
                    foreach (var line in await ProvinceReadsAsync(factory, connectionString, options, province, signedIn, clients, requests, monitoringOnly: true))
                    {
                        Console.WriteLine("  " + line);
                        report.Add(line);
                    }

                    continue;
                }

                if (!args.Contains("--publish-only"))
                {
                    scales.Add(await EntryBenchmark.MeasureAsync(factory, connectionString, options, province, clients, requests, memory.Watch));
                }

                if (size != cities)
                {
                    continue;
                }

                void Add(IEnumerable<string> lines)
                {
                    foreach (var line in lines)
                    {
                        Console.WriteLine("  " + line);
                        report.Add(line);
                    }
                }

                if (!args.Contains("--publish-only"))
                {
                    Add([$"host memory during {clients} concurrent entry-sheet GETs at {size} cities: peak working set {memory.PeakWorkingSet / 1048576.0:F0} MiB, "
                    + $"peak GC heap {memory.PeakHeap / 1048576.0:F0} MiB (process peak working set so far {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB)"]);
                    var official = await BenchHost.SignInAsync(factory, null, "official");
                    if (!entryOnly)
                    {
                        Add(await ProvinceReadsAsync(factory, connectionString, options, province, official, clients, requests));
                    }

                    Add(["", "EXPLAIN of the main queries (MariaDB, the product's SQL as EF Core sent it):"]);
                    Add(await plans.ExplainAsync(factory, province, options, official, entryOnly));
                }

                if (entryOnly || args.Contains("--no-publish"))
                {
                    continue;
                }

                // Publishing again the oldest periods, beside bare SQL doing the same work: each is first taken back as
                // the province's withdrawal does (locked again, its sheets no longer current), then published anew.
                var rounds = quick ? 1 : 3;
                foreach (var periodId in province.PeriodIds.Take(rounds + 1))
                {
                    await BenchHost.ExecuteAsync(connectionString, $"UPDATE ScoreSheets SET IsCurrent = 0 WHERE PeriodId = '{periodId}'; UPDATE AssessmentPeriods SET Status = 'Locked' WHERE Id = '{periodId}'");
                }

                var counter = new DbBenchmark.CommandCounter();
                await using (var counted = BenchHost.Services(configuration, counter))
                {
                    Add(await DbBenchmark.RecomputeAsync(counted, counter, connectionString, province, rounds));
                }
            }

            if (scales.Count == 2)
            {
                report.InsertRange(0, EntryBenchmark.Report(scales[0], scales[1]));
            }
        }
        finally
        {
            if (!args.Contains("--keep"))
            {
                foreach (var database in created)
                {
                    await BenchHost.DropAsync(database);
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Figures ({Environment.ProcessorCount} cores, load average {BenchHost.LoadAverage()}, total run {total.Elapsed.TotalSeconds:F0} s):");
        foreach (var line in report)
        {
            Console.WriteLine("  " + line);
        }
    }

    /// <summary>A published period's score sheets by GET as 200 and as 304 revalidations (If-None-Match), beside the bare read of the stored document and the sheet row.</summary>
    internal static async Task<string> ScoreSheetGetAsync(WebApplicationFactory<Program> factory, string connectionString, Guid published, string token, int clients, int requests)
    {
        var sheetIds = await IdsAsync(connectionString, "SELECT Id FROM ScoreSheets WHERE PeriodId = @p AND IsCurrent = 1 ORDER BY Id", published);

        // Every sheet once, so each has its stored document and its ETag.
        var tags = new Dictionary<Guid, EntityTagHeaderValue>();
        using (var client = BenchHost.Client(factory, token))
        {
            foreach (var id in sheetIds)
            {
                using var response = await client.GetAsync($"/api/app/results/sheets/{id}");
                response.EnsureSuccessStatusCode();
                tags[id] = response.Headers.ETag!;
            }
        }

        Guid SheetOf(int r) => sheetIds[((r % 1000) + (r / 1000 * 7)) % sheetIds.Count];
        var bytes = 0L;
        var sent = 0L;
        var full = await BenchHost.MeasureAsync(clients, requests, c =>
        {
            var client = BenchHost.Client(factory, token);
            return Task.FromResult<Func<int, Task>>(async r =>
            {
                using var response = await client.GetAsync($"/api/app/results/sheets/{SheetOf(Math.Max(r, 0) + (c * 1000))}");
                response.EnsureSuccessStatusCode();
                Interlocked.Add(ref bytes, (await response.Content.ReadAsByteArrayAsync()).LongLength);
                Interlocked.Increment(ref sent);
            });
        });
        var revalidated = await BenchHost.MeasureAsync(clients, requests, c =>
        {
            var client = BenchHost.Client(factory, token);
            return Task.FromResult<Func<int, Task>>(async r =>
            {
                var id = SheetOf(Math.Max(r, 0) + (c * 1000));
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/app/results/sheets/{id}");
                request.Headers.IfNoneMatch.Add(tags[id]);
                using var response = await client.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.NotModified)
                {
                    throw new InvalidOperationException($"expected 304, got {(int)response.StatusCode}");
                }
            });
        });
        var bareSheet = await BenchHost.MeasureAsync(clients, requests, BenchHost.Bare(
            connectionString,
            "SELECT Content FROM ScoreSheetDocuments WHERE ScoreSheetRecordId = @s AND Language = 'zh-Hans'; SELECT TenantId, IsCurrent, Version FROM ScoreSheets WHERE Id = @s",
            r => [("@s", SheetOf(r))]));
        return $"score sheet GET ({sheetIds.Count} sheets, {bytes / Math.Max(1, sent) / 1024.0:F0} KiB each), {clients} clients: 200 p50 {full.P50:F1} ms p95 {full.P95:F1} ms {full.PerSecond:F0}/s; "
            + $"304 p50 {revalidated.P50:F1} ms p95 {revalidated.P95:F1} ms {revalidated.PerSecond:F0}/s; bare read of the stored document and the sheet row p50 {bareSheet.P50:F1} ms p95 {bareSheet.P95:F1} ms "
            + $"→ ratio p95 200 {full.P95 / bareSheet.P95:F2}, 304 {revalidated.P95 / bareSheet.P95:F2}";
    }

    /// <summary>Score sheet GET (200 and 304), monitoring and completeness of the open period, each beside its bare SQL.</summary>
    private static async Task<List<string>> ProvinceReadsAsync(WebApplicationFactory<Program> factory, string connectionString, DataGeneratorOptions options, GeneratedProvince province, string token, int clients, int requests, bool monitoringOnly = false)
    {
        var lines = new List<string>();
        var open = province.PeriodIds[^1];
        var published = province.PeriodIds[^2];
        if (!monitoringOnly)
        {
            lines.Add(await ScoreSheetGetAsync(factory, connectionString, published, token, clients, requests));
        }

        lines.Add(await MonitoringAfterSavesAsync(factory, options, province, token));
        foreach (var (name, path, sql) in new[]
        {
            ("monitoring of the open period", $"/api/app/results/periods/{open}/monitoring",
                "SELECT TenantId, IndicatorCode, ValueJson, AuditorScore FROM EntryLines WHERE PeriodId = @p AND IsDeleted = 0"),
            ("completeness of the open period", $"/api/app/results/periods/{open}/completeness",
                "SELECT TenantId, COUNT(*) FROM EntryLines WHERE PeriodId = @p AND IsDeleted = 0 AND ValueJson <> '{}' GROUP BY TenantId"),
        })
        {
            foreach (var concurrency in new[] { 1, clients })
            {
                // A province read costs seconds: 5 requests alone, 1 per client at once (after each client's warm-up).
                var times = concurrency == 1 ? 5 : 1;
                var product = await BenchHost.MeasureAsync(concurrency, times, _ =>
                {
                    var client = BenchHost.Client(factory, token);
                    return Task.FromResult<Func<int, Task>>(async _ =>
                    {
                        using var response = await client.GetAsync(path);
                        response.EnsureSuccessStatusCode();
                        await response.Content.ReadAsByteArrayAsync();
                    });
                });
                var bare = await BenchHost.MeasureAsync(concurrency, times, BenchHost.Bare(connectionString, sql, _ => [("@p", open)]));
                lines.Add($"{name}, {concurrency} client{(concurrency == 1 ? string.Empty : "s")}: p50 {product.P50:F0} ms p95 {product.P95:F0} ms; bare SQL p50 {bare.P50:F0} ms → ratio {product.P50 / bare.P50:F1}");
            }
        }

        return lines;
    }

    /// <summary>
    /// Monitoring of the open period as the province first opens it (every city scored), then right after one city's
    /// clerk saved a line (that city scored again), 5 times each; the save itself is not timed.
    /// </summary>
    private static async Task<string> MonitoringAfterSavesAsync(WebApplicationFactory<Program> factory, DataGeneratorOptions options, GeneratedProvince province, string token)
    {
        var open = province.PeriodIds[^1];
        var generator = new NationalDataGenerator(options);
        var code = generator.Scheme().AllIndicators().First(i => i.Rule is Schemes.Rules.ThresholdBandsRule && i.Formula is null).Code;
        using var official = BenchHost.Client(factory, token);
        using var clerk = BenchHost.Client(factory, await BenchHost.SignInAsync(factory, generator.Cities()[0].Name, "clerk"));
        var first = Stopwatch.StartNew();
        (await official.GetAsync($"/api/app/results/periods/{open}/monitoring")).EnsureSuccessStatusCode();
        first.Stop();

        var sheet = (await clerk.GetFromJsonAsync<DataEntry.EntrySheetDto>($"/api/app/data-entry/periods/{open}", BenchHost.Json))!;
        var stamp = sheet.Lines.Single(l => l.IndicatorCode == code).ConcurrencyStamp;
        var times = new List<double>();
        var completeness = new List<double>();
        for (var r = 0; r < 5; r++)
        {
            var input = new DataEntry.SaveEntryLineInput { Value = new DataEntry.EntryValueDto { Number = 70 + r }, ConcurrencyStamp = stamp };
            using (var saved = await clerk.PutAsJsonAsync($"/api/app/data-entry/periods/{open}/lines/{code}", input, BenchHost.Json))
            {
                saved.EnsureSuccessStatusCode();
                stamp = (await saved.Content.ReadFromJsonAsync<DataEntry.EntryLineDto>(BenchHost.Json))!.ConcurrencyStamp;
            }

            var started = Stopwatch.GetTimestamp();
            using var response = await official.GetAsync($"/api/app/results/periods/{open}/monitoring");
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);

            started = Stopwatch.GetTimestamp();
            using var counted = await official.GetAsync($"/api/app/results/periods/{open}/completeness");
            counted.EnsureSuccessStatusCode();
            await counted.Content.ReadAsByteArrayAsync();
            completeness.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        times.Sort();
        completeness.Sort();
        return $"monitoring of the open period, 1 client: first request {first.Elapsed.TotalMilliseconds:F0} ms; right after one city's saved line p50 {times[2]:F0} ms (max {times[^1]:F0} ms); "
            + $"completeness right after it p50 {completeness[2]:F0} ms (max {completeness[^1]:F0} ms)";
    }

    /// <summary>The ids of a province generated before, from its database (cities by their generated names, periods in order).</summary>
    private static async Task<GeneratedProvince> ProvinceOfAsync(string database, DataGeneratorOptions options)
    {
        var connectionString = BenchHost.ConnectionString(database);
        var names = new NationalDataGenerator(options).Cities().Select(c => c.Name).ToList();
        var byName = new Dictionary<string, Guid>();
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var command = new MySqlCommand("SELECT Name, Id FROM Tenants", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                byName[reader.GetString(0)] = reader.GetGuid(1);
            }
        }

        var periodIds = new List<Guid>();
        var schemeId = Guid.Empty;
        await using (var command = new MySqlCommand("SELECT Id, SchemeId FROM AssessmentPeriods ORDER BY Year, Number", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                periodIds.Add(reader.GetGuid(0));
                schemeId = reader.GetGuid(1);
            }
        }

        Console.WriteLine($"{options.Cities} cities: reusing MariaDB database {database} ({periodIds.Count} periods)");
        return new GeneratedProvince(schemeId, names.Select(n => byName[n]).ToList(), periodIds, 0);
    }

    private static async Task<List<Guid>> IdsAsync(string connectionString, string sql, Guid periodId)
    {
        var ids = new List<Guid>();
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        command.Parameters.AddWithValue("@p", periodId);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    /// <summary>Samples the process's working set and GC heap every 20 ms between Watch(true) and Watch(false).</summary>
    private sealed class MemoryWatch
    {
        private CancellationTokenSource? _stop;
        private Task? _sampling;

        public long PeakWorkingSet { get; private set; }

        public long PeakHeap { get; private set; }

        public void Watch(bool start)
        {
            if (start)
            {
                _stop = new CancellationTokenSource();
                var token = _stop.Token;
                _sampling = Task.Run(async () =>
                {
                    using var process = Process.GetCurrentProcess();
                    while (!token.IsCancellationRequested)
                    {
                        process.Refresh();
                        PeakWorkingSet = Math.Max(PeakWorkingSet, process.WorkingSet64);
                        PeakHeap = Math.Max(PeakHeap, GC.GetGCMemoryInfo().HeapSizeBytes);
                        await Task.Delay(20, CancellationToken.None);
                    }
                });
                return;
            }

            _stop?.Cancel();
            _sampling?.Wait();
        }
    }
}

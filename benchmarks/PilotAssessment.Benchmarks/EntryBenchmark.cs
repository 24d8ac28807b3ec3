using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MySqlConnector;
using PilotAssessment.Account;
using PilotAssessment.DataEntry;
using PilotAssessment.DataGeneration;
using PilotAssessment.EntityFrameworkCore;
using PilotAssessment.Seeding;

namespace PilotAssessment.Benchmarks;

/// <summary>
/// The clerk's hot path on MariaDB at 5 and at 300 cities: a city's clerk opens the entry sheet of the open period
/// (GET) and saves one line (PUT), one client alone and 20 at once, through the real host in memory, beside the bare
/// SQL read of the city's own lines. Each scale gets its own generated database (the last period left open, the
/// measured cities with their administrator and clerk), dropped at the end unless --keep.
/// </summary>
internal static class EntryBenchmark
{
    private const string DefaultServer = "Server=127.0.0.1;Port=3306;User ID=pilot;Password=pilot";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        int Option(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).DefaultIfEmpty(fallback).First();
        var indicators = Option("--indicators", 150);
        var clients = Option("--clients", 20);
        var requests = Option("--requests", quick ? 10 : 40); // per client, and for the single client
        var server = Environment.GetEnvironmentVariable("PILOT_BENCH_MYSQL") is { Length: > 0 } s ? s : DefaultServer;
        var total = Stopwatch.StartNew();
        Console.WriteLine($"Entry-sheet benchmark{(quick ? " (quick)" : string.Empty)}: {indicators} indicators, 5 and 300 cities, 1 and {clients} clients × {requests} requests; load average {LoadAverage()}");

        var results = new List<Scale>();
        foreach (var cities in new[] { 5, 300 })
        {
            results.Add(await RunScaleAsync(server, cities, indicators, clients, requests, args.Contains("--keep")));
        }

        var (small, large) = (results[0], results[1]);
        Console.WriteLine();
        Console.WriteLine($"Figures ({indicators} indicators, {Environment.ProcessorCount} cores, load average {LoadAverage()}, total run {total.Elapsed.TotalSeconds:F0} s):");
        foreach (var scale in results)
        {
            Console.WriteLine($"  {scale.Cities} cities ({scale.Lines:N0} lines in the open period, {scale.CityLines} of the clerk's city):");
            foreach (var (name, m) in scale.Measures)
            {
                Console.WriteLine($"    {name,-26} p50 {m.P50,7:F1} ms  p95 {m.P95,7:F1} ms  {m.PerSecond,6:F0}/s   bare read p50 {scale.Bare(name).P50,6:F1} ms → ratio {m.P50 / scale.Bare(name).P50,5:F1}");
            }
        }

        Console.WriteLine("  300 cities / 5 cities (p50):");
        foreach (var (name, m) in large.Measures)
        {
            Console.WriteLine($"    {name,-26} {m.P50 / small.Measures.Single(x => x.Name == name).M.P50:F2}");
        }
    }

    private static async Task<Scale> RunScaleAsync(string server, int cities, int indicators, int clients, int requests, bool keep)
    {
        var database = $"pa_bench_entry{cities}_{DateTime.UtcNow:yyyyMMddHHmmss}";
        var connectionString = new MySqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        Console.WriteLine($"{cities} cities: MariaDB database {database}");
        await ExecuteAsync(server, $"CREATE DATABASE `{database}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "MySql",
                ["ConnectionStrings:Default"] = connectionString,
                ["BackgroundJobs:Enabled"] = "false",
                ["RateLimiting:SignInPermitsPerMinute"] = "100000",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Database:MigrateOnStartup"] = "false",
            }).Build();
            var generator = new NationalDataGenerator(new DataGeneratorOptions { Cities = cities, Indicators = indicators, Periods = 2, LeaveLastOpen = true, WithUsers = true });
            GeneratedProvince province;
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(configuration);
            services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
            services.AddSingleton(TimeProvider.System);
            services.AddPilotAssessmentApplication(configuration);
            services.AddPilotAssessmentEntityFrameworkCore(configuration);
            await using (var provider = services.BuildServiceProvider())
            {
                await using (var scope = provider.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<DbMigrationService>().MigrateAndSeedAsync(new DataSeedContext());
                }

                await using (var scope = provider.CreateAsyncScope())
                {
                    province = await scope.ServiceProvider.GetRequiredService<NationalDataWriter>().WriteAsync(generator, m => Console.WriteLine("  " + m));
                }

                await using (var scope = provider.CreateAsyncScope())
                {
                    var setup = scope.ServiceProvider.GetRequiredService<GeneratedProvinceSetup>();
                    await setup.RecomputeReferenceFiguresAsync(province.PeriodIds);
                    // Only the clerks who sign in: seeding every city's users takes minutes on a busy machine.
                    await setup.SeedUsersAsync(province.CityIds.Where((_, c) => c % 2 == 0).Take(clients).ToList(), m => Console.WriteLine("  " + m));
                }
            }

            var periodId = province.PeriodIds[^1];
            var names = generator.Cities();

            // The clerks of the cities still entering (every other city has submitted), one city per client in turn.
            var drafts = Enumerable.Range(0, cities).Where(c => c % 2 == 0).ToList();
            await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            {
                b.UseSolutionRelativeContentRoot("src/PilotAssessment.HttpApi.Host", "aspnet-core.sln");
                foreach (var (key, value) in configuration.AsEnumerable().Where(kv => kv.Value is not null))
                {
                    b.UseSetting(key, value);
                }
            });
            var tokens = new Dictionary<int, string>();
            foreach (var city in drafts.Take(clients))
            {
                tokens[city] = await SignInAsync(factory, names[city].Name);
            }

            HttpClient Client(int city)
            {
                var client = factory.CreateClient();
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens[city]);
                return client;
            }

            // A numeric line per client (threshold-band indicators take any number), each (city, line) once.
            var numeric = generator.Scheme().AllIndicators().Where(i => i.Rule is Schemes.Rules.ThresholdBandsRule && i.Formula is null).Select(i => i.Code).ToList();
            var cityOf = (int c) => drafts[c % Math.Min(drafts.Count, tokens.Count)];
            var codeOf = (int c) => numeric[(c / Math.Min(drafts.Count, tokens.Count)) % numeric.Count];

            var measures = new List<(string Name, Measure M)>();
            var bares = new Dictionary<string, Measure>();
            foreach (var concurrency in new[] { 1, clients })
            {
                var get = await MeasureAsync(concurrency, requests, c =>
                {
                    var client = Client(cityOf(c));
                    return Task.FromResult<Func<int, Task>>(async _ =>
                    {
                        using var response = await client.GetAsync($"/api/app/data-entry/periods/{periodId}");
                        response.EnsureSuccessStatusCode();
                        await response.Content.ReadAsByteArrayAsync();
                    });
                });
                var put = await MeasureAsync(concurrency, requests, async c =>
                {
                    var client = Client(cityOf(c));
                    var code = codeOf(c);
                    var sheet = (await client.GetFromJsonAsync<EntrySheetDto>($"/api/app/data-entry/periods/{periodId}", Json))!;
                    var stamp = sheet.Lines.Single(l => l.IndicatorCode == code).ConcurrencyStamp;
                    return async r =>
                    {
                        var input = new SaveEntryLineInput { Value = new EntryValueDto { Number = 80 + (r % 2) }, ConcurrencyStamp = stamp };
                        using var response = await client.PutAsJsonAsync($"/api/app/data-entry/periods/{periodId}/lines/{code}", input, Json);
                        response.EnsureSuccessStatusCode();
                        stamp = (await response.Content.ReadFromJsonAsync<EntryLineDto>(Json))!.ConcurrencyStamp;
                    };
                });
                var bare = await MeasureAsync(concurrency, requests, async c =>
                {
                    var connection = new MySqlConnection(connectionString);
                    await connection.OpenAsync();
                    var cityId = province.CityIds[cityOf(c)];
                    return async _ =>
                    {
                        await using var command = new MySqlCommand("SELECT * FROM EntryLines WHERE TenantId = @c AND PeriodId = @p AND IsDeleted = 0", connection);
                        command.Parameters.AddWithValue("@c", cityId);
                        command.Parameters.AddWithValue("@p", periodId);
                        await using var reader = await command.ExecuteReaderAsync();
                        var values = new object[reader.FieldCount];
                        while (await reader.ReadAsync())
                        {
                            reader.GetValues(values);
                        }
                    };
                });
                var label = concurrency == 1 ? "1 client" : $"{concurrency} clients";
                measures.Add(($"open sheet (GET), {label}", get));
                measures.Add(($"save line (PUT), {label}", put));
                bares[$"open sheet (GET), {label}"] = bares[$"save line (PUT), {label}"] = bare;
                Console.WriteLine($"  {label}: GET p50 {get.P50:F1} ms, PUT p50 {put.P50:F1} ms, bare read p50 {bare.P50:F1} ms");
            }

            var (lines, cityLines) = await CountLinesAsync(connectionString, periodId, province.CityIds[drafts[0]]);
            return new Scale(cities, lines, cityLines, measures, bares);
        }
        finally
        {
            if (!keep)
            {
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS `{database}`");
            }
        }
    }

    private static async Task<string> SignInAsync(WebApplicationFactory<Program> factory, string tenant)
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/account/login", new LoginInput { Tenant = tenant, UserName = "clerk", Password = GeneratedProvinceSetup.Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenResultDto>(Json))!.AccessToken;
    }

    /// <summary>Each client sends one unmeasured warm-up request, then <paramref name="requests"/> measured ones.</summary>
    private static async Task<Measure> MeasureAsync(int clients, int requests, Func<int, Task<Func<int, Task>>> createClient)
    {
        var workers = new List<Func<int, Task>>();
        for (var c = 0; c < clients; c++)
        {
            var worker = await createClient(c);
            await worker(-1);
            workers.Add(worker);
        }

        var latencies = new double[clients * requests];
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(workers.Select((worker, c) => Task.Run(async () =>
        {
            for (var r = 0; r < requests; r++)
            {
                var started = Stopwatch.GetTimestamp();
                await worker(r);
                latencies[(c * requests) + r] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
        wall.Stop();
        Array.Sort(latencies);
        return new Measure(latencies[latencies.Length / 2], latencies[(int)Math.Ceiling(latencies.Length * 0.95) - 1], latencies.Length / wall.Elapsed.TotalSeconds);
    }

    private static async Task<(long Lines, long CityLines)> CountLinesAsync(string connectionString, Guid periodId, Guid cityId)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand("SELECT COUNT(*), SUM(TenantId = @c) FROM EntryLines WHERE PeriodId = @p", connection);
        command.Parameters.AddWithValue("@p", periodId);
        command.Parameters.AddWithValue("@c", cityId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), Convert.ToInt64(reader.GetValue(1)));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed record Measure(double P50, double P95, double PerSecond);

    private sealed record Scale(int Cities, long Lines, long CityLines, List<(string Name, Measure M)> Measures, Dictionary<string, Measure> Bares)
    {
        public Measure Bare(string name) => Bares[name];
    }
}

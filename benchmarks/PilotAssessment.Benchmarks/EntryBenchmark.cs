using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using PilotAssessment.DataEntry;
using PilotAssessment.DataGeneration;
using PilotAssessment.EntityFrameworkCore;
using PilotAssessment.Repositories;

namespace PilotAssessment.Benchmarks;

/// <summary>
/// The clerk's hot path on MariaDB at 5 and at 300 cities: a city's clerk opens the entry sheet of the open period
/// (GET) and saves one line (PUT), one client alone and 20 at once, through the real host in memory, beside the bare
/// SQL read of the city's own lines. Each scale gets its own generated database (the last period left open, the
/// measured cities with their administrator and clerk), dropped at the end unless --keep.
/// </summary>
internal static class EntryBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var indicators = BenchHost.Option(args, "--indicators", 150);
        var clients = BenchHost.Option(args, "--clients", 20);
        var requests = BenchHost.Option(args, "--requests", quick ? 10 : 40); // per client, and for the single client
        var total = Stopwatch.StartNew();
        Console.WriteLine($"Entry-sheet benchmark{(quick ? " (quick)" : string.Empty)}: {indicators} indicators, 5 and 300 cities, 1 and {clients} clients × {requests} requests; load average {BenchHost.LoadAverage()}");

        var results = new List<EntryScale>();
        foreach (var cities in new[] { 5, 300 })
        {
            var options = new DataGeneratorOptions { Cities = cities, Indicators = indicators, Periods = 2, LeaveLastOpen = true, WithUsers = true };
            var database = $"pa_bench_entry{cities}_{DateTime.UtcNow:yyyyMMddHHmmss}";
            try
            {
                var province = await GenerateAsync(database, options, clients, publish: 0);
                await using var factory = BenchHost.Factory(BenchHost.Configuration(BenchHost.ConnectionString(database)));
                results.Add(await MeasureAsync(factory, BenchHost.ConnectionString(database), options, province, clients, requests, _ => { }));
            }
            finally
            {
                if (!args.Contains("--keep"))
                {
                    await BenchHost.DropAsync(database);
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Figures ({indicators} indicators, {Environment.ProcessorCount} cores, load average {BenchHost.LoadAverage()}, total run {total.Elapsed.TotalSeconds:F0} s):");
        foreach (var line in Report(results[0], results[1]))
        {
            Console.WriteLine("  " + line);
        }
    }

    /// <summary>
    /// A new database with a generated province (the DbMigrator's <c>generate --open-last --users</c>): the stored
    /// reference figures, the users of the first <paramref name="clients"/> drafting cities, the provincial official, and
    /// the <paramref name="publish"/> oldest periods published.
    /// </summary>
    public static async Task<GeneratedProvince> GenerateAsync(string database, DataGeneratorOptions options, int clients, int publish)
    {
        Console.WriteLine($"{options.Cities} cities: generating into MariaDB database {database}");
        await using var provider = BenchHost.Services(BenchHost.Configuration(BenchHost.ConnectionString(database)));
        await BenchHost.CreateAsync(database, provider, demoData: false);
        GeneratedProvince province;
        await using (var scope = provider.CreateAsyncScope())
        {
            province = await scope.ServiceProvider.GetRequiredService<NationalDataWriter>().WriteAsync(new NationalDataGenerator(options), m => Console.WriteLine("  " + m));
        }

        await using (var scope = provider.CreateAsyncScope())
        {
            var setup = scope.ServiceProvider.GetRequiredService<GeneratedProvinceSetup>();
            await setup.RecomputeReferenceFiguresAsync(province.PeriodIds);
            // Only the clerks who sign in: seeding every city's users takes minutes on a busy machine.
            await setup.SeedUsersAsync(province.CityIds.Where((_, c) => c % 2 == 0).Take(clients).ToList(), m => Console.WriteLine("  " + m));
        }

        for (var p = 0; p < publish; p++)
        {
            await using var scope = provider.CreateAsyncScope();
            var period = await scope.ServiceProvider.GetRequiredService<IRepository<Periods.AssessmentPeriod>>().GetAsync(province.PeriodIds[p]);
            await scope.ServiceProvider.GetRequiredService<Results.PeriodRecomputeService>().PublishAsync(period, province.CityIds, DateTime.UtcNow);
        }

        return province;
    }

    /// <summary>
    /// GET and PUT by the clerks of the cities still entering (every other city has submitted), one city per client in
    /// turn, 1 client and <paramref name="clients"/> at once, beside the bare read of the city's lines.
    /// <paramref name="during"/> is told when the concurrent GETs start (true) and end (false).
    /// </summary>
    public static async Task<EntryScale> MeasureAsync(WebApplicationFactory<Program> factory, string connectionString, DataGeneratorOptions options, GeneratedProvince province, int clients, int requests, Action<bool> during)
    {
        var generator = new NationalDataGenerator(options);
        var names = generator.Cities();
        var periodId = province.PeriodIds[^1];
        var drafts = Enumerable.Range(0, options.Cities).Where(c => c % 2 == 0).ToList();
        var tokens = new Dictionary<int, string>();
        foreach (var city in drafts.Take(clients))
        {
            tokens[city] = await BenchHost.SignInAsync(factory, names[city].Name, "clerk");
        }

        // A numeric line per client (threshold-band indicators take any number), each (city, line) once.
        var numeric = generator.Scheme().AllIndicators().Where(i => i.Rule is Schemes.Rules.ThresholdBandsRule && i.Formula is null).Select(i => i.Code).ToList();
        var cityOf = (int c) => drafts[c % Math.Min(drafts.Count, tokens.Count)];
        var codeOf = (int c) => numeric[(c / Math.Min(drafts.Count, tokens.Count)) % numeric.Count];

        var measures = new List<(string Name, Measure M, Measure Bare)>();
        var saves = new List<(string Label, Measure Put, Measure Floor)>();
        foreach (var concurrency in new[] { 1, clients })
        {
            if (concurrency > 1)
            {
                during(true);
            }

            var get = await BenchHost.MeasureAsync(concurrency, requests, c =>
            {
                var client = BenchHost.Client(factory, tokens[cityOf(c)]);
                return Task.FromResult<Func<int, Task>>(async _ =>
                {
                    using var response = await client.GetAsync($"/api/app/data-entry/periods/{periodId}");
                    response.EnsureSuccessStatusCode();
                    await response.Content.ReadAsByteArrayAsync();
                });
            });
            if (concurrency > 1)
            {
                during(false);
            }

            var put = await BenchHost.MeasureAsync(concurrency, requests, async c =>
            {
                var client = BenchHost.Client(factory, tokens[cityOf(c)]);
                var code = codeOf(c);
                var sheet = (await client.GetFromJsonAsync<EntrySheetDto>($"/api/app/data-entry/periods/{periodId}", BenchHost.Json))!;
                var stamp = sheet.Lines.Single(l => l.IndicatorCode == code).ConcurrencyStamp;
                return async r =>
                {
                    var input = new SaveEntryLineInput { Value = new EntryValueDto { Number = 80 + (r % 2) }, ConcurrencyStamp = stamp };
                    using var response = await client.PutAsJsonAsync($"/api/app/data-entry/periods/{periodId}/lines/{code}", input, BenchHost.Json);
                    response.EnsureSuccessStatusCode();
                    stamp = (await response.Content.ReadFromJsonAsync<EntryLineDto>(BenchHost.Json))!.ConcurrencyStamp;
                };
            });
            var bare = await BenchHost.MeasureAsync(concurrency, requests, BenchHost.Bare(
                connectionString,
                "SELECT * FROM EntryLines WHERE TenantId = @c AND PeriodId = @p AND IsDeleted = 0",
                r => [("@c", province.CityIds[cityOf(r / 1000)]), ("@p", periodId)]));
            var bareSave = await BenchHost.MeasureAsync(concurrency, requests, BareSave(connectionString, periodId, c => province.CityIds[cityOf(c)], codeOf));
            var label = concurrency == 1 ? "1 client" : $"{concurrency} clients";
            measures.Add(($"open sheet (GET), {label}", get, bare));
            measures.Add(($"save line (PUT), {label}", put, bare));
            saves.Add((label, put, bareSave));
            Console.WriteLine($"  {options.Cities} cities, {label}: GET p50 {get.P50:F1} ms, PUT p50 {put.P50:F1} ms, bare read p50 {bare.P50:F1} ms");
        }

        var (lines, cityLines) = await CountLinesAsync(connectionString, periodId, province.CityIds[drafts[0]]);
        return new EntryScale(options.Cities, lines, cityLines, measures, saves);
    }

    /// <summary>
    /// The least a save must do, in bare MySqlConnector on one connection per client: read the line and the city's
    /// submission by their indexes, then in one transaction write the new value with a new stamp and revision, its
    /// history row and the city's change stamp, then the request's audit row. The product also checks the entry
    /// window, the clerk's units and targets, the value's plausibility against earlier periods, and writes the
    /// line's entity change.
    /// </summary>
    private static Func<int, Task<Func<int, Task>>> BareSave(string connectionString, Guid periodId, Func<int, Guid> cityOf, Func<int, string> codeOf) => async c =>
    {
        var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        var city = cityOf(c);
        var code = codeOf(c);
        return async r =>
        {
            Guid lineId;
            int revision;
            string oldValue;
            await using (var read = new MySqlCommand("SELECT Id, Revision, ValueJson FROM EntryLines WHERE TenantId = @c AND PeriodId = @p AND IndicatorCode = @i AND IsDeleted = 0", connection))
            {
                read.Parameters.AddWithValue("@c", city);
                read.Parameters.AddWithValue("@p", periodId);
                read.Parameters.AddWithValue("@i", code);
                await using var reader = await read.ExecuteReaderAsync();
                await reader.ReadAsync();
                (lineId, revision, oldValue) = (reader.GetGuid(0), reader.GetInt32(1), reader.GetString(2));
            }

            await using (var submission = new MySqlCommand("SELECT Status FROM CitySubmissions WHERE TenantId = @c AND PeriodId = @p AND IsDeleted = 0", connection))
            {
                submission.Parameters.AddWithValue("@c", city);
                submission.Parameters.AddWithValue("@p", periodId);
                await submission.ExecuteScalarAsync();
            }

            var now = DateTime.UtcNow;
            var value = new EntryValue { Number = 80 + ((r + 2) % 2) }.ToJson();
            await using (var transaction = await connection.BeginTransactionAsync())
            {
                await using var write = new MySqlCommand(
                    "UPDATE EntryLines SET ValueJson = @v, ConcurrencyStamp = @s, Revision = @r, LastModificationTime = @t WHERE Id = @id;"
                    + "INSERT INTO EntryValueHistory (Id, TenantId, EntryLineId, Revision, OldValueJson, NewValueJson, CreationTime) VALUES (@h, @c, @id, @r, @old, @v, @t);"
                    + "UPDATE CityChangeStamps SET Version = Version + 1 WHERE PeriodId = @p AND TenantId = @c",
                    connection,
                    transaction);
                write.Parameters.AddWithValue("@v", value);
                write.Parameters.AddWithValue("@s", Guid.NewGuid().ToString("N"));
                write.Parameters.AddWithValue("@r", revision + 1);
                write.Parameters.AddWithValue("@t", now);
                write.Parameters.AddWithValue("@id", lineId);
                write.Parameters.AddWithValue("@h", SequentialGuid.Next());
                write.Parameters.AddWithValue("@c", city);
                write.Parameters.AddWithValue("@old", oldValue);
                write.Parameters.AddWithValue("@p", periodId);
                await write.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
            }

            await using var audit = new MySqlCommand("INSERT INTO AuditLogs (Id, TenantId, HttpMethod, Url, ExecutionTime, ExecutionDuration, HttpStatusCode) VALUES (@a, @c, 'PUT', @u, @t, 0, 200)", connection);
            audit.Parameters.AddWithValue("@a", SequentialGuid.Next());
            audit.Parameters.AddWithValue("@c", city);
            audit.Parameters.AddWithValue("@u", $"/api/app/data-entry/periods/{periodId}/lines/{code}");
            audit.Parameters.AddWithValue("@t", now);
            await audit.ExecuteNonQueryAsync();
        };
    };

    public static IEnumerable<string> Report(EntryScale small, EntryScale large)
    {
        foreach (var scale in new[] { small, large })
        {
            yield return $"{scale.Cities} cities ({scale.Lines:N0} lines in the open period, {scale.CityLines} of the clerk's city):";
            foreach (var (name, m, bare) in scale.Measures)
            {
                yield return $"  {name,-26} p50 {m.P50,7:F1} ms  p95 {m.P95,7:F1} ms  {m.PerSecond,6:F1}/s   bare read p50 {bare.P50,6:F1} ms {bare.PerSecond,6:F0}/s → ratio {m.P50 / bare.P50,5:F1}";
            }
        }

        foreach (var scale in new[] { small, large })
        {
            yield return $"{scale.Cities} cities, save line (PUT) beside a bare save (the line and submission read, one transaction writing the value, its history and the city's stamp, the audit row):";
            foreach (var (label, put, floor) in scale.Saves)
            {
                yield return $"  {label,-10} PUT p50 {put.P50,7:F1} ms  bare save p50 {floor.P50,6:F1} ms {floor.PerSecond,6:F0}/s → ratio {put.P50 / floor.P50,5:F1}";
            }
        }

        yield return $"{large.Cities} cities / {small.Cities} cities (p50):";
        foreach (var (name, m, _) in large.Measures)
        {
            yield return $"  {name,-26} {m.P50 / small.Measures.Single(x => x.Name == name).M.P50:F2}";
        }
    }

    private static async Task<(long Lines, long CityLines)> CountLinesAsync(string connectionString, Guid periodId, Guid cityId)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand("SELECT COUNT(*), SUM(TenantId = @c) FROM EntryLines WHERE PeriodId = @p", connection) { CommandTimeout = 600 };
        command.Parameters.AddWithValue("@p", periodId);
        command.Parameters.AddWithValue("@c", cityId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), Convert.ToInt64(reader.GetValue(1)));
    }
}

internal sealed record EntryScale(int Cities, long Lines, long CityLines, List<(string Name, Measure M, Measure Bare)> Measures, List<(string Label, Measure Put, Measure Floor)> Saves);

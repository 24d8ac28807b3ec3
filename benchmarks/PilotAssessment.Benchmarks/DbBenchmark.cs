using System.Data.Common;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MySqlConnector;
using PilotAssessment.Account;
using PilotAssessment.DataEntry;
using PilotAssessment.DataGeneration;
using PilotAssessment.EntityFrameworkCore;
using PilotAssessment.Periods;
using PilotAssessment.Repositories;
using PilotAssessment.Results;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Json;
using PilotAssessment.Schemes.Scoring;
using PilotAssessment.Seeding;

namespace PilotAssessment.Benchmarks;

/// <summary>
/// The product against real MariaDB, beside bare MySqlConnector code doing the same work in the same run:
/// (a) recompute and publish a generated 300-city period through <see cref="PeriodRecomputeService"/>;
/// (b) GET score-sheet latency with concurrent clients through the real HTTP pipeline (in-memory TestServer).
/// The server comes from PILOT_BENCH_MYSQL (default the test server pilot/pilot on 127.0.0.1:3306); the
/// benchmark creates its own database and drops it at the end (--keep keeps it).
/// </summary>
internal static class DbBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        int Option(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).DefaultIfEmpty(fallback).First();
        var cities = Option("--cities", 300);
        var indicators = Option("--indicators", 150);
        var rounds = Option("--rounds", quick ? 1 : 5);
        var clients = Option("--clients", 20);
        var requests = Option("--requests", quick ? 10 : 50); // per client
        var periods = quick ? rounds + 1 : Math.Max(12, rounds + 1);

        var database = $"pa_bench_bulk_db_{DateTime.UtcNow:yyyyMMddHHmmss}";
        var connectionString = BenchHost.ConnectionString(database);
        var total = Stopwatch.StartNew();
        Console.WriteLine($"Database benchmark{(quick ? " (quick)" : string.Empty)}: {cities} cities × {indicators} indicators, {periods} periods generated, {rounds} measured rounds; MariaDB database {database}");

        try
        {
            var configuration = BenchHost.Configuration(connectionString);
            var counter = new CommandCounter();
            await using var provider = BenchHost.Services(configuration, counter);
            await BenchHost.CreateAsync(database, provider, demoData: true);
            Console.WriteLine($"migrated and seeded in {total.Elapsed.TotalSeconds:F1} s");
            GeneratedProvince province;
            await using (var scope = provider.CreateAsyncScope())
            {
                var generator = new NationalDataGenerator(new DataGeneratorOptions { Cities = cities, Indicators = indicators, Periods = periods });
                province = await scope.ServiceProvider.GetRequiredService<NationalDataWriter>().WriteAsync(generator, m => Console.WriteLine("  " + m));
            }

            var recompute = await RecomputeAsync(provider, counter, connectionString, province, rounds);
            var latency = await LatencyAsync(configuration, connectionString, province.PeriodIds[rounds], clients, requests);

            Console.WriteLine();
            Console.WriteLine($"Figures ({cities} cities × {indicators} indicators, {Environment.ProcessorCount} cores, total run {total.Elapsed.TotalSeconds:F0} s):");
            foreach (var line in recompute.Concat(latency))
            {
                Console.WriteLine("  " + line);
            }
        }
        finally
        {
            if (!args.Contains("--keep"))
            {
                await BenchHost.DropAsync(database);
            }
        }
    }

    /// <summary>(a) The product publishes period 2, 3, … (period 1 first, unmeasured, to warm up); the baseline does the same work per period.</summary>
    internal static async Task<List<string>> RecomputeAsync(ServiceProvider provider, CommandCounter counter, string connectionString, GeneratedProvince province, int rounds)
    {
        var product = new List<double>();
        var reading = new List<double>();
        var baseline = new List<double>();
        var inserts = new List<double>();
        var commands = 0;
        var reads = 0;
        var rows = 0;
        await BaselineTablesAsync(connectionString);
        for (var round = 0; round <= rounds; round++)
        {
            var periodId = province.PeriodIds[round];
            var watch = Stopwatch.StartNew();
            await using (var scope = provider.CreateAsyncScope())
            {
                // The reading and scoring part alone (nothing written), to tell it from the writes.
                var period = await scope.ServiceProvider.GetRequiredService<IRepository<AssessmentPeriod>>().GetAsync(periodId);
                watch.Restart();
                await scope.ServiceProvider.GetRequiredService<PeriodRecomputeService>().ScoreAsync(period, province.CityIds, withAuditorScores: true);
                reading.Add(watch.Elapsed.TotalMilliseconds);
            }

            await using (var scope = provider.CreateAsyncScope())
            {
                var period = await scope.ServiceProvider.GetRequiredService<IRepository<AssessmentPeriod>>().GetAsync(periodId);
                counter.Start(scope.ServiceProvider.GetRequiredService<PilotAssessmentDbContext>());
                watch.Restart();
                var records = await scope.ServiceProvider.GetRequiredService<PeriodRecomputeService>().PublishAsync(period, province.CityIds, DateTime.UtcNow);
                watch.Stop();
                rows = records.Count + records.Sum(r => r.Lines.Count);
                (commands, reads) = (counter.Commands, counter.Reads);
            }

            var (baselineTime, insertTime) = await BaselineRecomputeAsync(connectionString, province.SchemeId, periodId);
            Console.WriteLine($"  round {round}{(round == 0 ? " (warm-up)" : string.Empty)}: product {watch.Elapsed.TotalMilliseconds:F0} ms (read + score alone {reading[^1]:F0} ms), bare with bulk copy {baselineTime:F0} ms, bare with INSERTs {insertTime:F0} ms");
            if (round > 0)
            {
                product.Add(watch.Elapsed.TotalMilliseconds);
                baseline.Add(baselineTime);
                inserts.Add(insertTime);
            }
            else
            {
                reading.Clear();
            }
        }

        var p = Median(product);
        var b = Median(baseline);
        return
        [
            $"recompute + persist one period ({province.CityIds.Count} cities, {rows:N0} score-sheet rows), median of {rounds}:",
            $"  product (PeriodRecomputeService.PublishAsync, EF Core): {p:F0} ms (min {product.Min():F0}); {commands} commands ({reads} reads, {commands - reads} writes); reading and scoring alone {Median(reading):F0} ms",
            $"  bare MySqlConnector (3 SELECTs, same engine, MySqlBulkCopy of the same rows): {b:F0} ms (min {baseline.Min():F0})",
            $"  bare MySqlConnector (3 SELECTs, same engine, multi-row INSERTs of 1,000 rows): {Median(inserts):F0} ms (min {inserts.Min():F0})",
            $"  ratio product / bare bulk copy: {p / b:F2}; product / bare INSERTs: {p / Median(inserts):F2}",
        ];
    }

    /// <summary>
    /// The same work without the framework: the scheme, one SELECT of the lines, one of the facts, the same engine,
    /// then the rows written in one transaction — by <c>MySqlBulkCopy</c> (the floor), and again (after emptying the
    /// tables) by multi-row INSERTs. Returns the two times, each including the same reads and scoring.
    /// </summary>
    private static async Task<(double BulkCopy, double Inserts)> BaselineRecomputeAsync(string connectionString, Guid schemeId, Guid periodId)
    {
        await using var connection = new MySqlConnection(new MySqlConnectionStringBuilder(connectionString) { AllowLoadLocalInfile = true }.ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "TRUNCATE TABLE bench_ScoreSheetLines; TRUNCATE TABLE bench_ScoreSheets");
        var watch = Stopwatch.StartNew();
        SchemeDefinition definition;
        await using (var command = new MySqlCommand("SELECT Definition FROM Schemes WHERE Id = @id", connection))
        {
            command.Parameters.AddWithValue("@id", schemeId);
            definition = SchemeJsonSerializer.DeserializeDefinition((string)(await command.ExecuteScalarAsync())!);
        }

        var values = new Dictionary<Guid, Dictionary<string, IndicatorValue>>();
        await using (var command = new MySqlCommand("SELECT TenantId, IndicatorCode, ValueJson FROM EntryLines WHERE PeriodId = @p AND IsDeleted = 0", connection))
        {
            command.Parameters.AddWithValue("@p", periodId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var city = reader.GetGuid(0);
                if (!values.TryGetValue(city, out var lines))
                {
                    values[city] = lines = [];
                }

                var value = EntryValue.FromJson(reader.GetString(2));
                if (!value.IsEmpty)
                {
                    lines[reader.GetString(1)] = value.ToIndicatorValue();
                }
            }
        }

        var facts = new Dictionary<Guid, (Dictionary<string, bool> Vetoes, Dictionary<string, int> Bonus, Dictionary<string, decimal> Data)>();
        await using (var command = new MySqlCommand("SELECT TenantId, VetoFacts, BonusCounts, DataItems FROM CityPeriodFacts WHERE PeriodId = @p AND IsDeleted = 0", connection))
        {
            command.Parameters.AddWithValue("@p", periodId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                facts[reader.GetGuid(0)] = (
                    JsonSerializer.Deserialize<Dictionary<string, bool>>(reader.GetString(1))!,
                    JsonSerializer.Deserialize<Dictionary<string, int>>(reader.GetString(2))!,
                    JsonSerializer.Deserialize<Dictionary<string, decimal>>(reader.GetString(3))!);
            }
        }

        var engine = new ScoringEngine();
        var sheets = values.Select(v =>
        {
            var f = facts.GetValueOrDefault(v.Key);
            return (City: v.Key, Sheet: engine.Score(definition, new CityPeriodValues { CityKey = v.Key.ToString(), Indicators = v.Value, VetoFacts = f.Vetoes ?? [], BonusCounts = f.Bonus ?? [], DataItems = f.Data ?? [] }));
        }).ToList();
        var ranks = CityRanking.Rank(sheets, s => s.Sheet.Total).ToDictionary(r => r.Item.City, r => r.Rank);

        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var now = DateTime.UtcNow;
        var sheetRows = new List<object?[]>();
        var lineRows = new List<object?[]>();
        foreach (var (city, sheet) in sheets)
        {
            var id = Guid.NewGuid();
            sheetRows.Add([id, city, periodId, 1, "Published", true, sheet.IndicatorPoints, sheet.MaxPoints, sheet.Bonus, sheet.VetoDeduction, sheet.Total, sheet.Percent, sheet.ScoreGrade, sheet.Grade, sheet.Colour, sheet.AwardEligible, ranks[city], sheet.UnreportedCount,
                JsonSerializer.Serialize(sheet.Categories, json), JsonSerializer.Serialize(sheet.BonusLines, json), JsonSerializer.Serialize(sheet.Vetoes, json), now]);
            var order = 0;
            foreach (var line in sheet.Lines)
            {
                lineRows.Add([Guid.NewGuid(), city, id, order++, line.IndicatorCode, line.IndicatorName, line.CategoryCode, line.MaxPoints, line.Value, line.Points, line.Status.ToString(), line.Explanation.ZhHans ?? string.Empty, line.Explanation.En ?? string.Empty]);
            }
        }

        string[] sheetColumns = ["Id", "TenantId", "PeriodId", "Version", "Kind", "IsCurrent", "IndicatorPoints", "MaxPoints", "Bonus", "VetoDeduction", "Total", "Percent", "ScoreGrade", "Grade", "Colour", "AwardEligible", "Rank", "UnreportedCount", "CategoriesJson", "BonusJson", "VetoesJson", "CreationTime"];
        string[] lineColumns = ["Id", "TenantId", "ScoreSheetRecordId", "Order", "IndicatorCode", "IndicatorName", "CategoryCode", "MaxPoints", "Value", "Points", "Status", "ExplanationZh", "ExplanationEn"];
        var readAndScore = watch.Elapsed;
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await BulkCopyAsync(connection, transaction, "bench_ScoreSheets", sheetColumns, sheetRows);
            await BulkCopyAsync(connection, transaction, "bench_ScoreSheetLines", lineColumns, lineRows);
            await transaction.CommitAsync();
        }

        var bulkCopy = watch.Elapsed.TotalMilliseconds;
        await ExecuteAsync(connection, "TRUNCATE TABLE bench_ScoreSheetLines; TRUNCATE TABLE bench_ScoreSheets");
        watch.Restart();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await InsertAsync(connection, transaction, "bench_ScoreSheets", sheetColumns, sheetRows);
            await InsertAsync(connection, transaction, "bench_ScoreSheetLines", lineColumns, lineRows);
            await transaction.CommitAsync();
        }

        return (bulkCopy, readAndScore.TotalMilliseconds + watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>The rows as a DataTable (GUIDs as text, enums as their numbers, as the INSERTs bind them) through one bulk copy.</summary>
    private static async Task BulkCopyAsync(MySqlConnection connection, MySqlTransaction transaction, string table, string[] columns, List<object?[]> rows)
    {
        static object Provider(object? value) => value switch
        {
            null => DBNull.Value,
            Guid guid => guid.ToString(),
            Enum e => Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture),
            _ => value,
        };

        var data = new System.Data.DataTable(table);
        for (var c = 0; c < columns.Length; c++)
        {
            var sample = rows.Select(r => Provider(r[c])).FirstOrDefault(v => v is not DBNull);
            data.Columns.Add(columns[c], sample?.GetType() ?? typeof(string));
        }

        foreach (var row in rows)
        {
            data.Rows.Add(row.Select(Provider).ToArray());
        }

        var copy = new MySqlBulkCopy(connection, transaction) { DestinationTableName = $"`{table}`", BulkCopyTimeout = 0 };
        for (var c = 0; c < columns.Length; c++)
        {
            copy.ColumnMappings.Add(new MySqlBulkCopyColumnMapping(c, columns[c]));
        }

        var result = await copy.WriteToServerAsync(data);
        if (result.RowsInserted != rows.Count)
        {
            throw new InvalidOperationException($"Bulk copy into {table} wrote {result.RowsInserted} of {rows.Count}: {string.Join("; ", result.Warnings.Select(w => w.Message))}");
        }
    }

    private static async Task InsertAsync(MySqlConnection connection, MySqlTransaction transaction, string table, string[] columns, List<object?[]> rows)
    {
        foreach (var chunk in rows.Chunk(1000))
        {
            var sql = new StringBuilder($"INSERT INTO `{table}` ({string.Join(", ", columns.Select(c => $"`{c}`"))}) VALUES ");
            await using var command = new MySqlCommand { Connection = connection, Transaction = transaction };
            for (var r = 0; r < chunk.Length; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Length; c++)
                {
                    var name = $"@p{r}_{c}";
                    sql.Append(c == 0 ? name : ", " + name);
                    command.Parameters.AddWithValue(name, chunk[r][c]);
                }

                sql.Append(')');
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Scratch tables shaped like the product's score-sheet tables (without foreign keys), for the baseline's writes.</summary>
    private static async Task BaselineTablesAsync(string connectionString)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "DROP TABLE IF EXISTS bench_ScoreSheets, bench_ScoreSheetLines; CREATE TABLE bench_ScoreSheets LIKE ScoreSheets; CREATE TABLE bench_ScoreSheetLines LIKE ScoreSheetLines");
    }

    /// <summary>(b) GET /api/app/results/sheets/{id} by concurrent clients through the host, beside the same reads over bare connections.</summary>
    private static async Task<List<string>> LatencyAsync(IConfiguration configuration, string connectionString, Guid periodId, int clients, int requests)
    {
        var sheetIds = new List<Guid>();
        await using (var connection = new MySqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new MySqlCommand("SELECT Id FROM ScoreSheets WHERE PeriodId = @p AND IsCurrent = 1 ORDER BY Id", connection);
            command.Parameters.AddWithValue("@p", periodId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                sheetIds.Add(reader.GetGuid(0));
            }
        }

        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSolutionRelativeContentRoot("src/PilotAssessment.HttpApi.Host", "aspnet-core.sln");
            foreach (var (key, value) in configuration.AsEnumerable().Where(kv => kv.Value is not null))
            {
                b.UseSetting(key, value);
            }
        });
        string token;
        using (var client = factory.CreateClient())
        {
            var response = await client.PostAsJsonAsync("/api/account/login", new LoginInput { UserName = "official", Password = DataSeeder.DefaultAdminPassword });
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<TokenResultDto>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!.AccessToken;
        }

        var sheetBytes = 0L;
        var http = await MeasureAsync(clients, requests, sheetIds, () =>
        {
            var client = factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return Task.FromResult<Func<Guid, Task>>(async id =>
            {
                using var response = await client.GetAsync($"/api/app/results/sheets/{id}");
                response.EnsureSuccessStatusCode();
                Interlocked.Add(ref sheetBytes, (await response.Content.ReadAsByteArrayAsync()).LongLength);
            });
        });

        var bare = await MeasureAsync(clients, requests, sheetIds, async () =>
        {
            var connection = new MySqlConnection(connectionString);
            await connection.OpenAsync();
            return async id =>
            {
                // What the endpoint reads: the sheet row and its lines.
                await using (var command = new MySqlCommand("SELECT * FROM ScoreSheets WHERE Id = @id", connection))
                {
                    command.Parameters.AddWithValue("@id", id);
                    await ReadAllAsync(command);
                }

                await using (var command = new MySqlCommand("SELECT * FROM ScoreSheetLines WHERE ScoreSheetRecordId = @id ORDER BY `Order`", connection))
                {
                    command.Parameters.AddWithValue("@id", id);
                    await ReadAllAsync(command);
                }
            };
        });

        var count = clients * requests;
        var revalidation = await NationalBenchmark.ScoreSheetGetAsync(factory, connectionString, periodId, token, clients, requests);
        return
        [
            $"GET one score sheet ({sheetIds.Count} sheets of the period, ~{sheetBytes / Math.Max(1, count + clients) / 1024.0:F0} KiB JSON each), {clients} concurrent clients × {requests} requests:",
            $"  product (HTTP pipeline in memory: JWT, permissions, tenant filter, EF Core, JSON): p50 {http.P50:F1} ms, p95 {http.P95:F1} ms, {count / http.Seconds:F0} requests/s",
            $"  bare MySqlConnector (the same 2 SELECTs on {clients} connections): p50 {bare.P50:F1} ms, p95 {bare.P95:F1} ms, {count / bare.Seconds:F0} reads/s",
            $"  ratio product / baseline: p50 {http.P50 / bare.P50:F1}, p95 {http.P95 / bare.P95:F1}",
            revalidation,
        ];
    }

    /// <summary>Each client first sends one unmeasured warm-up request, then <paramref name="requests"/> measured ones.</summary>
    private static async Task<(double P50, double P95, double Seconds)> MeasureAsync(int clients, int requests, List<Guid> ids, Func<Task<Func<Guid, Task>>> createClient)
    {
        var workers = new List<Func<Guid, Task>>();
        for (var c = 0; c < clients; c++)
        {
            var worker = await createClient();
            await worker(ids[c % ids.Count]);
            workers.Add(worker);
        }

        var latencies = new double[clients * requests];
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(workers.Select((worker, c) => Task.Run(async () =>
        {
            for (var r = 0; r < requests; r++)
            {
                var started = Stopwatch.GetTimestamp();
                await worker(ids[((c * 37) + (r * 11)) % ids.Count]);
                latencies[(c * requests) + r] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
        wall.Stop();
        Array.Sort(latencies);
        return (latencies[latencies.Length / 2], latencies[(int)Math.Ceiling(latencies.Length * 0.95) - 1], wall.Elapsed.TotalSeconds);
    }

    private static async Task ReadAllAsync(MySqlCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, sql);
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Counts the commands one DbContext sends (cheap: a comparison and an increment per command).</summary>
    internal sealed class CommandCounter : DbCommandInterceptor
    {
        private DbContext? _context;

        public int Commands { get; private set; }

        public int Reads { get; private set; }

        public void Start(DbContext context)
        {
            _context = context;
            Commands = Reads = 0;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count(command, eventData);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Count(command, eventData);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Count(command, eventData);
            return ValueTask.FromResult(result);
        }

        private void Count(DbCommand command, CommandEventData eventData)
        {
            if (!ReferenceEquals(eventData.Context, _context))
            {
                return;
            }

            Commands++;
            if (command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
            {
                Reads++;
            }
        }
    }
}

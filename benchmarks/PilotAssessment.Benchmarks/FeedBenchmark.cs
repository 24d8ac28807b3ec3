using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MySqlConnector;
using PilotAssessment.DataGeneration;
using PilotAssessment.EntityFrameworkCore;
using PilotAssessment.Feeds;
using PilotAssessment.Periods;
using PilotAssessment.Seeding;

namespace PilotAssessment.Benchmarks;

/// <summary>
/// A department's feed at national scale on MariaDB (--feeds): every city's values of one period (300 cities × 150
/// indicators by default) imported through the real host in memory in one request, and again in one request per city,
/// each into a fresh open period, beside the bare SQL floor of the same lines and history rows written into copies of
/// the two tables in one transaction: with <c>MySqlBulkCopy</c> and with multi-row INSERTs. Prints the times and the
/// ratios. The database is generated, then dropped unless --keep.
/// </summary>
internal static class FeedBenchmark
{
    private const string DefaultServer = "Server=127.0.0.1;Port=3306;User ID=pilot;Password=pilot";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task RunAsync(string[] args)
    {
        int Option(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).DefaultIfEmpty(fallback).First();
        var cities = Option("--cities", 300);
        var indicators = Option("--indicators", 150);
        var server = Environment.GetEnvironmentVariable("PILOT_BENCH_MYSQL") is { Length: > 0 } s ? s : DefaultServer;
        var database = $"pa_bench_bulk_feed{cities}_{DateTime.UtcNow:yyyyMMddHHmmss}";
        var connectionString = new MySqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        Console.WriteLine($"Feed benchmark: {cities} cities × {indicators} indicators; MariaDB database {database}; load average {LoadAverage()}");
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
            var generator = new NationalDataGenerator(new DataGeneratorOptions { Cities = cities, Indicators = indicators, Periods = 1 });
            var (periodIds, client, secret) = await PrepareAsync(configuration, generator);

            var scheme = generator.Scheme();
            var names = generator.Cities();
            var fed = FedIndicators(scheme);
            List<object> RowsOf(int city, Guid periodId) => generator.CityPeriod(scheme, city, 0).Values
                .Where(v => fed.TryGetValue(v.Key, out var indicator) && DataEntry.EntryValueValidator.Validate(indicator, v.Value, null) is null)
                .Select(v => (object)new { city = names[city].Name, period = periodId.ToString(), indicator = v.Key, value = v.Value })
                .ToList();

            await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            {
                b.UseSolutionRelativeContentRoot("src/PilotAssessment.HttpApi.Host", "aspnet-core.sln");
                foreach (var (key, value) in configuration.AsEnumerable().Where(kv => kv.Value is not null))
                {
                    b.UseSetting(key, value);
                }
            });
            using var http = factory.CreateClient();
            http.Timeout = TimeSpan.FromMinutes(30);
            var token = await http.PostAsync("/api/feeds/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["client_id"] = client.ToString(), ["client_secret"] = secret }));
            token.EnsureSuccessStatusCode();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<FeedTokenDto>(Json))!.AccessToken);

            // Warm-up, unmeasured: one city's rows as a dry run and as a real import into a third period, so neither
            // measured mode pays for compiling the pipeline.
            var warmRows = JsonSerializer.SerializeToUtf8Bytes(new { rows = RowsOf(0, periodIds[2]) }, Json);
            await PostAsync(http, warmRows, "warm-up-dry", dryRun: true);
            await PostAsync(http, warmRows, "warm-up");

            // One request with every city's rows.
            var all = Enumerable.Range(0, cities).SelectMany(c => RowsOf(c, periodIds[0])).ToList();
            var body = JsonSerializer.SerializeToUtf8Bytes(new { rows = all }, Json);
            Console.WriteLine($"  one request: {all.Count:N0} rows, {body.Length / 1024d / 1024d:F1} MB");
            var one = Stopwatch.StartNew();
            var summary = await PostAsync(http, body, "one-request");
            one.Stop();
            Console.WriteLine($"    {one.Elapsed.TotalSeconds:F1} s, imported {summary.Imported:N0}");

            // One request per city, one after another.
            var perCity = Stopwatch.StartNew();
            var imported = 0;
            for (var c = 0; c < cities; c++)
            {
                imported += (await PostAsync(http, JsonSerializer.SerializeToUtf8Bytes(new { rows = RowsOf(c, periodIds[1]) }, Json), $"city-{c}")).Imported;
            }

            perCity.Stop();
            Console.WriteLine($"  {cities} requests: {perCity.Elapsed.TotalSeconds:F1} s, imported {imported:N0} ({perCity.Elapsed.TotalMilliseconds / cities:F0} ms a request)");

            // The bare floor: the same lines and history rows into copies of the two tables, by bulk copy and by INSERTs.
            var values = RowsJson(generator, scheme, cities, fed).Take(all.Count).ToList();
            var cityIds = await CityIdsAsync(connectionString, names.Select(n => n.Name).ToList());
            var bulk = await BareBulkCopyAsync(connectionString, values, cityIds, indicators);
            Console.WriteLine($"  bare MySqlBulkCopy of {all.Count:N0} lines + history: {bulk.TotalSeconds:F1} s");
            var bare = await BareInsertAsync(connectionString, values);
            Console.WriteLine($"  bare multi-row INSERTs of {all.Count:N0} lines + history: {bare.TotalSeconds:F1} s");

            Console.WriteLine();
            Console.WriteLine($"Figures ({cities} cities × {indicators} indicators, {all.Count:N0} rows, {Environment.ProcessorCount} cores, load average {LoadAverage()}):");
            Console.WriteLine($"  feed, one request      {one.Elapsed.TotalSeconds,7:F1} s  {all.Count / one.Elapsed.TotalSeconds,7:F0} rows/s  ratio to bulk copy {one.Elapsed / bulk,5:F1}, to INSERTs {one.Elapsed / bare,5:F1}");
            Console.WriteLine($"  feed, {cities} requests {perCity.Elapsed.TotalSeconds,7:F1} s  {all.Count / perCity.Elapsed.TotalSeconds,7:F0} rows/s  ratio to bulk copy {perCity.Elapsed / bulk,5:F1}, to INSERTs {perCity.Elapsed / bare,5:F1}");
            Console.WriteLine($"  bare MySqlBulkCopy     {bulk.TotalSeconds,7:F1} s  {all.Count / bulk.TotalSeconds,7:F0} rows/s");
            Console.WriteLine($"  bare multi-row INSERTs {bare.TotalSeconds,7:F1} s  {all.Count / bare.TotalSeconds,7:F0} rows/s");
        }
        finally
        {
            if (!args.Contains("--keep"))
            {
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS `{database}`");
            }
        }
    }

    /// <summary>The indicators a feed writes; the generator's values a line's rule would refuse (it writes the database directly) are left out.</summary>
    private static Dictionary<string, Schemes.IndicatorDefinition> FedIndicators(Schemes.SchemeDefinition scheme) =>
        scheme.AllIndicators().Where(i => string.IsNullOrWhiteSpace(i.Formula) && !Supervision.ProblemRegister.IsFed(i)).ToDictionary(i => i.Code);

    private static IEnumerable<string> RowsJson(NationalDataGenerator generator, Schemes.SchemeDefinition scheme, int cities, Dictionary<string, Schemes.IndicatorDefinition> fed)
    {
        for (var c = 0; c < cities; c++)
        {
            foreach (var (_, value) in generator.CityPeriod(scheme, c, 0).Values.Where(v => fed.TryGetValue(v.Key, out var indicator) && DataEntry.EntryValueValidator.Validate(indicator, v.Value, null) is null))
            {
                yield return value.ToJson();
            }
        }
    }

    /// <summary>The generated province (one closed period), three fresh open periods (one for the warm-up), and a client for every city and indicator.</summary>
    private static async Task<(List<Guid> Periods, Guid Client, string Secret)> PrepareAsync(IConfiguration configuration, NationalDataGenerator generator)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddPilotAssessmentApplication(configuration);
        services.AddPilotAssessmentEntityFrameworkCore(configuration);
        await using var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DbMigrationService>().MigrateAndSeedAsync(new DataSeedContext());
        }

        GeneratedProvince province;
        await using (var scope = provider.CreateAsyncScope())
        {
            province = await scope.ServiceProvider.GetRequiredService<NationalDataWriter>().WriteAsync(generator, m => Console.WriteLine("  " + m));
        }

        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PilotAssessmentDbContext>();
            var now = DateTime.UtcNow;
            var periods = new List<Guid>();
            for (var p = 0; p < 3; p++)
            {
                var period = new AssessmentPeriod(Guid.NewGuid(), province.SchemeId, $"数据接口测试{p + 1}", PeriodKind.Annual, 2090 + p, 1, now.AddHours(-1), now.AddDays(10));
                period.Open(now);
                db.Add(period);
                periods.Add(period.Id);
            }

            var client = new FeedClient(Guid.NewGuid(), null, "基准测试", "公安局", province.CityIds, true, [], out var secret);
            db.Add(client);
            await db.SaveChangesAsync();
            return (periods, client.Id, secret);
        }
    }

    private static async Task<FeedImportSummaryDto> PostAsync(HttpClient http, byte[] body, string key, bool dryRun = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/feeds/values?dryRun={(dryRun ? "true" : "false")}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("Idempotency-Key", key);
        var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"{(int)response.StatusCode}: {(text.Length > 2000 ? text[..2000] : text)}");
        }

        return (await response.Content.ReadFromJsonAsync<FeedImportSummaryDto>(Json))!;
    }

    private static async Task<List<Guid>> CityIdsAsync(string connectionString, List<string> names)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand("SELECT Id, Name FROM Tenants", connection);
        var byName = new Dictionary<string, Guid>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                byName[reader.GetString(1)] = reader.GetGuid(0);
            }
        }

        return names.Select(n => byName[n]).ToList();
    }

    /// <summary>
    /// The floor the product's bulk write is measured against: the same rows (the columns a fed line and its first
    /// revision set) bulk-copied into copies of EntryLines and EntryValueHistory (same columns and indexes) in one transaction.
    /// </summary>
    private static async Task<TimeSpan> BareBulkCopyAsync(string connectionString, List<string> values, List<Guid> cityIds, int indicators)
    {
        await ExecuteAsync(connectionString, "CREATE TABLE bare_bulk_lines LIKE EntryLines");
        await ExecuteAsync(connectionString, "CREATE TABLE bare_bulk_history LIKE EntryValueHistory");
        var period = Guid.NewGuid().ToString();
        var client = Guid.NewGuid().ToString();
        var now = DateTime.UtcNow;
        var watch = Stopwatch.StartNew();
        var lines = new System.Data.DataTable();
        foreach (var column in new[] { "Id", "TenantId", "PeriodId", "IndicatorCode", "ValueJson", "Status", "QualityFlag", "ReportedByUserId", "SourceClientId", "SourceName", "ConcurrencyStamp" })
        {
            lines.Columns.Add(column, typeof(string));
        }

        lines.Columns.Add("ReportedTime", typeof(DateTime));
        lines.Columns.Add("CreationTime", typeof(DateTime));
        lines.Columns.Add("IsDeleted", typeof(bool));
        var history = new System.Data.DataTable();
        foreach (var column in new[] { "Id", "TenantId", "EntryLineId", "NewValueJson", "SourceClientId", "SourceName" })
        {
            history.Columns.Add(column, typeof(string));
        }

        history.Columns.Add("Revision", typeof(int));
        history.Columns.Add("CreationTime", typeof(DateTime));
        for (var i = 0; i < values.Count; i++)
        {
            var id = Guid.NewGuid().ToString();
            var tenant = cityIds[(i / indicators) % cityIds.Count].ToString();
            lines.Rows.Add(id, tenant, period, $"I{i:D6}", values[i], "Draft", "None", client, client, "公安局 · 基准测试", Guid.NewGuid().ToString("N"), now, now, false);
            history.Rows.Add(Guid.NewGuid().ToString(), tenant, id, values[i], client, "公安局 · 基准测试", 1, now);
        }

        await using var connection = new MySqlConnection(new MySqlConnectionStringBuilder(connectionString) { AllowLoadLocalInfile = true }.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var (table, data) in new[] { ("bare_bulk_lines", lines), ("bare_bulk_history", history) })
        {
            var copy = new MySqlBulkCopy(connection, transaction) { DestinationTableName = table, BulkCopyTimeout = 0 };
            for (var c = 0; c < data.Columns.Count; c++)
            {
                copy.ColumnMappings.Add(new MySqlBulkCopyColumnMapping(c, data.Columns[c].ColumnName));
            }

            var result = await copy.WriteToServerAsync(data);
            if (result.RowsInserted != values.Count)
            {
                throw new InvalidOperationException($"Bulk copy into {table} wrote {result.RowsInserted} of {values.Count}: {string.Join("; ", result.Warnings.Select(w => w.Message))}");
            }
        }

        await transaction.CommitAsync();
        return watch.Elapsed;
    }

    /// <summary>The same number of lines and history rows, inserted by hand in batches of 1,000 in one transaction.</summary>
    private static async Task<TimeSpan> BareInsertAsync(string connectionString, List<string> list)
    {
        await ExecuteAsync(connectionString, "CREATE TABLE bare_lines (Id CHAR(36) PRIMARY KEY, TenantId CHAR(36) NOT NULL, PeriodId CHAR(36) NOT NULL, IndicatorCode VARCHAR(32) NOT NULL, ValueJson LONGTEXT NOT NULL, SourceName VARCHAR(132), UNIQUE (TenantId, PeriodId, IndicatorCode))");
        await ExecuteAsync(connectionString, "CREATE TABLE bare_history (Id CHAR(36) PRIMARY KEY, EntryLineId CHAR(36) NOT NULL, Revision INT NOT NULL, NewValueJson LONGTEXT NOT NULL, UNIQUE (EntryLineId, Revision))");
        var period = Guid.NewGuid().ToString();
        var watch = Stopwatch.StartNew();
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        for (var start = 0; start < list.Count; start += 1000)
        {
            var batch = list.Skip(start).Take(1000).Select((json, i) => (Line: Guid.NewGuid().ToString(), Tenant: ((start + i) / 150).ToString("D36"), Code: $"I{(start + i) % 150:D3}", Json: json)).ToList();
            var lines = new StringBuilder("INSERT INTO bare_lines VALUES ");
            var history = new StringBuilder("INSERT INTO bare_history VALUES ");
            await using var command = new MySqlCommand { Connection = connection, Transaction = transaction };
            for (var i = 0; i < batch.Count; i++)
            {
                lines.Append(i == 0 ? string.Empty : ",").Append($"(@l{i},@t{i},'{period}',@c{i},@v{i},'公安局 · 基准测试')");
                history.Append(i == 0 ? string.Empty : ",").Append($"(UUID(),@l{i},1,@v{i})");
                command.Parameters.AddWithValue($"@l{i}", batch[i].Line);
                command.Parameters.AddWithValue($"@t{i}", batch[i].Tenant);
                command.Parameters.AddWithValue($"@c{i}", batch[i].Code);
                command.Parameters.AddWithValue($"@v{i}", batch[i].Json);
            }

            command.CommandText = lines + ";" + history;
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return watch.Elapsed;
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
}

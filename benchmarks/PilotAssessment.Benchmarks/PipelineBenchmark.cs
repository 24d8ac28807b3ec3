using System.Data.Common;
using System.Diagnostics;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.DataGeneration;
using PilotAssessment.EntityFrameworkCore;

namespace PilotAssessment.Benchmarks;

/// <summary>
/// <c>--db --national --sheet-only --reuse-300 DB</c>: only the request pipeline's own cost and the published score
/// sheet GET at 300 cities. The pipeline: the SQL commands and time of a warm authorized GET of one period (the
/// feature itself reads one row) for the provincial official and for a city's clerk; then the score sheet's 200 and
/// 304 beside the bare read of the same bytes (<see cref="NationalBenchmark.ScoreSheetGetAsync"/>).
/// </summary>
internal static class PipelineBenchmark
{
    public static async Task<List<string>> RunAsync(string connectionString, DataGeneratorOptions options, GeneratedProvince province, int clients, int requests)
    {
        var commands = new CommandTally();
        var configuration = BenchHost.Configuration(connectionString);
        await using var factory = BenchHost.Factory(configuration).WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.ConfigureDbContext<MySqlPilotAssessmentDbContext>(o => o.AddInterceptors(commands))));
        var official = await BenchHost.SignInAsync(factory, null, "official");
        var clerk = await BenchHost.SignInAsync(factory, new NationalDataGenerator(options).Cities()[0].Name, "clerk");
        var period = province.PeriodIds[^2];
        var lines = new List<string>();
        foreach (var (who, token) in new[] { ("provincial official", official), ("city clerk", clerk) })
        {
            using var client = BenchHost.Client(factory, token);
            var path = $"/api/app/periods/{period}";
            (await client.GetAsync(path)).EnsureSuccessStatusCode();
            var before = commands.Count;
            var times = new List<double>();
            for (var i = 0; i < 20; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            times.Sort();
            var perRequest = (commands.Count - before) / 20.0;
            lines.Add($"warm authorized GET of one period as the {who}: {perRequest:F1} SQL commands per request (the feature's own: 1), p50 {times[10]:F1} ms, max {times[^1]:F1} ms");
        }

        lines.Add(await RankingAsync(factory, commands, connectionString, period, official));
        lines.Add(await NationalBenchmark.ScoreSheetGetAsync(factory, connectionString, period, official, clients, requests));
        lines.Add(await SheetCommandsAsync(factory, commands, connectionString, period, official));
        return lines;
    }

    /// <summary>The published period's ranking (300 rows) as the dashboard asks for it, beside the bare read of its rows and the cities' names.</summary>
    private static async Task<string> RankingAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory, CommandTally commands, string connectionString, Guid period, string token)
    {
        using var client = BenchHost.Client(factory, token);
        var path = $"/api/app/results/periods/{period}/ranking";
        (await client.GetAsync(path)).EnsureSuccessStatusCode();
        // Only the measured requests' commands count (not the warm-up's: r is -1 there).
        var measured = 0;
        var product = await BenchHost.MeasureAsync(1, 10, _ => Task.FromResult<Func<int, Task>>(async r =>
        {
            var before = commands.Count;
            using var response = await client.GetAsync(path);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            if (r >= 0)
            {
                measured += commands.Count - before;
            }
        }));
        var perRequest = measured / 10.0;
        var bare = await BenchHost.MeasureAsync(1, 10, BenchHost.Bare(
            connectionString,
            "SELECT Id, TenantId, Version, `Rank`, Total, Grade, Colour, PreviousTotal, NotAssessed, Reason FROM ScoreSheets WHERE PeriodId = @p AND IsCurrent = 1; SELECT Id, DisplayName FROM Tenants",
            _ => [("@p", period)]));
        return $"ranking of the published period, 1 client: p50 {product.P50:F1} ms p95 {product.P95:F1} ms, {perRequest:F1} SQL commands per request; bare read of its rows and the cities' names p50 {bare.P50:F1} ms → ratio {product.P50 / bare.P50:F1}";
    }

    /// <summary>The SQL commands of one warm score sheet GET as 200 and as 304 (sequential, so nothing else is counted).</summary>
    private static async Task<string> SheetCommandsAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory, CommandTally commands, string connectionString, Guid period, string token)
    {
        Guid sheetId;
        await using (var connection = new MySqlConnector.MySqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new MySqlConnector.MySqlCommand("SELECT Id FROM ScoreSheets WHERE PeriodId = @p AND IsCurrent = 1 ORDER BY Id LIMIT 1", connection);
            command.Parameters.AddWithValue("@p", period);
            sheetId = (Guid)(await command.ExecuteScalarAsync())!;
        }

        using var client = BenchHost.Client(factory, token);
        var path = $"/api/app/results/sheets/{sheetId}";
        using var first = await client.GetAsync(path);
        first.EnsureSuccessStatusCode();
        var tag = first.Headers.ETag!;
        var start = commands.Count;
        for (var i = 0; i < 10; i++)
        {
            using var response = await client.GetAsync(path);
            response.EnsureSuccessStatusCode();
        }

        var full = (commands.Count - start) / 10.0;
        start = commands.Count;
        for (var i = 0; i < 10; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.IfNoneMatch.Add(tag);
            using var response = await client.SendAsync(request);
            if (response.StatusCode != System.Net.HttpStatusCode.NotModified)
            {
                throw new InvalidOperationException($"expected 304, got {(int)response.StatusCode}");
            }
        }

        var revalidation = (commands.Count - start) / 10.0;

        // One client alone, so the ratio says what a request costs rather than how the loaded cores are shared.
        var alone = await BenchHost.MeasureAsync(1, 30, _ => Task.FromResult<Func<int, Task>>(async _ =>
        {
            using var response = await client.GetAsync(path);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        }));
        var aloneRevalidated = await BenchHost.MeasureAsync(1, 30, _ => Task.FromResult<Func<int, Task>>(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.IfNoneMatch.Add(tag);
            using var response = await client.SendAsync(request);
        }));
        var bare = await BenchHost.MeasureAsync(1, 30, BenchHost.Bare(
            connectionString,
            "SELECT Content FROM ScoreSheetDocuments WHERE ScoreSheetRecordId = @s AND Language = 'zh-Hans'; SELECT TenantId, IsCurrent, Version FROM ScoreSheets WHERE Id = @s",
            _ => [("@s", sheetId)]));
        return $"one warm score sheet GET: SQL commands 200 {full:F1}, 304 {revalidation:F1}; 1 client: 200 p50 {alone.P50:F1} ms p95 {alone.P95:F1} ms, 304 p50 {aloneRevalidated.P50:F1} ms p95 {aloneRevalidated.P95:F1} ms, "
            + $"bare read p50 {bare.P50:F1} ms p95 {bare.P95:F1} ms → ratio p95 200 {alone.P95 / bare.P95:F2}, 304 {aloneRevalidated.P95 / bare.P95:F2}";
    }

    /// <summary>Counts every command the host's DbContexts send.</summary>
    private sealed class CommandTally : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }
    }
}

using System.Data.Common;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MySqlConnector;
using PilotAssessment.DataEntry;
using PilotAssessment.DataGeneration;

namespace PilotAssessment.Benchmarks;

/// <summary>
/// The EXPLAIN of the product's own queries: while a labelled call runs, each SELECT EF Core sends is explained first
/// on the same connection with the same parameters (so the plan is that of the real query and values).
/// </summary>
internal sealed class QueryPlans : DbCommandInterceptor
{
    private readonly List<string> _output = [];
    private string? _label;
    private int _selects;

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (_label is not null && command is MySqlCommand mysql && mysql.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
        {
            _selects++;
            await ExplainAsync(mysql, cancellationToken);
        }

        return result;
    }

    /// <summary>Each command's time as the product waited for it (writes included), after its plan.</summary>
    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (_label is not null)
        {
            var text = string.Join(' ', command.CommandText.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
            _output.Add(text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
                ? $"    took {eventData.Duration.TotalMilliseconds:F1} ms"
                : $"  {text[..Math.Min(160, text.Length)]} … took {eventData.Duration.TotalMilliseconds:F1} ms");
        }

        return ValueTask.FromResult(result);
    }

    /// <summary>Runs each main read once as its user and returns the plans (<paramref name="entryOnly"/>: the entry sheet GET and line PUT only).</summary>
    public async Task<List<string>> ExplainAsync(WebApplicationFactory<Program> factory, GeneratedProvince province, DataGeneratorOptions options, string officialToken, bool entryOnly = false)
    {
        var open = province.PeriodIds[^1];
        var published = province.PeriodIds[^2];
        var city = new NationalDataGenerator(options).Cities()[0].Name;
        var clerk = BenchHost.Client(factory, await BenchHost.SignInAsync(factory, city, "clerk"));
        var official = BenchHost.Client(factory, officialToken);
        var auditor = BenchHost.Client(factory, await BenchHost.SignInAsync(factory, null, "auditor"));
        var sheet = (await official.GetFromJsonAsync<List<Results.RankingRowDto>>($"/api/app/results/periods/{published}/ranking", BenchHost.Json))!.First().SheetId;
        var code = (await clerk.GetFromJsonAsync<EntrySheetDto>($"/api/app/data-entry/periods/{open}", BenchHost.Json))!.Lines.First(l => l.Value.Number is not null).IndicatorCode;
        var line = (await clerk.GetFromJsonAsync<EntrySheetDto>($"/api/app/data-entry/periods/{open}", BenchHost.Json))!.Lines.Single(l => l.IndicatorCode == code);

        async Task Run(string label, Func<Task<HttpResponseMessage>> call)
        {
            _output.Add(string.Empty);
            _output.Add($"## {label}");
            _label = label;
            _selects = 0;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                using var response = await call();
                response.EnsureSuccessStatusCode();
            }
            finally
            {
                _label = null;
                _output.Add($"  ({_selects} SELECTs; the request took {watch.Elapsed.TotalMilliseconds:F0} ms with the EXPLAINs)");
            }
        }

        await Run("entry sheet of a city (GET data-entry/periods/{open})", () => clerk.GetAsync($"/api/app/data-entry/periods/{open}"));
        await Run("save one line (PUT data-entry/periods/{open}/lines/{code})", () => clerk.PutAsJsonAsync(
            $"/api/app/data-entry/periods/{open}/lines/{code}",
            new SaveEntryLineInput { Value = new EntryValueDto { Number = line.Value.Number }, ConcurrencyStamp = line.ConcurrencyStamp },
            BenchHost.Json));
        if (entryOnly)
        {
            return _output;
        }

        await Run("ranking (GET results/periods/{published}/ranking)", () => official.GetAsync($"/api/app/results/periods/{published}/ranking"));
        await Run("score sheet (GET results/sheets/{id})", () => official.GetAsync($"/api/app/results/sheets/{sheet}"));
        await Run("monitoring of the open period (GET results/periods/{open}/monitoring)", () => official.GetAsync($"/api/app/results/periods/{open}/monitoring"));
        await Run("completeness of the open period (GET results/periods/{open}/completeness)", () => official.GetAsync($"/api/app/results/periods/{open}/completeness"));
        await Run("trends (GET results/trends?schemeId=)", () => official.GetAsync($"/api/app/results/trends?schemeId={province.SchemeId}"));
        await Run("review queue (GET reviews/periods/{open}/submissions)", () => auditor.GetAsync($"/api/app/reviews/periods/{open}/submissions"));
        return _output;
    }

    private async Task ExplainAsync(MySqlCommand command, CancellationToken cancellationToken)
    {
        // The product's connection, free between commands (EF Core reads each result before the next command).
        await using var explain = new MySqlCommand("EXPLAIN " + command.CommandText, command.Connection, command.Transaction);
        foreach (MySqlParameter parameter in command.Parameters)
        {
            explain.Parameters.Add(parameter.Clone());
        }

        var text = new StringBuilder();
        await using (var reader = await explain.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                string Column(string name) => reader[name] is DBNull ? "-" : Convert.ToString(reader[name])!;
                text.AppendLine($"    {Column("select_type"),-18} {Column("table"),-28} {Column("type"),-7} key={Column("key"),-52} rows={Column("rows"),-7} {Column("Extra")}");
            }
        }

        var sql = string.Join(' ', command.CommandText.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        _output.Add($"  {(sql.Length > 240 ? sql[..240] + " …" : sql)}");
        _output.Add(text.ToString().TrimEnd());
    }
}

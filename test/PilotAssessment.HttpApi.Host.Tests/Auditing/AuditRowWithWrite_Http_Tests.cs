using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.DataEntry;
using PilotAssessment.EntityFrameworkCore;
using PilotAssessment.Periods;
using Shouldly;
using Xunit;

namespace PilotAssessment.Auditing;

/// <summary>
/// A write's audit row is saved in the write's own transaction: one row per request, with the write's entity changes
/// pointing to it; a request that fails after its write committed has that row updated to how it ended.
/// </summary>
public abstract class AuditRowWithWrite_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : AuditRowHostFixture
{
    [Fact]
    public async Task Should_Save_One_Row_For_A_Write_In_The_Writes_Transaction_With_Its_Entity_Changes()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var clerk = await host.ClientForAsync("兰州", "clerk");
        var url = $"/api/app/data-entry/periods/{period.Id}/lines/F01";

        var saved = await clerk.PutAsJsonAsync(url, new SaveEntryLineInput { Value = new EntryValueDto { Grade = "优" } });

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var line = (await saved.ReadJsonAsync<EntryLineDto>())!;
        var row = (await LogsAsync()).Single(l => l.GetProperty("url").GetString() == url);
        row.GetProperty("httpStatusCode").GetInt32().ShouldBe(200);
        row.GetProperty("exception").ValueKind.ShouldBe(JsonValueKind.Null);
        row.GetProperty("entityChanges").EnumerateArray().ShouldContain(c => c.GetProperty("entityId").GetString() == line.Id.ToString());
        host.AuditInserts.ShouldContain(i => i.Url == url && i.InTransaction);
        host.AuditInserts.Where(i => i.Url == url).ShouldAllBe(i => i.InTransaction);
    }

    [Fact]
    public async Task Should_Update_The_Row_Of_A_Write_Whose_Request_Failed_After_Its_Commit()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var clerk = await host.ClientForAsync("兰州", "clerk");
        clerk.DefaultRequestHeaders.Add(FailAfterActionFilter.Header, "1");
        var url = $"/api/app/data-entry/periods/{period.Id}/lines/F01";

        var failed = await clerk.PutAsJsonAsync(url, new SaveEntryLineInput { Value = new EntryValueDto { Grade = "良" } });

        failed.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        clerk.DefaultRequestHeaders.Remove(FailAfterActionFilter.Header);
        var sheet = (await clerk.GetFromJsonAsync<EntrySheetDto>($"/api/app/data-entry/periods/{period.Id}", HttpJson.Options))!;
        var line = sheet.Lines.Single(l => l.IndicatorCode == "F01");
        line.Value.Grade.ShouldBe("良");
        var row = (await LogsAsync()).Single(l => l.GetProperty("url").GetString() == url);
        row.GetProperty("httpStatusCode").GetInt32().ShouldBe(500);
        row.GetProperty("exception").GetString()!.ShouldContain(FailAfterActionFilter.Message);
        row.GetProperty("entityChanges").EnumerateArray().ShouldContain(c => c.GetProperty("entityId").GetString() == line.Id.ToString());
    }

    private async Task<List<JsonElement>> LogsAsync()
    {
        using var official = await host.ClientForAsync(null, "official");
        var response = await official.GetAsync("/api/app/audit-logs?userName=clerk&httpMethod=PUT&maxResultCount=1000");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
    }
}

/// <summary>
/// The real host, recording for every INSERT into the audit log whether it ran inside a transaction, and failing a
/// request after its action (its unit of work committed) when it carries <see cref="FailAfterActionFilter.Header"/>.
/// </summary>
public abstract class AuditRowHostFixture(DatabaseProvider provider) : PilotAssessmentHostFixture(provider)
{
    private readonly AuditInsertRecorder _recorder = new();

    public IReadOnlyCollection<(string Url, bool InTransaction)> AuditInserts => _recorder.Inserts;

    protected override void ConfigureHost(IWebHostBuilder builder) => builder.ConfigureTestServices(s =>
    {
        s.ConfigureDbContext<SqlitePilotAssessmentDbContext>(o => o.AddInterceptors(_recorder));
        s.ConfigureDbContext<MySqlPilotAssessmentDbContext>(o => o.AddInterceptors(_recorder));
        s.Configure<MvcOptions>(o => o.Filters.Add(new FailAfterActionFilter()));
    });

    private sealed class AuditInsertRecorder : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<(string, bool)> _inserts = new();

        public IReadOnlyCollection<(string Url, bool InTransaction)> Inserts => [.. _inserts];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        private void Record(DbCommand command)
        {
            if (!command.CommandText.Contains("INSERT INTO `AuditLogs`", StringComparison.Ordinal) && !command.CommandText.Contains("INSERT INTO \"AuditLogs\"", StringComparison.Ordinal))
            {
                return;
            }

            foreach (var url in command.Parameters.Cast<DbParameter>().Select(p => p.Value).OfType<string>().Where(v => v.StartsWith("/api/", StringComparison.Ordinal)))
            {
                _inserts.Enqueue((url, command.Transaction is not null));
            }
        }
    }
}

/// <summary>Fails a request that carries <see cref="Header"/> after its action ran, before its result is written.</summary>
public sealed class FailAfterActionFilter : IAsyncResultFilter
{
    public const string Header = "X-Test-Fail-After-Action";

    public const string Message = "failed after the action";

    public Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next) =>
        context.HttpContext.Request.Headers.ContainsKey(Header) ? throw new InvalidOperationException(Message) : next();
}

public sealed class AuditRowSqliteHostFixture() : AuditRowHostFixture(DatabaseProvider.Sqlite);

public sealed class AuditRowMySqlHostFixture() : AuditRowHostFixture(DatabaseProvider.MySql);

public sealed class AuditRowWithWrite_Http_Sqlite_Tests(AuditRowSqliteHostFixture host) : AuditRowWithWrite_Http_Tests<AuditRowSqliteHostFixture>(host);

public sealed class AuditRowWithWrite_Http_MySql_Tests(AuditRowMySqlHostFixture host) : AuditRowWithWrite_Http_Tests<AuditRowMySqlHostFixture>(host);

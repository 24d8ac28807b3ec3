using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PilotAssessment.DataEntry;
using Shouldly;

namespace PilotAssessment.Cluster;

/// <summary>
/// A clerk saving one line again and again, each save from the stamp of the last state it knows (its own save, or the
/// other value a 409 gave back), as the entry sheet does. Every request is logged with its answer, so a test can check
/// afterwards that every acknowledged save is in the database and nothing else is.
/// </summary>
public sealed class LineWriter(HttpClient client, Guid periodId, string indicatorCode)
{
    private readonly List<SaveAttempt> _log = [];
    private string? _stamp;
    private Guid? _lineId;

    public string Url => $"/api/app/data-entry/periods/{periodId}/lines/{indicatorCode}";

    public IReadOnlyList<SaveAttempt> Log
    {
        get
        {
            lock (_log)
            {
                return [.. _log];
            }
        }
    }

    public IReadOnlyList<SaveAttempt> Acknowledged => Log.Where(a => a.Status == HttpStatusCode.OK).ToList();

    /// <summary>Saves until <paramref name="stop"/> is cancelled, a new value each time (10.00, 10.01, …).</summary>
    public async Task RunAsync(CancellationToken stop, TimeSpan? pause = null)
    {
        for (var sequence = 0; !stop.IsCancellationRequested; sequence++)
        {
            await SaveAsync(10 + (sequence / 100m));
            try
            {
                await Task.Delay(pause ?? TimeSpan.FromMilliseconds(100), stop);
            }
            catch (TaskCanceledException)
            {
            }
        }
    }

    /// <summary>One save of <paramref name="value"/> from the stamp known now; a failed request is logged without an answer.</summary>
    public async Task<SaveAttempt> SaveAsync(decimal value)
    {
        var sent = _stamp;
        var sentAt = DateTime.UtcNow;
        var watch = Stopwatch.StartNew();
        SaveAttempt attempt;
        try
        {
            using var response = await client.PutAsJsonAsync(Url, new SaveEntryLineInput { Value = new EntryValueDto { Number = value }, ConcurrencyStamp = sent });
            var body = await response.Content.ReadAsStringAsync();
            decimal? resultValue = null;
            string? resultStamp = null;
            if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict)
            {
                using var json = JsonDocument.Parse(body);
                var line = response.StatusCode == HttpStatusCode.OK ? json.RootElement : json.RootElement.GetProperty("current");
                resultValue = line.GetProperty("value").GetProperty("number").GetDecimal();
                resultStamp = line.GetProperty("concurrencyStamp").GetString();
                _lineId ??= line.GetProperty("id").GetGuid();
                _stamp = resultStamp;
            }

            attempt = new SaveAttempt(indicatorCode, sent, value, response.StatusCode, resultValue, resultStamp, sentAt, DateTime.UtcNow, watch.Elapsed, body);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            attempt = new SaveAttempt(indicatorCode, sent, value, null, null, null, sentAt, DateTime.UtcNow, watch.Elapsed, exception.Message);
        }

        lock (_log)
        {
            _log.Add(attempt);
        }

        if (attempt.Status is not (HttpStatusCode.OK or HttpStatusCode.Conflict))
        {
            await RefreshAsync();
        }

        return attempt;
    }

    // Without an answer the save may or may not have been made: read the line again, as the entry sheet does.
    private async Task RefreshAsync()
    {
        try
        {
            var sheet = await client.GetFromJsonAsync<EntrySheetDto>($"/api/app/data-entry/periods/{periodId}", HttpJson.Options);
            if (sheet!.Lines.SingleOrDefault(l => l.IndicatorCode == indicatorCode) is { Id: not null } line)
            {
                _lineId = line.Id;
                _stamp = line.ConcurrencyStamp;
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException)
        {
        }
    }

    /// <summary>
    /// The line holds the last acknowledged value, and its history has every acknowledged save in the order they were
    /// acknowledged; a value in the history that was not acknowledged was at least sent (its answer was lost).
    /// </summary>
    public async Task VerifyAsync(HttpClient reader)
    {
        var acknowledged = Acknowledged;
        acknowledged.ShouldNotBeEmpty();
        var line = await reader.GetFromJsonAsync<EntryLineDto>($"/api/app/data-entry/lines/{_lineId}", HttpJson.Options);
        line!.Value.Number.ShouldBe(acknowledged[^1].Value, "the line keeps the last acknowledged save");
        var history = (await reader.GetFromJsonAsync<List<ValueHistoryDto>>($"/api/app/data-entry/lines/{_lineId}/history", HttpJson.Options))!
            .Select(h => h.NewValue.Number!.Value).ToList();
        var sent = Log.Select(a => a.Value).ToHashSet();
        history.Where(v => !sent.Contains(v)).ShouldBeEmpty("the history holds only values that were sent");
        history.Where(v => acknowledged.Any(a => a.Value == v)).ShouldBe(acknowledged.Select(a => a.Value), "every acknowledged save is in the history, in order");
    }
}

/// <summary>One save as a clerk sent it and what came back (no status: no answer at all).</summary>
public sealed record SaveAttempt(
    string IndicatorCode,
    string? SentStamp,
    decimal Value,
    HttpStatusCode? Status,
    decimal? ResultValue,
    string? ResultStamp,
    DateTime SentAt,
    DateTime At,
    TimeSpan Took,
    string Body)
{
    public override string ToString() => $"{IndicatorCode} {Value} from {SentStamp ?? "-"}: {(Status is null ? "no answer" : (int)Status)} {ResultValue} {ResultStamp} after {Took.TotalMilliseconds:0} ms";
}

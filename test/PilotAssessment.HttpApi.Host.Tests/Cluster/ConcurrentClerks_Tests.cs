using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using PilotAssessment.DataEntry;
using PilotAssessment.Identity;
using PilotAssessment.Periods;
using Shouldly;
using Xunit;

namespace PilotAssessment.Cluster;

/// <summary>
/// Fifty clerks of one city save the same few lines at once through nginx and both hosts. Compared with the log of
/// their requests: every acknowledged save is in the database in the order it was acknowledged, every refused one got
/// 409 with another clerk's acknowledged value, and nothing else happened (no 500, no save lost or made up).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ConcurrentClerks_Tests : IAsyncLifetime
{
    private const int Clerks = 50;
    private const int SavesPerClerk = 4;
    private static readonly string[] Lines = ["B04", "C04", "D03", "E02", "G02"];
    private readonly MySqlTestDatabase _database = MySqlTestDatabase.Create();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Should_Keep_Every_Acknowledged_Save_And_Answer_Every_Conflict_With_The_Other_Value()
    {
        await using var cluster = await HostCluster.StartAsync(_database.ConnectionString, new Dictionary<string, string> { ["BackgroundJobs:Enabled"] = "false" });
        using var official = await cluster.SignInAsync(null, "official");
        var period = await PeriodTestClient.CreateOpenPeriodAsync(official, 2045);
        using var admin = await cluster.SignInAsync("兰州", "admin");
        var clients = new List<HttpClient> { await cluster.SignInAsync("兰州", "clerk") };
        for (var i = 1; i < Clerks; i++)
        {
            var userName = $"clerk{i:00}";
            var created = await admin.PostAsJsonAsync("/api/app/users", new CreateUserInput { UserName = userName, Name = $"填报员{i}", Password = PilotAssessmentTestApplication.NewUserPassword, RoleNames = ["clerk"] });
            created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
            clients.Add(await cluster.SignInAsync("兰州", userName, PilotAssessmentTestApplication.NewUserPassword));
        }

        // Ten clerks to a line, all starting from nothing: every save races with nine others.
        var writers = clients.Select((c, i) => new LineWriter(c, period.Id, Lines[i % Lines.Length])).ToList();
        var watch = Stopwatch.StartNew();
        using var start = new SemaphoreSlim(0);
        var saving = writers.Select(async (writer, clerk) =>
        {
            await start.WaitAsync();
            for (var save = 0; save < SavesPerClerk; save++)
            {
                // 1.00 … 50.03: the value tells which clerk sent it and which save it was.
                await writer.SaveAsync(clerk + 1 + (save / 100m));
            }
        }).ToList();
        start.Release(Clerks);
        await Task.WhenAll(saving);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(2));

        var log = writers.SelectMany(w => w.Log).ToList();
        log.Count.ShouldBe(Clerks * SavesPerClerk);
        log.Where(a => a.Status is not (HttpStatusCode.OK or HttpStatusCode.Conflict)).Select(a => $"{a} {a.Body}").ShouldBeEmpty();
        cluster.Nginx.Upstreams.Distinct().Count().ShouldBe(2, "the saves went through both hosts");

        foreach (var code in Lines)
        {
            var attempts = log.Where(a => a.IndicatorCode == code).ToList();
            var acknowledged = attempts.Where(a => a.Status == HttpStatusCode.OK).ToList();

            // The acknowledged saves form one chain from nothing: each was made from the state the one before left.
            var byStamp = acknowledged.GroupBy(a => a.SentStamp ?? "").ToDictionary(g => g.Key, g => g.ToList());
            byStamp.Where(g => g.Value.Count > 1).Select(g => string.Join(" / ", g.Value)).ShouldBeEmpty($"{code}: two saves acknowledged from the same state, one of them overwritten");
            var chain = new List<SaveAttempt>();
            for (var stamp = ""; byStamp.TryGetValue(stamp, out var next);)
            {
                chain.Add(next[0]);
                stamp = next[0].ResultStamp!;
            }

            chain.Count.ShouldBe(acknowledged.Count, $"{code}: every acknowledged save follows the one before");

            // Every refusal names another clerk's acknowledged value, never its own or one that was lost.
            foreach (var refused in attempts.Where(a => a.Status == HttpStatusCode.Conflict))
            {
                refused.ResultStamp.ShouldNotBe(refused.SentStamp, refused.ToString());
                acknowledged.ShouldContain(a => a.Value == refused.ResultValue && a.ResultStamp == refused.ResultStamp && a.Value != refused.Value, refused.ToString());
            }

            // The database holds the end of the chain and, in its history, exactly the chain.
            var sheetLine = chain[^1];
            var lineId = (await admin.GetFromJsonAsync<EntrySheetDto>($"/api/app/data-entry/periods/{period.Id}", HttpJson.Options))!
                .Lines.Single(l => l.IndicatorCode == code).Id;
            var line = await admin.GetFromJsonAsync<EntryLineDto>($"/api/app/data-entry/lines/{lineId}", HttpJson.Options);
            line!.Value.Number.ShouldBe(sheetLine.Value);
            line.ConcurrencyStamp.ShouldBe(sheetLine.ResultStamp);
            var history = await admin.GetFromJsonAsync<List<ValueHistoryDto>>($"/api/app/data-entry/lines/{lineId}/history", HttpJson.Options);
            history!.Select(h => h.NewValue.Number).ShouldBe(chain.Select(a => (decimal?)a.Value), $"{code}: the history is the acknowledged saves");
        }
    }
}

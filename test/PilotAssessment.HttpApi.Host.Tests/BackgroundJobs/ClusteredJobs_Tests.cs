using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using PilotAssessment.Cluster;
using PilotAssessment.Periods;
using Shouldly;
using Xunit;

namespace PilotAssessment.BackgroundJobs;

/// <summary>
/// Two real hosts on one MariaDB database behind Debian's nginx, as a province deploys them: every fire of a scheduled
/// job runs on exactly one host and has its effect once (each period opened once, each clerk reminded once per
/// period); when one host stops in the middle of the clerks' saving, no acknowledged save is lost, the other host goes
/// on serving and takes over the schedule. Every wait is for a condition, bounded generously for a loaded machine.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusteredJobs_Tests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private static readonly string[] Cities = ["兰州", "天水", "酒泉", "张掖", "金昌"];
    private readonly MySqlTestDatabase _database = MySqlTestDatabase.Create();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Should_Run_Each_Fire_Once_With_One_Effect_And_Keep_Every_Acknowledged_Save_When_A_Host_Stops()
    {
        await using var cluster = await HostCluster.StartAsync(_database.ConnectionString, new Dictionary<string, string>
        {
            ["BackgroundJobs:Cron:PeriodOpenJob"] = "0/1 * * * * ?",
            ["BackgroundJobs:Cron:PeriodLockJob"] = "0/2 * * * * ?",
            ["BackgroundJobs:Cron:EntryReminderJob"] = "0/1 * * * * ?",
            ["BackgroundJobs:CheckinSeconds"] = "2",
        });
        var (first, second) = (cluster.Hosts[0], cluster.Hosts[1]);
        var together = DateTime.UtcNow;
        using var official = await cluster.SignInAsync(null, "official");

        // Three periods whose entry window has begun and closes in two days: the open job opens each, the reminder job
        // tells each city's clerk of each once.
        var periods = new List<PeriodDto>();
        for (var i = 0; i < 3; i++)
        {
            periods.Add(await PeriodTestClient.CreatePeriodAsync(official, 2041 + i, TimeSpan.FromHours(-1), TimeSpan.FromDays(2), open: false));
        }

        var clerks = new Dictionary<string, HttpClient>();
        foreach (var city in Cities)
        {
            clerks[city] = await cluster.SignInAsync(city, "clerk");
        }

        async Task<bool> AllOpenAsync()
        {
            foreach (var period in periods)
            {
                var read = await official.GetFromJsonAsync<PeriodDto>($"/api/app/periods/{period.Id}", HttpJson.Options);
                if (read!.Status != "Open")
                {
                    return false;
                }
            }

            return true;
        }

        async Task<int> RemindersAsync()
        {
            var count = 0;
            foreach (var clerk in clerks.Values)
            {
                var mine = await clerk.GetFromJsonAsync<List<NotificationDto>>("/api/app/notifications", HttpJson.Options);
                count += mine!.Count(n => periods.Any(p => n.Key == $"entry-reminder:{p.Id:N}"));
            }

            return count;
        }

        (await Until(AllOpenAsync)).ShouldBeTrue("the open job opens every period");
        (await Until(async () => await RemindersAsync() >= periods.Count * Cities.Length)).ShouldBeTrue("every clerk is reminded of every period");

        // Clerks of every city save their line through nginx while both hosts run, then while only one does.
        var writers = periods.Take(1).SelectMany(p => Cities.Select(c => new LineWriter(clerks[c], p.Id, "B04"))).ToList();
        using var stop = new CancellationTokenSource();
        var saving = writers.Select(w => w.RunAsync(stop.Token)).ToList();
        (await Until(() => Task.FromResult(writers.All(w => w.Acknowledged.Count >= 5)))).ShouldBeTrue("every clerk saves through both hosts");

        // Several fires later, each has run on one host only, and the effects are still one per period and clerk.
        var wait = Stopwatch.StartNew();
        (await Until(() => Task.FromResult(Runs(cluster).Count(r => r.Fire >= together && r.Job == nameof(PeriodOpenJob)) >= 5))).ShouldBeTrue(first.Tail());
        cluster.Nginx.Upstreams.Distinct().Count().ShouldBe(2, "nginx spreads requests over both hosts");
        var runs = Runs(cluster).Where(r => r.Fire >= together).ToList();
        runs.GroupBy(r => (r.Job, r.Fire)).Where(g => g.Count() > 1).Select(g => $"{g.Key.Job} {g.Key.Fire:O} on {string.Join(", ", g.Select(r => r.HostPort))}").ShouldBeEmpty();
        runs.Where(r => r.Job == nameof(PeriodOpenJob)).Sum(r => r.Result).ShouldBe(periods.Count, "each period is opened by one run");
        runs.Where(r => r.Job == nameof(EntryReminderJob)).Sum(r => r.Result).ShouldBe(periods.Count * Cities.Length, "each clerk is reminded once per period");
        (await RemindersAsync()).ShouldBe(periods.Count * Cities.Length);

        // One host stops at once (killed, as in a crash) while the clerks are saving.
        var before = writers.Sum(w => w.Acknowledged.Count);
        first.Kill();
        var alone = DateTime.UtcNow;
        using (var health = cluster.Client())
        {
            for (var i = 0; i < 10; i++)
            {
                (await health.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK, "the remaining host answers for both");
            }
        }

        (await Until(() => Task.FromResult(writers.Sum(w => w.Acknowledged.Count) >= before + (5 * writers.Count)))).ShouldBeTrue("the clerks go on saving through the remaining host");

        // The remaining host takes over the schedule once the stopped one misses its check-ins.
        int RunsAlone() => HostCluster.Runs(second).Count(r => r.Fire > alone && r.Job == nameof(PeriodOpenJob));
        (await Until(() => Task.FromResult(RunsAlone() >= 2))).ShouldBeTrue(second.Tail());
        await stop.CancelAsync();
        await Task.WhenAll(saving);

        // Every save acknowledged to a clerk, before or after the stop, is in the database; failures were answered at most once per clerk.
        foreach (var (writer, city) in writers.Zip(Cities))
        {
            using var cityAdmin = await cluster.SignInAsync(city, "admin");
            await writer.VerifyAsync(cityAdmin);
            writer.Log.Where(a => a.Status is not (HttpStatusCode.OK or HttpStatusCode.Conflict)).Count().ShouldBeLessThanOrEqualTo(1, string.Join('\n', writer.Log.Where(a => a.Status != HttpStatusCode.OK)));
        }

        (await RemindersAsync()).ShouldBe(periods.Count * Cities.Length, "a host taking over reminds nobody twice");
        wait.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(3));
    }

    private static IEnumerable<JobRun> Runs(HostCluster cluster) => cluster.Hosts.SelectMany(HostCluster.Runs);

    private static Task<bool> Until(Func<Task<bool>> condition) => Eventually.HoldsAsync(condition, Bound);
}

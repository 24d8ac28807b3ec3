using System.Diagnostics;
using System.Net;
using PilotAssessment.Periods;
using Shouldly;
using Xunit;

namespace PilotAssessment.Cluster;

/// <summary>
/// MariaDB killed under load and started again (a server of the test's own, not the shared one): while it is down
/// both hosts answer 503 on /health/ready, within 10 s after it is back they are ready again, and every save
/// acknowledged before the kill (and after the restart) is in the database.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DatabaseOutage_Tests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private static readonly string[] Cities = ["兰州", "天水", "酒泉"];

    [Fact]
    public async Task Should_Answer_503_While_The_Database_Is_Down_Recover_Within_10_Seconds_And_Keep_Every_Acknowledged_Save()
    {
        await using var mariadb = await MariaDbServer.StartAsync(TimeSpan.FromSeconds(120));
        var connectionString = await mariadb.CreateDatabaseAsync("pilot_outage");
        await using var cluster = await HostCluster.StartAsync(connectionString);
        using var official = await cluster.SignInAsync(null, "official");
        var period = await PeriodTestClient.CreateOpenPeriodAsync(official, 2046);
        var clerks = new List<HttpClient>();
        foreach (var city in Cities)
        {
            clerks.Add(await cluster.SignInAsync(city, "clerk"));
        }

        // The clerks keep saving through nginx all along: before the kill, while the database is down, after it is back.
        var writers = clerks.Select(c => new LineWriter(c, period.Id, "B04")).ToList();
        using var stop = new CancellationTokenSource();
        var saving = writers.Select(w => w.RunAsync(stop.Token, TimeSpan.FromMilliseconds(50))).ToList();
        (await Eventually.HoldsAsync(() => writers.All(w => w.Acknowledged.Count >= 10), Bound)).ShouldBeTrue("the clerks save while the database runs");

        mariadb.Kill();
        var killed = DateTime.UtcNow;
        var acknowledgedBeforeKill = writers.Select(w => w.Acknowledged.Where(a => a.At < killed).ToList()).ToList();
        foreach (var host in cluster.Hosts)
        {
            (await Eventually.HoldsAsync(async () => await ReadyStatusAsync(host) == HttpStatusCode.ServiceUnavailable, Bound))
                .ShouldBeTrue($"the host on {host.Port} is not ready while the database is down. {host.Tail()}");
        }

        // Down for a while, under the clerks' load: not ready all along, and no save sent now is acknowledged.
        var confirmedDown = DateTime.UtcNow;
        var down = Stopwatch.StartNew();
        while (down.Elapsed < TimeSpan.FromSeconds(3))
        {
            foreach (var host in cluster.Hosts)
            {
                (await ReadyStatusAsync(host)).ShouldBe(HttpStatusCode.ServiceUnavailable);
            }

            await Task.Delay(500);
        }

        var restarting = DateTime.UtcNow;
        await mariadb.RestartAsync(TimeSpan.FromSeconds(120));
        var back = Stopwatch.StartNew();
        foreach (var host in cluster.Hosts)
        {
            (await Eventually.HoldsAsync(async () => await ReadyStatusAsync(host) == HttpStatusCode.OK, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200)))
                .ShouldBeTrue($"the host on {host.Port} is ready again within 10 s. {host.Tail()}");
        }

        back.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        var recovered = DateTime.UtcNow;
        (await Eventually.HoldsAsync(() => writers.All(w => w.Acknowledged.Count(a => a.At > recovered) >= 5), Bound)).ShouldBeTrue("the clerks save again");
        await stop.CancelAsync();
        await Task.WhenAll(saving);

        writers.SelectMany(w => w.Acknowledged).Where(a => a.SentAt > confirmedDown && a.SentAt < restarting).ShouldBeEmpty("nothing is acknowledged while the database is down");
        foreach (var (writer, city, before) in writers.Zip(Cities, acknowledgedBeforeKill))
        {
            before.Count.ShouldBeGreaterThanOrEqualTo(10);
            using var cityAdmin = await cluster.SignInAsync(city, "admin");
            await writer.VerifyAsync(cityAdmin);

            // While the database was down a save fails with 503 (or no answer when it was cut), never with 500.
            writer.Log.Where(a => a.Status is HttpStatusCode.InternalServerError).Select(a => $"{a} {a.Body}").ShouldBeEmpty(
                $"the hosts' errors: {string.Join("\n", cluster.Hosts.SelectMany(h => h.Output.Where(l => l.Contains("Exception", StringComparison.Ordinal))).TakeLast(10))}");
        }
    }

    private static async Task<HttpStatusCode?> ReadyStatusAsync(HostProcess host)
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            return (await client.GetAsync("/health/ready")).StatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }
}

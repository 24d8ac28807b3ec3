using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Shouldly;
using Xunit;

namespace PilotAssessment.BackgroundJobs;

/// <summary>
/// Two real hosts on one MariaDB database behind Debian's nginx, as a province deploys them: every fire of a scheduled
/// job runs on exactly one host, both hosts serve requests, and when one stops the other goes on serving.
/// </summary>
public sealed class ClusteredJobs_Tests : IAsyncLifetime
{
    private readonly MySqlTestDatabase _database = MySqlTestDatabase.Create();
    private readonly string _signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Should_Run_Each_Fire_Once_Across_Two_Hosts_And_Keep_Serving_When_One_Stops()
    {
        await using var first = HostProcess.Start(Settings(migrate: true));
        await first.WaitReadyAsync(TimeSpan.FromSeconds(120));
        await using var second = HostProcess.Start(Settings(migrate: false));
        await second.WaitReadyAsync(TimeSpan.FromSeconds(120));
        await using var nginx = await NginxBalancer.StartAsync([first.Port, second.Port]);
        using var client = new HttpClient { BaseAddress = nginx.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

        var together = DateTime.UtcNow;
        for (var i = 0; i < 20; i++)
        {
            (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
            await Task.Delay(400);
        }

        nginx.Upstreams.Distinct().Count().ShouldBe(2, "nginx spreads requests over both hosts");
        await Task.Delay(TimeSpan.FromSeconds(6));

        // Every fire while both ran appears once across both hosts' logs, never twice.
        var runs = Runs(first).Concat(Runs(second)).Where(r => r.Fire >= together).ToList();
        runs.Count(r => r.Job == nameof(Periods.PeriodOpenJob)).ShouldBeGreaterThanOrEqualTo(5, string.Join('\n', first.Output.TakeLast(20)));
        runs.GroupBy(r => (r.Job, r.Fire)).Where(g => g.Count() > 1).Select(g => $"{g.Key.Job} {g.Key.Fire:O}").ShouldBeEmpty();

        first.Kill();
        var alone = DateTime.UtcNow;
        for (var i = 0; i < 10; i++)
        {
            (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK, "the remaining host answers for both");
        }

        // The remaining host takes over the schedule once the stopped one misses its check-ins (about ten seconds;
        // longer on a loaded machine), so wait for it up to a bound instead of a fixed time.
        int RunsAlone() => Runs(second).Count(r => r.Fire > alone && r.Job == nameof(Periods.PeriodOpenJob));
        for (var waited = 0; waited < 60 && RunsAlone() < 2; waited++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        RunsAlone().ShouldBeGreaterThanOrEqualTo(2);
    }

    private Dictionary<string, string> Settings(bool migrate) => new()
    {
        ["Database:Provider"] = "MySql",
        ["ConnectionStrings:Default"] = _database.ConnectionString,
        ["Database:MigrateOnStartup"] = migrate ? "true" : "false",
        ["Database:SeedDemoData"] = "false",
        ["Identity:InitialAdminPassword"] = PilotAssessmentTestApplication.NewUserPassword,
        ["Jwt:SigningKey"] = _signingKey,
        ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        ["BackgroundJobs:Cron:PeriodOpenJob"] = "0/1 * * * * ?",
        ["BackgroundJobs:Cron:PeriodLockJob"] = "0/2 * * * * ?",
        ["BackgroundJobs:CheckinSeconds"] = "2",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:PilotAssessment.BackgroundJobs"] = "Information",
    };

    // The job adapter logs one structured line per run: the job, the fire it served and the scheduler instance.
    private static IEnumerable<(string Job, DateTime Fire, string Instance)> Runs(HostProcess host)
    {
        foreach (var line in host.Output.Where(l => l.Contains("ran for the fire", StringComparison.Ordinal)))
        {
            using var json = JsonDocument.Parse(line);
            var state = json.RootElement.GetProperty("State");
            var message = json.RootElement.GetProperty("Message").GetString()!;
            var fire = DateTime.Parse(message.Split("fire due ")[1].Split(' ')[0], null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
            yield return (state.GetProperty("Job").GetString()!, fire, state.GetProperty("Instance").GetString()!);
        }
    }
}

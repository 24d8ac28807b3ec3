using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using PilotAssessment.Account;
using Xunit;

namespace PilotAssessment.Cluster;

/// <summary>The multi-host tests run one after another: each starts several processes and loads the machine on its own.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "Cluster";
}

/// <summary>
/// Two real hosts on one MariaDB database behind Debian's nginx, as a province deploys them (scripts/cluster.sh): the
/// first migrates and seeds the five demo cities, then the second starts. Requests go through nginx unless a test
/// addresses one host.
/// </summary>
public sealed class HostCluster : IAsyncDisposable
{
    private HostCluster(IReadOnlyList<HostProcess> hosts, NginxBalancer nginx)
    {
        Hosts = hosts;
        Nginx = nginx;
    }

    public IReadOnlyList<HostProcess> Hosts { get; }

    public NginxBalancer Nginx { get; }

    /// <summary>Starts the hosts on <paramref name="connectionString"/>; <paramref name="settings"/> add to or replace the common ones.</summary>
    public static async Task<HostCluster> StartAsync(string connectionString, IReadOnlyDictionary<string, string>? settings = null, int hosts = 2)
    {
        var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        var started = new List<HostProcess>();
        try
        {
            for (var i = 0; i < hosts; i++)
            {
                var host = HostProcess.Start(Settings(connectionString, signingKey, migrate: i == 0, settings));
                started.Add(host);
                await host.WaitReadyAsync(TimeSpan.FromSeconds(180));
            }

            return new HostCluster(started, await NginxBalancer.StartAsync(started.Select(h => h.Port)));
        }
        catch
        {
            foreach (var host in started)
            {
                await host.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>An anonymous client of nginx (or of one host).</summary>
    public HttpClient Client(HostProcess? host = null) =>
        new() { BaseAddress = host?.BaseAddress ?? Nginx.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A client of nginx signed in as the user (demo password unless given).</summary>
    public async Task<HttpClient> SignInAsync(string? tenant, string userName, string password = PilotAssessmentTestApplication.Password)
    {
        var client = Client();
        var response = await client.PostAsJsonAsync("/api/account/login", new LoginInput { Tenant = tenant, UserName = userName, Password = password });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{tenant}/{userName} cannot sign in: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var token = (await response.Content.ReadFromJsonAsync<TokenResultDto>(HttpJson.Options))!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    /// <summary>The background-job runs in a host's log: the job, the fire it served, the scheduler instance and its result.</summary>
    public static IEnumerable<JobRun> Runs(HostProcess host)
    {
        foreach (var line in host.Output.Where(l => l.Contains("ran for the fire", StringComparison.Ordinal)))
        {
            using var json = JsonDocument.Parse(line);
            var state = json.RootElement.GetProperty("State");
            var message = json.RootElement.GetProperty("Message").GetString()!;
            var fire = DateTime.Parse(message.Split("fire due ")[1].Split(' ')[0], null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
            var result = int.TryParse(state.GetProperty("Result").ToString(), out var count) ? count : 0;
            yield return new JobRun(state.GetProperty("Job").GetString()!, fire, state.GetProperty("Instance").GetString()!, result, host.Port);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Nginx.DisposeAsync();
        foreach (var host in Hosts)
        {
            await host.DisposeAsync();
        }
    }

    private static Dictionary<string, string> Settings(string connectionString, string signingKey, bool migrate, IReadOnlyDictionary<string, string>? extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "MySql",
            ["ConnectionStrings:Default"] = connectionString,
            ["Database:MigrateOnStartup"] = migrate ? "true" : "false",
            ["Database:SeedDemoData"] = "true",
            ["Database:SeedDemoHistory"] = "false",
            ["Jwt:SigningKey"] = signingKey,
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
            ["RateLimiting:SignInPermitsPerMinute"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:PilotAssessment.BackgroundJobs"] = "Information",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }
}

/// <summary>One run of a background job as its host logged it.</summary>
public sealed record JobRun(string Job, DateTime Fire, string Instance, int Result, int HostPort);

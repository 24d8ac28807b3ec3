using System.Data.Common;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MySqlConnector;
using PilotAssessment.Account;
using PilotAssessment.EntityFrameworkCore;
using PilotAssessment.Identity;
using PilotAssessment.Seeding;

namespace PilotAssessment.Benchmarks;

/// <summary>
/// What every MariaDB benchmark does the same way: its database (created, migrated and seeded, or an existing one),
/// the product's services and its HTTP host in memory on that database, signing in, and measuring concurrent clients.
/// </summary>
internal static class BenchHost
{
    public const string DefaultServer = "Server=127.0.0.1;Port=3306;User ID=pilot;Password=pilot";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>How long the clients of a measure keep a host busy before it is measured.</summary>
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    /// <summary>PILOT_BENCH_MYSQL, or the test server.</summary>
    public static string Server => Environment.GetEnvironmentVariable("PILOT_BENCH_MYSQL") is { Length: > 0 } s ? s : DefaultServer;

    public static int Option(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).DefaultIfEmpty(fallback).First();

    public static string? Text(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    public static string ConnectionString(string database) =>
        new MySqlConnectionStringBuilder(Server) { Database = database, AllowUserVariables = true }.ConnectionString;

    /// <summary>The product's settings for a benchmark on <paramref name="connectionString"/>: MariaDB, no background jobs, no sign-in limit.</summary>
    public static IConfiguration Configuration(string connectionString) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "MySql",
            ["ConnectionStrings:Default"] = connectionString,
            ["BackgroundJobs:Enabled"] = "false",
            ["RateLimiting:SignInPermitsPerMinute"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Database:MigrateOnStartup"] = "false",
        }).Build();

    /// <summary>The product's application and EF Core services, with <paramref name="interceptors"/> on every DbContext.</summary>
    public static ServiceProvider Services(IConfiguration configuration, params IInterceptor[] interceptors)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddPilotAssessmentApplication(configuration);
        services.AddPilotAssessmentEntityFrameworkCore(configuration);
        if (interceptors.Length > 0)
        {
            services.ConfigureDbContext<MySqlPilotAssessmentDbContext>(o => o.AddInterceptors(interceptors));
        }

        return services.BuildServiceProvider();
    }

    /// <summary>Creates the database, migrates and seeds it (with the demo data and its users, or only the host's roles and the provincial <c>official</c>).</summary>
    public static async Task CreateAsync(string database, IServiceProvider provider, bool demoData)
    {
        await ExecuteAsync(Server, $"CREATE DATABASE `{database}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DbMigrationService>().MigrateAndSeedAsync(new DataSeedContext { IncludeDemoData = demoData });
        if (!demoData)
        {
            await SeedOfficialAsync(provider);
        }
    }

    /// <summary>The provincial official (demo password) a benchmark signs in as; left as it is when it exists.</summary>
    public static async Task SeedOfficialAsync(IServiceProvider provider)
    {
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IdentityDataSeeder>().SeedAsync(
            null, "admin", DataSeeder.DefaultAdminPassword, [("official", "省级考评官员", RoleNames.Official), ("auditor", "审核员", RoleNames.Auditor)], demoPassword: true);
    }

    public static Task DropAsync(string database) => ExecuteAsync(Server, $"DROP DATABASE IF EXISTS `{database}`");

    /// <summary>The real host in memory (JWT, permission policies, tenant filter, EF Core, JSON) on the benchmark's settings.</summary>
    public static WebApplicationFactory<Program> Factory(IConfiguration configuration) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSolutionRelativeContentRoot("src/PilotAssessment.HttpApi.Host", "aspnet-core.sln");
            foreach (var (key, value) in configuration.AsEnumerable().Where(kv => kv.Value is not null))
            {
                b.UseSetting(key, value);
            }
        });

    public static async Task<string> SignInAsync(WebApplicationFactory<Program> factory, string? tenant, string userName)
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/account/login", new LoginInput { Tenant = tenant, UserName = userName, Password = DataSeeder.DefaultAdminPassword });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenResultDto>(Json))!.AccessToken;
    }

    public static HttpClient Client(WebApplicationFactory<Program> factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// Each client sends one unmeasured warm-up request, then all clients keep sending unmeasured ones for
    /// <see cref="WarmUp"/> (the JIT promotes hot methods to optimised code only after some calls), then
    /// <paramref name="requests"/> measured ones each: the figures are of a host that has been serving.
    /// </summary>
    public static async Task<Measure> MeasureAsync(int clients, int requests, Func<int, Task<Func<int, Task>>> createClient)
    {
        var workers = new List<Func<int, Task>>();
        for (var c = 0; c < clients; c++)
        {
            var worker = await createClient(c);
            await worker(-1);
            workers.Add(worker);
        }

        var warming = Stopwatch.StartNew();
        await Task.WhenAll(workers.Select(worker => Task.Run(async () =>
        {
            while (warming.Elapsed < WarmUp)
            {
                await worker(-1);
            }
        })));

        var latencies = new double[clients * requests];
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(workers.Select((worker, c) => Task.Run(async () =>
        {
            for (var r = 0; r < requests; r++)
            {
                var started = Stopwatch.GetTimestamp();
                await worker(r);
                latencies[(c * requests) + r] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
        wall.Stop();
        Array.Sort(latencies);
        return new Measure(latencies[latencies.Length / 2], latencies[(int)Math.Ceiling(latencies.Length * 0.95) - 1], latencies.Length / wall.Elapsed.TotalSeconds);
    }

    /// <summary>A bare reader on its own open connection per client: runs <paramref name="sql"/> and reads every value.</summary>
    public static Func<int, Task<Func<int, Task>>> Bare(string connectionString, string sql, Func<int, (string Name, object Value)[]> parameters) => async c =>
    {
        var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        return async r =>
        {
            await using var command = new MySqlCommand(sql, connection);
            foreach (var (name, value) in parameters(Math.Max(r, 0) + (c * 1000)))
            {
                command.Parameters.AddWithValue(name, value);
            }

            await ReadAllAsync(command);
        };
    };

    public static async Task ReadAllAsync(DbCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
        }
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

internal sealed record Measure(double P50, double P95, double PerSecond);

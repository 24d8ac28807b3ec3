using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PilotAssessment.EntityFrameworkCore;
using PilotAssessment.Identity;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Seeding;
using PilotAssessment.Tenants;
using PilotAssessment.Users;
using Xunit;

namespace PilotAssessment;

/// <summary>
/// The application and database layers on a real database (SQLite file or MariaDB), migrated and seeded with
/// the demo data once per fixture. Tests run code in their own DI scope, as a chosen user and tenant.
/// </summary>
public abstract class PilotAssessmentTestApplication(DatabaseProvider provider) : IAsyncLifetime
{
    /// <summary>The demo users' documented password (seeded without the password policy).</summary>
    public const string Password = DataSeeder.DefaultAdminPassword;

    /// <summary>A password the policy accepts, for users the tests create.</summary>
    public const string NewUserPassword = "Xinmima#2026";

    /// <summary>A random signing key of the strength production requires, new for every fixture.</summary>
    public static string NewSigningKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));

    private TestDatabase? _database;

    public DatabaseProvider Provider { get; } = provider;

    public IServiceProvider Services { get; private set; } = default!;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));

    public TestDatabase Database => _database!;

    public static IConfiguration CreateConfiguration(TestDatabase database, IDictionary<string, string?>? extra = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Options.Provider.ToString(),
            ["ConnectionStrings:Default"] = database.ConnectionString,
            ["Identity:Lockout:MaxFailedAccessAttempts"] = "3",
            ["Identity:Lockout:LockoutMinutes"] = "15",
            ["BackgroundJobs:Enabled"] = "false",
            ["Database:SeedDemoHistory"] = "false", // tests create their own periods; DemoHistory_Tests seeds the history itself
            ["RateLimiting:SignInPermitsPerMinute"] = "100000",
            ["Jwt:SigningKey"] = NewSigningKey(),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    public virtual async Task InitializeAsync()
    {
        _database = TestDatabase.Create(Provider);
        var configuration = CreateConfiguration(_database);
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddPilotAssessmentApplication(configuration);
        services.AddPilotAssessmentEntityFrameworkCore(configuration);
        ConfigureServices(services);
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        await WithScopeAsync(sp => sp.GetRequiredService<DbMigrationService>().MigrateAndSeedAsync(new DataSeedContext()));
    }

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public virtual async Task DisposeAsync()
    {
        if (Services is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    public async Task WithScopeAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>Runs as the named user of the named city (null = host), inside that city, in a fresh scope.</summary>
    public async Task<T> AsUserAsync<T>(string? tenantName, string userName, Func<IServiceProvider, Task<T>> action)
    {
        var (principal, tenantId) = await PrincipalOfAsync(tenantName, userName);
        using var _ = Services.GetRequiredService<ICurrentPrincipalAccessor>().Change(principal);
        using var __ = Services.GetRequiredService<ICurrentTenant>().Change(tenantId, tenantName);
        return await WithScopeAsync(action);
    }

    public Task AsUserAsync(string? tenantName, string userName, Func<IServiceProvider, Task> action) =>
        AsUserAsync<object?>(tenantName, userName, async sp =>
        {
            await action(sp);
            return null;
        });

    public async Task<Guid> TenantIdAsync(string tenantName) =>
        await WithScopeAsync(async sp =>
        {
            var tenants = sp.GetRequiredService<Repositories.IRepository<Tenant>>();
            var normalized = Tenant.Normalize(tenantName);
            return (await tenants.ToListAsync(tenants.Query().Where(t => t.NormalizedName == normalized))).Single().Id;
        });

    public async Task<(ClaimsPrincipal Principal, Guid? TenantId)> PrincipalOfAsync(string? tenantName, string userName)
    {
        Guid? tenantId = tenantName is null ? null : await TenantIdAsync(tenantName);
        using var _ = Services.GetRequiredService<ICurrentTenant>().Change(tenantId, tenantName);
        return await WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No user {userName} in {tenantName ?? "host"}");
            return (ClaimsPrincipalFactory.Create(user.Id, user.UserName!, user.TenantId, await users.GetRolesAsync(user)), tenantId);
        });
    }
}

public sealed class SqliteTestApplication() : PilotAssessmentTestApplication(DatabaseProvider.Sqlite);

public sealed class MySqlTestApplication() : PilotAssessmentTestApplication(DatabaseProvider.MySql);

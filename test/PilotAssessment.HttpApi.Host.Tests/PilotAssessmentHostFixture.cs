using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.Account;
using PilotAssessment.EntityFrameworkCore;
using PilotAssessment.MultiTenancy;
using Xunit;

namespace PilotAssessment;

/// <summary>The real host in memory on a fresh database of one provider, migrated and seeded on start.</summary>
public abstract class PilotAssessmentHostFixture(DatabaseProvider provider) : IAsyncLifetime
{
    /// <summary>Settings of this fixture's host beyond the common ones (e.g. no demo data).</summary>
    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    public const string Password = PilotAssessmentTestApplication.Password;

    public const string NewUserPassword = PilotAssessmentTestApplication.NewUserPassword;

    private TestDatabase _database = default!;

    public WebApplicationFactory<Program> Factory { get; private set; } = default!;

    public DatabaseProvider Provider { get; } = provider;

    public Task InitializeAsync()
    {
        _database = TestDatabase.Create(Provider);
        var extra = new Dictionary<string, string?>
        {
            ["Database:MigrateOnStartup"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in ExtraSettings)
        {
            extra[key] = value;
        }

        var settings = PilotAssessmentTestApplication.CreateConfiguration(_database, extra);
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings.AsEnumerable().Where(kv => kv.Value is not null))
            {
                b.UseSetting(key, value);
            }

            ConfigureHost(b);
        });
        _ = Factory.Server;
        var used = Factory.Services.CreateScope().ServiceProvider.GetRequiredService<PilotAssessmentDbContext>().Database.GetConnectionString() ?? "";
        if (!used.Contains(_database.Name, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The host does not use the test database: {used}");
        }

        return Task.CompletedTask;
    }

    /// <summary>Lets a fixture run the host otherwise (environment, settings) after the common settings.</summary>
    protected virtual void ConfigureHost(IWebHostBuilder builder)
    {
    }

    public virtual async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    public HttpClient CreateClient(string? language = null)
    {
        var client = Factory.CreateClient();
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    public async Task<TokenResultDto> SignInAsync(string? tenant, string userName, string password = Password)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/account/login", new LoginInput { Tenant = tenant, UserName = userName, Password = password });
        response.EnsureSuccessStatusCode();
        return (await response.ReadJsonAsync<TokenResultDto>())!;
    }

    /// <summary>A client signed in as the user; <paramref name="actInTenant"/> sends the __tenant header.</summary>
    public async Task<HttpClient> ClientForAsync(string? tenant, string userName, Guid? actInTenant = null, string password = Password)
    {
        var token = await SignInAsync(tenant, userName, password);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        if (actInTenant is not null)
        {
            client.DefaultRequestHeaders.Add(MultiTenancyConsts.TenantHeaderName, actInTenant.Value.ToString());
        }

        return client;
    }

    public async Task<Guid> TenantIdAsync(string name)
    {
        using var client = CreateClient();
        var tenants = await client.GetFromJsonAsync<List<TenantLookupDto>>("/api/account/tenants", HttpJson.Options);
        return tenants!.Single(t => t.Name == name).Id;
    }

    public T GetService<T>()
        where T : notnull => Factory.Services.GetRequiredService<T>();
}

public sealed class SqliteHostFixture() : PilotAssessmentHostFixture(DatabaseProvider.Sqlite);

public sealed class MySqlHostFixture() : PilotAssessmentHostFixture(DatabaseProvider.MySql);

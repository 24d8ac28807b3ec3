using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using PilotAssessment.Account;
using PilotAssessment.Cluster;
using PilotAssessment.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace PilotAssessment.Caching;

/// <summary>
/// Two hosts on one database and one real Redis (Debian's redis-server): a session ended on one host is refused by the
/// other within its local cache time, and the sign-in rate limit counts requests to both hosts together.
/// </summary>
public sealed class SharedState_Http_Tests : IAsyncLifetime
{
    private const string Protected = "/api/app/periods";
    private readonly TestDatabase _database = TestDatabase.Create(DatabaseProvider.Sqlite);
    private RedisServer _redis = default!;
    private WebApplicationFactory<Program> _first = default!;
    private WebApplicationFactory<Program> _second = default!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        var signingKey = PilotAssessmentTestApplication.NewSigningKey();
        _first = Host(signingKey, migrate: true);
        _ = _first.Server;
        _second = Host(signingKey, migrate: false);
        _ = _second.Server;
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        await _redis.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Should_Refuse_On_The_Other_Host_Within_Its_Local_Cache_Time_A_Session_Ended_On_One()
    {
        var token = await SignInAsync(_first, "clerk");
        using var onSecond = Bearer(_second, token.AccessToken);
        (await onSecond.GetAsync(Protected)).StatusCode.ShouldBe(HttpStatusCode.OK); // cached as valid on the second host

        using var onFirst = Bearer(_first, token.AccessToken);
        (await onFirst.PostAsJsonAsync("/api/account/change-password", new ChangePasswordInput
        {
            CurrentPassword = PilotAssessmentTestApplication.Password,
            NewPassword = "Bianhuan#2026",
        })).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the second host's local cache time
        (await onSecond.GetAsync(Protected)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Should_Count_Sign_Ins_On_Both_Hosts_Against_One_Limit()
    {
        var answers = new List<HttpStatusCode>();
        foreach (var host in new[] { _first, _second, _first, _second, _first })
        {
            using var client = host.CreateClient();
            var response = await client.PostAsJsonAsync("/api/account/login", new LoginInput { Tenant = "兰州", UserName = "nobody", Password = "Wrong#2026x" });
            answers.Add(response.StatusCode);
        }

        answers.Take(4).ShouldNotContain(HttpStatusCode.TooManyRequests);
        answers[4].ShouldBe(HttpStatusCode.TooManyRequests, string.Join(", ", answers));
    }

    private WebApplicationFactory<Program> Host(string signingKey, bool migrate)
    {
        var settings = PilotAssessmentTestApplication.CreateConfiguration(_database, new Dictionary<string, string?>
        {
            ["Database:MigrateOnStartup"] = migrate ? "true" : "false",
            ["Jwt:SigningKey"] = signingKey,
            ["Redis:Configuration"] = _redis.Configuration,
            ["Caching:LocalSeconds"] = "1",
            ["RateLimiting:SignInPermitsPerMinute"] = "4",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        return new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings.AsEnumerable().Where(kv => kv.Value is not null))
            {
                b.UseSetting(key, value);
            }
        });
    }

    private static async Task<TokenResultDto> SignInAsync(WebApplicationFactory<Program> host, string userName)
    {
        using var client = host.CreateClient();
        var response = await client.PostAsJsonAsync("/api/account/login", new LoginInput { Tenant = "天水", UserName = userName, Password = PilotAssessmentTestApplication.Password });
        response.EnsureSuccessStatusCode();
        return (await response.ReadJsonAsync<TokenResultDto>())!;
    }

    private static HttpClient Bearer(WebApplicationFactory<Program> host, string accessToken)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }
}

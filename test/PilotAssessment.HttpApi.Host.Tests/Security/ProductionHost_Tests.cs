using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.Account;
using PilotAssessment.Auditing;
using PilotAssessment.Dtos;
using PilotAssessment.EntityFrameworkCore;
using PilotAssessment.Identity;
using Shouldly;
using Xunit;

namespace PilotAssessment.Security;

/// <summary>The host in the Production environment: it needs its own signing key, sends security headers and trusts only known proxies.</summary>
public sealed class ProductionHost_Tests : IAsyncLifetime
{
    private const string ProxyAddress = "192.0.2.10";

    private TestDatabase _database = default!;

    public Task InitializeAsync()
    {
        _database = TestDatabase.Create(DatabaseProvider.Sqlite);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData(JwtOptions.DevelopmentSigningKey)]
    [InlineData("only-31-bytes-long-0123456789ab")]
    public void Should_Not_Start_In_Production_Without_An_Own_Strong_Signing_Key(string? key)
    {
        using var factory = Create(new Dictionary<string, string?> { ["Jwt:SigningKey"] = key ?? string.Empty });

        var error = Should.Throw<InvalidOperationException>(() => factory.Server);

        error.Message.ShouldContain("Jwt:SigningKey");
        error.Message.ShouldContain("Jwt__SigningKey");
    }

    [Fact]
    public async Task Should_Send_Security_Headers_Hide_Swagger_And_Refuse_A_Token_Signed_With_The_Development_Key()
    {
        await using var factory = Create(new Dictionary<string, string?> { ["Jwt:SigningKey"] = PilotAssessmentTestApplication.NewSigningKey() });
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://pilot.example.org") });

        var response = await client.GetAsync("/health/live");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("script-src 'self';");
        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=");
        (await client.GetAsync("/swagger/v1/swagger.json")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsJsonAsync("/api/account/login", new LoginInput { UserName = "admin", Password = "x" })).Headers
            .GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);

        var forged = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = "PilotAssessment",
            Audience = "PilotAssessment",
            Subject = (System.Security.Claims.ClaimsIdentity)Users.ClaimsPrincipalFactory.Create(Guid.NewGuid(), "admin", null, [RoleNames.Admin]).Identity!,
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(
                TokenService.CreateSigningKey(new JwtOptions { SigningKey = JwtOptions.DevelopmentSigningKey }), Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha256),
        });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", forged);
        (await client.GetAsync("/api/app/tenants")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Should_Serve_Swagger_When_Configured_And_Record_The_Client_Address_Forwarded_By_A_Known_Proxy()
    {
        await using var factory = Create(new Dictionary<string, string?>
        {
            ["Jwt:SigningKey"] = PilotAssessmentTestApplication.NewSigningKey(),
            ["Swagger:Enabled"] = "true",
            ["ForwardedHeaders:KnownProxies:0"] = ProxyAddress,
        });
        using var client = factory.CreateClient();
        (await client.GetAsync("/swagger/v1/swagger.json")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var viaProxy = factory.CreateClient();
        viaProxy.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        (await viaProxy.PostAsJsonAsync("/api/account/login", new LoginInput { UserName = "admin", Password = "wrong-password" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        using var admin = factory.CreateClient();
        var token = await (await admin.PostAsJsonAsync("/api/account/login", new LoginInput { UserName = "admin", Password = PilotAssessmentTestApplication.Password })).ReadJsonAsync<TokenResultDto>();
        admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token!.AccessToken);
        var logs = await admin.GetFromJsonAsync<PagedResultDto<AuditLogDto>>("/api/app/audit-logs?maxResultCount=100", HttpJson.Options);
        var addresses = logs!.Items.Where(l => l.Url.Contains("/api/account/login")).Select(l => l.ClientIpAddress).ToList();
        addresses.ShouldContain("203.0.113.7");
        addresses.ShouldContain(ProxyAddress);
    }

    private WebApplicationFactory<Program> Create(Dictionary<string, string?> settings)
    {
        var configuration = PilotAssessmentTestApplication.CreateConfiguration(_database, new Dictionary<string, string?>
        {
            ["Database:MigrateOnStartup"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        return new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            foreach (var (key, value) in configuration.AsEnumerable().Where(kv => kv.Value is not null).Concat(settings))
            {
                b.UseSetting(key, value);
            }

            // The test server has no connection address: every request comes from the proxy.
            b.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new FromProxy()));
        });
    }

    private sealed class FromProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(ProxyAddress);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

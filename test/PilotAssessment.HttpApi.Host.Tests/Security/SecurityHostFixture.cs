using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PilotAssessment.EntityFrameworkCore;

namespace PilotAssessment.Security;

/// <summary>
/// The real host as it runs in production: environment Production, a random signing key of its own and the
/// OpenAPI document switched on, so the suite can read every operation from it.
/// </summary>
public abstract class SecurityHostFixture(DatabaseProvider provider) : PilotAssessmentHostFixture(provider)
{
    public const string Issuer = "PilotAssessment";
    public const string Audience = "PilotAssessment";

    private readonly Dictionary<string, HttpClient> _clients = [];
    private OpenApiRequestFactory? _api;

    /// <summary>64 random bytes as text; the host signs with the UTF-8 bytes of the configured key.</summary>
    public string SigningKey { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The key shipped for development machines, which the host accepts only in Development.</summary>
    public static string DevelopmentSigningKey => Identity.JwtOptions.DevelopmentSigningKey;

    protected override void ConfigureHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Jwt:SigningKey", SigningKey);
        builder.UseSetting("Swagger:Enabled", "true");
    }

    /// <summary>The operations of the running host's OpenAPI document.</summary>
    public async Task<OpenApiRequestFactory> ApiAsync()
    {
        if (_api is null)
        {
            using var client = CreateClient();
            var response = await client.GetAsync("/swagger/v1/swagger.json");
            response.EnsureSuccessStatusCode();
            _api = new OpenApiRequestFactory(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
        }

        return _api;
    }

    /// <summary>A signed-in client per user, kept for the fixture's life; "兰州/admin", "host/official".</summary>
    public async Task<HttpClient> UserAsync(string? tenant, string userName)
    {
        var key = $"{tenant ?? "host"}/{userName}";
        if (!_clients.TryGetValue(key, out var client))
        {
            client = await ClientForAsync(tenant, userName);
            _clients[key] = client;
        }

        return client;
    }

    /// <summary>A client sending a token with the claims the host issues to the user, signed by <paramref name="key"/>.</summary>
    public async Task<HttpClient> ForgedClientAsync(string? tenant, string userName, string key)
    {
        // Every claim the host put in a real token (security stamp included), so only the signature differs.
        var genuine = new JsonWebToken((await SignInAsync(tenant, userName)).AccessToken);
        var reserved = new HashSet<string>(StringComparer.Ordinal) { "iss", "aud", "exp", "nbf", "iat", "jti" };
        var identity = new ClaimsIdentity(genuine.Claims.Where(c => !reserved.Contains(c.Type)).Select(c => new Claim(c.Type, c.Value)), "forged");
        var now = DateTime.UtcNow;
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = identity,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(30),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public override async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await base.DisposeAsync();
    }
}

public sealed class SecuritySqliteHostFixture() : SecurityHostFixture(DatabaseProvider.Sqlite);

public sealed class SecurityMySqlHostFixture() : SecurityHostFixture(DatabaseProvider.MySql);

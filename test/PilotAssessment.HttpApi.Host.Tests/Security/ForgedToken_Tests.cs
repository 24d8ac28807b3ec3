using System.Net;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace PilotAssessment.Security;

/// <summary>A token with the host admin's claims signed by another key, or by the key shipped for development, is refused everywhere.</summary>
public abstract class ForgedToken_Tests<THost>(THost host, ITestOutputHelper output) : IClassFixture<THost>
    where THost : SecurityHostFixture
{
    [Fact]
    public async Task Should_Answer_401_To_Every_Operation_With_A_Token_Signed_By_A_Wrong_Or_The_Development_Key()
    {
        var api = await host.ApiAsync();
        var violations = new Violations(output);

        // The same claims signed by the host's own key are accepted: what is refused below is the signature alone.
        using (var genuine = await host.ForgedClientAsync(null, "admin", host.SigningKey))
        {
            (await genuine.GetAsync("/api/app/tenants")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var keys = new Dictionary<string, string>
        {
            ["wrong key"] = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["development key"] = SecurityHostFixture.DevelopmentSigningKey,
        };
        host.SigningKey.ShouldNotBe(keys["development key"]);
        foreach (var (kind, key) in keys)
        {
            using var forged = await host.ForgedClientAsync(null, "admin", key);
            foreach (var operation in api.Operations.Where(o => !Unauthenticated_Tests<THost>.Anonymous.Contains(o.ToString())))
            {
                var answer = await SecurityWalk.SendAsync(forged, api.Build(operation, _ => null));
                if (answer.Status != HttpStatusCode.Unauthorized)
                {
                    violations.Add(operation, kind, answer);
                }
            }
        }

        violations.ShouldBeEmpty("Forged tokens");
    }
}

public sealed class ForgedToken_Sqlite_Tests(SecuritySqliteHostFixture host, ITestOutputHelper output) : ForgedToken_Tests<SecuritySqliteHostFixture>(host, output);

public sealed class ForgedToken_MySql_Tests(SecurityMySqlHostFixture host, ITestOutputHelper output) : ForgedToken_Tests<SecurityMySqlHostFixture>(host, output);

using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace PilotAssessment.Security;

/// <summary>Without a token every operation but the few anonymous ones answers 401.</summary>
public abstract class Unauthenticated_Tests<THost>(THost host, ITestOutputHelper output) : IClassFixture<THost>
    where THost : SecurityHostFixture
{
    /// <summary>The operations anyone may call: signing in and out, the city list of the sign-in page, the app's configuration, health.</summary>
    public static readonly IReadOnlySet<string> Anonymous = new HashSet<string>
    {
        "POST /api/account/login",
        "POST /api/account/refresh",
        "POST /api/account/logout",
        "GET /api/account/tenants",
        "POST /api/feeds/token",
        "GET /api/app/application-configuration",
        "GET /health/live",
        "GET /health/ready",
    };

    [Fact]
    public async Task Should_Answer_401_To_Every_Operation_Without_A_Token()
    {
        var api = await host.ApiAsync();
        using var anonymous = host.CreateClient();
        var violations = new Violations(output);

        foreach (var operation in api.Operations.Where(o => !Anonymous.Contains(o.ToString())))
        {
            var answer = await SecurityWalk.SendAsync(anonymous, api.Build(operation, _ => null));
            if (answer.Status != HttpStatusCode.Unauthorized)
            {
                violations.Add(operation, "no token", answer);
            }
        }

        foreach (var operation in api.Operations.Where(o => Anonymous.Contains(o.ToString())))
        {
            var answer = await SecurityWalk.SendAsync(anonymous, api.Build(operation, _ => null));
            if (answer.Code >= 500)
            {
                violations.Add(operation, "anonymous operation", answer);
            }
        }

        output.WriteLine($"{api.Operations.Count} operations, {api.Operations.Count(o => Anonymous.Contains(o.ToString()))} anonymous");
        violations.ShouldBeEmpty("Without a token");
    }

    [Fact]
    public async Task Should_Walk_Every_Controller_Action_And_Keep_The_Anonymous_List_Current()
    {
        var api = await host.ApiAsync();
        var actions = typeof(PilotAssessmentController).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(ControllerBase).IsAssignableFrom(t))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .SelectMany(m => m.GetCustomAttributes<HttpMethodAttribute>())
            .SelectMany(a => a.HttpMethods)
            .ToList();

        actions.Count.ShouldBeGreaterThan(50);
        api.Operations.Count.ShouldBe(actions.Count, "every controller action is an operation of the OpenAPI document");
        foreach (var operation in api.Operations)
        {
            var request = api.Build(operation, _ => null);
            request.Url.ShouldNotContain("{", customMessage: $"{operation} has a path parameter the walk cannot fill");
            using var message = request.ToMessage();
            message.Method.Method.ShouldBe(operation.Method);
            if (operation.JsonBody is not null || operation.FormBody is not null)
            {
                message.Content.ShouldNotBeNull($"{operation} has a body the walk does not send");
            }
        }

        var operations = api.Operations.Select(o => o.ToString()).ToHashSet();
        Anonymous.Where(a => a.Contains(" /api/", StringComparison.Ordinal)).ShouldAllBe(a => operations.Contains(a));
        api.Operations.Count(o => o.FormBody is not null).ShouldBeGreaterThan(0);
        api.Operations.Count(o => o.JsonBody is not null).ShouldBeGreaterThan(0);
    }
}

public sealed class Unauthenticated_Sqlite_Tests(SecuritySqliteHostFixture host, ITestOutputHelper output) : Unauthenticated_Tests<SecuritySqliteHostFixture>(host, output);

public sealed class Unauthenticated_MySql_Tests(SecurityMySqlHostFixture host, ITestOutputHelper output) : Unauthenticated_Tests<SecurityMySqlHostFixture>(host, output);

using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace PilotAssessment.Security;

/// <summary>
/// 天水 calls every operation with the ids of 兰州's data (found by walking the list operations as 兰州, less what 天水
/// sees itself, like the province's schemes and periods) and gets 404 or 403: never 兰州's data, never a 500.
/// </summary>
public abstract class CrossCity_Tests<THost>(THost host, ITestOutputHelper output) : IClassFixture<THost>
    where THost : SecurityHostFixture
{
    private const int Tries = 3;

    [Fact]
    public async Task Should_Answer_404_Or_403_To_Another_City_With_The_Ids_Of_The_First()
    {
        var api = await host.ApiAsync();
        await SecurityWalk.SeedCityAsync(host, "兰州", 2030, publish: true);
        var owner = await host.UserAsync("兰州", "admin");
        var ownerClerk = await host.UserAsync("兰州", "clerk");
        var attacker = await host.UserAsync("天水", "admin");
        var attackerClerk = await host.UserAsync("天水", "clerk");
        var own = (await SecurityWalk.CollectAsync(attacker, api)).Merge(await SecurityWalk.CollectAsync(attackerClerk, api));
        var theirs = (await SecurityWalk.CollectAsync(owner, api)).Merge(await SecurityWalk.CollectAsync(ownerClerk, api)).Except(own);
        theirs.Add("tenant", await host.TenantIdAsync("兰州"));
        var leaks = theirs.All.Where(id => id != theirs.First("tenant")).Select(id => id.ToString()).ToList();
        output.WriteLine("兰州's own ids: " + string.Join(", ", theirs.Keys.Select(k => $"{k} ×{theirs[k].Count}")));

        var violations = new Violations(output);
        var summary = new List<string>();
        var order = new[] { "GET", "POST", "PUT", "DELETE" };
        foreach (var operation in api.Operations.Where(o => !Unauthenticated_Tests<THost>.Anonymous.Contains(o.ToString())).OrderBy(o => Array.IndexOf(order, o.Method)))
        {
            var pathKeys = operation.PathParameters.Select(p => OpenApiRequestFactory.Key(operation, p.Name)).Where(k => theirs[k].Count > 0).ToList();
            var bound = new HashSet<string>();
            Guid? Pick(string key, int i)
            {
                if (theirs[key].Count > 0)
                {
                    bound.Add(key);
                    return theirs[key][Math.Min(i, theirs[key].Count - 1)];
                }

                return own.First(key);
            }

            var tries = pathKeys.Count == 0 ? 1 : Math.Min(Tries, pathKeys.Max(k => theirs[k].Count));
            var verified = 0;
            var sent = 0;
            for (var i = 0; i < tries; i++)
            {
                var request = api.Build(operation, key => Pick(key, i));
                if (bound.Count == 0)
                {
                    break;
                }

                if (operation.Method == "GET" && pathKeys.Count > 0)
                {
                    var seen = await SecurityWalk.SendAsync(owner, request);
                    seen = seen.Code == 403 ? await SecurityWalk.SendAsync(ownerClerk, request) : seen;
                    verified += seen.IsSuccess ? 1 : 0;
                }

                sent++;
                var answer = await SecurityWalk.SendAsync(attacker, request);
                var leaked = answer.IsSuccess ? leaks.FirstOrDefault(id => answer.Body.Contains(id, StringComparison.OrdinalIgnoreCase)) : null;
                if (answer.Code >= 500)
                {
                    violations.Add(operation, "500 on another city's id", answer);
                }
                else if (leaked is not null)
                {
                    violations.Add(operation, "another city's data in the answer", answer, $"{request.Url} answered with 兰州's id {leaked}");
                }
                else if (pathKeys.Count > 0 && answer.Code is not (403 or 404) && !answer.IsValidationProblem)
                {
                    violations.Add(operation, "not 404 for another city's id", answer, $"{request.Url}: {answer.Detail}");
                }
            }

            summary.Add(sent == 0 ? $"  no id of 兰州 to try: {operation}"
                : $"  {operation}: {sent} call(s) with 兰州's {string.Join("/", bound)}{(verified > 0 ? $", {verified} seen by 兰州 itself" : "")}");
        }

        output.WriteLine("Coverage:\n" + string.Join("\n", summary.OrderBy(s => s.StartsWith("  no id", StringComparison.Ordinal))));

        // A walk that found none of what was seeded, or tried next to nothing, proves nothing.
        new[] { "agreement", "attachment", "line", "evidence", "unit", "user", "role", "sheet" }.Where(k => theirs[k].Count == 0).ShouldBeEmpty("kinds of 兰州's data the walk did not find");
        summary.Count(s => !s.StartsWith("  no id", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(40);
        violations.ShouldBeEmpty("Cross-city");
    }
}

public sealed class CrossCity_Sqlite_Tests(SecuritySqliteHostFixture host, ITestOutputHelper output) : CrossCity_Tests<SecuritySqliteHostFixture>(host, output);

public sealed class CrossCity_MySql_Tests(SecurityMySqlHostFixture host, ITestOutputHelper output) : CrossCity_Tests<SecurityMySqlHostFixture>(host, output);

using System.Net;
using System.Net.Http.Json;
using System.Text;
using PilotAssessment.Agreements;
using PilotAssessment.DataEntry;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace PilotAssessment.Security;

/// <summary>A clerk of one unit finds nothing of a line the agreement hands to another unit: 404 on every data-entry operation on it.</summary>
public abstract class UnitScope_Tests<THost>(THost host, ITestOutputHelper output) : IClassFixture<THost>
    where THost : SecurityHostFixture
{
    [Fact]
    public async Task Should_Answer_404_To_A_Unit_Clerk_On_Every_Operation_On_Another_Units_Line()
    {
        var api = await host.ApiAsync();
        var official = await host.UserAsync(null, "official");
        var admin = await host.UserAsync("兰州", "admin");
        var period = await SecurityWalk.OpenPeriodAsync(official, 2031);
        var agreement = await AgreementTestClient.InForceAsync(host, official, "兰州", 2031);
        var police = await SecurityWalk.CreateUnitAsync(admin, "LZ-GA-2031", "兰州市公安局");
        var justice = await SecurityWalk.CreateUnitAsync(admin, "LZ-SF-2031", "兰州市司法局");
        var assigned = await admin.PutAsJsonAsync($"/api/app/agreements/{agreement.Id}/assignments", new AssignUnitsInput
        {
            Lines = [new() { Code = "B04", UnitId = police.Id }, new() { Code = "B01", UnitId = justice.Id }],
        });
        assigned.StatusCode.ShouldBe(HttpStatusCode.OK, await assigned.Content.ReadAsStringAsync());
        var clerkId = await SecurityWalk.CreateUserAsync(admin, "justice-clerk");
        (await admin.PostAsync($"/api/app/organization-units/{justice.Id}/members/{clerkId}", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var clerk = await host.ClientForAsync("兰州", "justice-clerk", password: SecurityWalk.UserPassword);

        // The police's line, with evidence, entered by the city admin.
        var saved = await admin.PutAsJsonAsync($"/api/app/data-entry/periods/{period.Id}/lines/B04", new SaveEntryLineInput { Value = new EntryValueDto { Number = 80 }, UnitId = police.Id });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var line = (await saved.ReadJsonAsync<EntryLineDto>())!;
        var lineId = line.Id!.Value;
        var evidence = (await (await admin.PostAsync($"/api/app/data-entry/lines/{lineId}/evidence", SecurityWalk.PdfForm())).ReadJsonAsync<EvidenceDto>())!;

        // The clerk works on the own unit's line.
        var own = await clerk.PutAsJsonAsync($"/api/app/data-entry/periods/{period.Id}/lines/B01", new SaveEntryLineInput { Value = new EntryValueDto { Number = 1200, LastYearNumber = 1300 } });
        own.StatusCode.ShouldBe(HttpStatusCode.OK, await own.Content.ReadAsStringAsync());

        var ids = new Dictionary<string, Guid> { ["period"] = period.Id, ["line"] = lineId, ["evidence"] = evidence.Id };
        var operations = api.Operations.Where(o => o.Path.StartsWith("/api/app/data-entry/", StringComparison.Ordinal)
            && (o.Path.Contains("{lineId}", StringComparison.Ordinal) || o.Path.Contains("{indicatorCode}", StringComparison.Ordinal) || o.Path.Contains("/evidence", StringComparison.Ordinal)))
            .OrderBy(o => o.Method == "DELETE")
            .ToList();
        operations.Count.ShouldBeGreaterThanOrEqualTo(6);
        var violations = new Violations(output);
        foreach (var operation in operations)
        {
            var request = api.Build(operation, key => ids.TryGetValue(key, out var id) ? id : null);
            if (request.Path.ContainsKey("indicatorCode"))
            {
                request.Path["indicatorCode"] = "B04";
            }

            if (operation.JsonBody is not null && operation.Path.EndsWith("{indicatorCode}", StringComparison.Ordinal))
            {
                request.Content = () => new StringContent("{\"value\":{\"number\":70}}", Encoding.UTF8, "application/json");
            }

            var answer = await SecurityWalk.SendAsync(clerk, request);
            if (answer.Status != HttpStatusCode.NotFound)
            {
                violations.Add(operation, "another unit's line", answer, $"{request.Url}: {answer.Detail}");
            }
        }

        // Nothing of the police's line changed, and the clerk's sheet does not show it.
        var sheetOperation = api.Operations.Single(o => o.ToString() == "GET /api/app/data-entry/periods/{periodId}");
        var kept = await admin.GetFromJsonAsync<EntryLineDto>($"/api/app/data-entry/lines/{lineId}", HttpJson.Options);
        if (kept!.Value.Number != 80m || (await admin.GetAsync($"/api/app/data-entry/evidence/{evidence.Id}")).StatusCode != HttpStatusCode.OK)
        {
            violations.Add(sheetOperation, "another unit's line", new ApiAnswer(HttpStatusCode.OK, "", null), "the clerk changed the police's line or removed its evidence");
        }

        var sheet = await SecurityWalk.SendAsync(clerk, api.Build(sheetOperation, key => ids.GetValueOrDefault(key)));
        if (sheet.Body.Contains(lineId.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            violations.Add(sheetOperation, "another unit's line", sheet, "the clerk's sheet shows the police's line");
        }

        violations.ShouldBeEmpty("Unit scope");
    }
}

public sealed class UnitScope_Sqlite_Tests(SecuritySqliteHostFixture host, ITestOutputHelper output) : UnitScope_Tests<SecuritySqliteHostFixture>(host, output);

public sealed class UnitScope_MySql_Tests(SecurityMySqlHostFixture host, ITestOutputHelper output) : UnitScope_Tests<SecurityMySqlHostFixture>(host, output);

using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PilotAssessment.DataEntry;
using PilotAssessment.OrganizationUnits;
using Shouldly;
using Xunit;
using static PilotAssessment.Agreements.AgreementTestClient;

namespace PilotAssessment.Agreements;

/// <summary>
/// What a city learns of its agreement follows the detail view: a unit's clerk gets only the unit's lines and key
/// tasks in the Word export and the version diff, and the city reads no entity change of a draft still at the province.
/// </summary>
public abstract class AgreementUnitScope_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    [Fact]
    public async Task Should_Export_And_Diff_Only_The_Units_Lines_And_Tasks_For_A_Units_Clerk()
    {
        using var official = await host.ClientForAsync(null, "official");
        using var admin = await host.ClientForAsync("金昌", "admin");
        var v1 = await InForceAsync(host, official, "金昌", 2050);
        var police = await OrganizationUnits_Http_Tests<THost>.CreateAsync(admin, "JC-GA-2050", "金昌市公安局", OrganizationUnitKind.Department, null);
        var justice = await OrganizationUnits_Http_Tests<THost>.CreateAsync(admin, "JC-SF-2050", "金昌市司法局", OrganizationUnitKind.Department, null);
        using var policeClerk = await UnitTestClient.CreateMemberAsync(host, admin, "金昌", police.Id, "jc-ga-2050");
        (await admin.PutAsJsonAsync($"{Url}/{v1.Id}/assignments", new AssignUnitsInput
        {
            Lines = [new() { Code = "B01", UnitId = police.Id }, new() { Code = "D01", UnitId = justice.Id }],
            KeyTasks = [new() { Code = "K01", UnitId = police.Id }, new() { Code = "K02", UnitId = justice.Id }],
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var b01 = v1.Lines.Single(l => l.Code == "B01").Name;
        var d01 = v1.Lines.Single(l => l.Code == "D01").Name;

        var exported = await DocumentTextAsync(policeClerk, v1.Id);
        exported.ShouldContain(b01);
        exported.ShouldContain("成立由市委、市政府主要领导任组长的试点工作领导机构");
        exported.ShouldNotContain(d01);
        exported.ShouldNotContain("制定试点工作实施方案");
        (await DocumentTextAsync(admin, v1.Id)).ShouldContain(d01);

        var v2 = await PostAsync(official, v1.Id, "amend");
        var body = StandardBody(v2);
        body.Targets = [new AgreementTargetInput { Code = "D01", Target = 97 }];
        body.KeyTasks[1].Task = "制定试点工作实施方案（修订）";
        await UpdateAsync(official, v2.Id, body);
        await PostAsync(official, v2.Id, "issue");

        var seenByClerk = await policeClerk.GetFromJsonAsync<AgreementDiffDto>($"{Url}/{v1.Id}/diff/{v2.Id}", HttpJson.Options);
        seenByClerk!.TargetsChanged.ShouldBeEmpty();
        seenByClerk.TasksChanged.ShouldBeEmpty();
        var seenByAdmin = await admin.GetFromJsonAsync<AgreementDiffDto>($"{Url}/{v1.Id}/diff/{v2.Id}", HttpJson.Options);
        seenByAdmin!.TargetsChanged.Select(t => t.Code).ShouldBe(["D01"]);
        seenByAdmin.TasksChanged.Select(t => t.Code).ShouldBe(["K02"]);
    }

    [Fact]
    public async Task Should_Hide_The_Changes_Of_A_Draft_Amendment_From_The_Citys_Audit_Log_Until_It_Is_Issued()
    {
        using var official = await host.ClientForAsync(null, "official");
        using var admin = await host.ClientForAsync("张掖", "admin");
        var v1 = await InForceAsync(host, official, "张掖", 2051);
        var v2 = await PostAsync(official, v1.Id, "amend");
        var body = StandardBody(v2);
        body.Targets = [new AgreementTargetInput { Code = "D01", Target = 97 }];
        await UpdateAsync(official, v2.Id, body);

        var query = $"/api/app/audit-logs/entity-changes?entityId={v2.Id}&maxResultCount=100";
        (await ChangesAsync(official, query)).ShouldBeGreaterThan(0);
        (await ChangesAsync(admin, query)).ShouldBe(0);
        var logs = await admin.GetFromJsonAsync<JsonElement>("/api/app/audit-logs?maxResultCount=1000", HttpJson.Options);
        logs.GetProperty("items").EnumerateArray()
            .SelectMany(l => l.GetProperty("entityChanges").EnumerateArray())
            .Select(c => c.GetProperty("entityId").GetString())
            .ShouldNotContain(v2.Id.ToString());
        (await ChangesAsync(admin, $"/api/app/audit-logs/entity-changes?entityId={v1.Id}&maxResultCount=100")).ShouldBeGreaterThan(0);

        await PostAsync(official, v2.Id, "issue");
        (await ChangesAsync(admin, query)).ShouldBeGreaterThan(0);
    }

    private static async Task<int> ChangesAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync(query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<JsonElement>()).GetProperty("totalCount").GetInt32();
    }

    private static async Task<string> DocumentTextAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"{Url}/{id}/export/docx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return await reader.ReadToEndAsync();
    }
}

public sealed class AgreementUnitScope_Http_Sqlite_Tests(SqliteHostFixture host) : AgreementUnitScope_Http_Tests<SqliteHostFixture>(host);

public sealed class AgreementUnitScope_Http_MySql_Tests(MySqlHostFixture host) : AgreementUnitScope_Http_Tests<MySqlHostFixture>(host);

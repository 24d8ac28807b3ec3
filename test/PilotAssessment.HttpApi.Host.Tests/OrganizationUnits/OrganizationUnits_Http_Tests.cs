using System.Net;
using System.Net.Http.Json;
using PilotAssessment.Auditing;
using PilotAssessment.Dtos;
using PilotAssessment.Identity;
using Shouldly;
using Xunit;

namespace PilotAssessment.OrganizationUnits;

public abstract class OrganizationUnits_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    private const string Url = "/api/app/organization-units";

    [Fact]
    public async Task Should_Build_Rename_Move_And_Close_Units_Keeping_Closed_Ones()
    {
        using var admin = await host.ClientForAsync("酒泉", "admin");
        var city = await CreateAsync(admin, "JQ", "酒泉市", OrganizationUnitKind.City, null);
        var suzhou = await CreateAsync(admin, "JQ-SZ", "肃州区", OrganizationUnitKind.District, city.Id);
        var jinta = await CreateAsync(admin, "JQ-JT", "金塔县", OrganizationUnitKind.County, city.Id);
        var police = await CreateAsync(admin, "JQ-SZ-GA", "肃州区公安分局", OrganizationUnitKind.Department, suzhou.Id);

        var tree = await admin.GetFromJsonAsync<List<OrganizationUnitDto>>(Url, HttpJson.Options);
        var root = tree!.Single(u => u.Id == city.Id);
        root.Children.Select(c => c.Code).ShouldBe(["JQ-JT", "JQ-SZ"]);
        root.Children.Single(c => c.Id == suzhou.Id).Children.Single().Id.ShouldBe(police.Id);

        var renamed = await admin.PutAsJsonAsync($"{Url}/{police.Id}/name", new RenameOrganizationUnitInput { Name = "肃州公安分局" });
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await renamed.ReadJsonAsync<OrganizationUnitDto>())!.Name.ShouldBe("肃州公安分局");

        var moved = await admin.PostAsJsonAsync($"{Url}/{police.Id}/move", new MoveOrganizationUnitInput { ParentId = jinta.Id });
        moved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await moved.ReadJsonAsync<OrganizationUnitDto>())!.ParentId.ShouldBe(jinta.Id);

        // The move is kept in the entity-change history with the old and the new parent.
        var changes = await admin.GetFromJsonAsync<PagedResultDto<EntityChangeDto>>(
            $"/api/app/audit-logs/entity-changes?entityId={police.Id}&maxResultCount=100", HttpJson.Options);
        changes!.Items.SelectMany(c => c.PropertyChanges).ShouldContain(p =>
            p.PropertyName == "ParentId" && p.OriginalValue!.Contains(suzhou.Id.ToString()) && p.NewValue!.Contains(jinta.Id.ToString()));

        // The city under its own grandchild would be a cycle; so would a unit under itself.
        var cycle = await admin.PostAsJsonAsync($"{Url}/{city.Id}/move", new MoveOrganizationUnitInput { ParentId = police.Id });
        cycle.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await cycle.ReadProblemAsync()).GetProperty("title").GetString().ShouldContain("下级单位");
        (await admin.PostAsJsonAsync($"{Url}/{jinta.Id}/move", new MoveOrganizationUnitInput { ParentId = jinta.Id })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await admin.PostAsync($"{Url}/{jinta.Id}/close", null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var closed = await admin.PostAsync($"{Url}/{police.Id}/close", null);
        closed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await closed.ReadJsonAsync<OrganizationUnitDto>())!.ClosedTime.ShouldNotBeNull();

        var open = await admin.GetFromJsonAsync<List<OrganizationUnitDto>>(Url, HttpJson.Options);
        Flatten(open!).ShouldNotContain(u => u.Id == police.Id);
        var all = await admin.GetFromJsonAsync<List<OrganizationUnitDto>>($"{Url}?includeClosed=true", HttpJson.Options);
        Flatten(all!).Single(u => u.Id == police.Id).IsClosed.ShouldBeTrue();
        (await admin.PutAsJsonAsync($"{Url}/{police.Id}/name", new RenameOrganizationUnitInput { Name = "x" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostAsJsonAsync(Url, new CreateOrganizationUnitInput { Code = "JQ-X", Name = "x", ParentId = police.Id })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostAsJsonAsync(Url, new CreateOrganizationUnitInput { Code = "JQ", Name = "重复" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Should_Assign_And_Unassign_Users_And_Let_Only_The_Admin_Manage()
    {
        using var admin = await host.ClientForAsync("张掖", "admin");
        var unit = await CreateAsync(admin, "ZY-MZ", "张掖市民政局", OrganizationUnitKind.Department, null);
        var clerkId = await UserIdAsync(admin, "clerk");

        (await admin.PostAsync($"{Url}/{unit.Id}/members/{clerkId}", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostAsync($"{Url}/{unit.Id}/members/{clerkId}", null)).StatusCode.ShouldBe(HttpStatusCode.OK); // idempotent
        var members = await admin.GetFromJsonAsync<List<UnitMemberDto>>($"{Url}/{unit.Id}/members", HttpJson.Options);
        members!.Single().UserName.ShouldBe("clerk");

        using var clerk = await host.ClientForAsync("张掖", "clerk");
        (await clerk.GetFromJsonAsync<List<OrganizationUnitDto>>($"{Url}/mine", HttpJson.Options))!.Single().Id.ShouldBe(unit.Id);
        (await clerk.PostAsJsonAsync(Url, new CreateOrganizationUnitInput { Code = "ZY-X", Name = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await clerk.DeleteAsync($"{Url}/{unit.Id}/members/{clerkId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await admin.DeleteAsync($"{Url}/{unit.Id}/members/{clerkId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetFromJsonAsync<List<UnitMemberDto>>($"{Url}/{unit.Id}/members", HttpJson.Options))!.ShouldBeEmpty();
        (await admin.DeleteAsync($"{Url}/{unit.Id}/members/{clerkId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_Answer_404_For_Another_Citys_Unit_And_User()
    {
        using var tianshui = await host.ClientForAsync("天水", "admin");
        var unit = await CreateAsync(tianshui, "TS-GA", "天水市公安局", OrganizationUnitKind.Department, null);
        var tianshuiClerk = await UserIdAsync(tianshui, "clerk");
        using var lanzhou = await host.ClientForAsync("兰州", "admin");
        var own = await CreateAsync(lanzhou, "LZ-OWN", "兰州市司法局", OrganizationUnitKind.Department, null);

        (await lanzhou.GetAsync($"{Url}/{unit.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lanzhou.PutAsJsonAsync($"{Url}/{unit.Id}/name", new RenameOrganizationUnitInput { Name = "篡改" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lanzhou.PostAsJsonAsync($"{Url}/{unit.Id}/move", new MoveOrganizationUnitInput())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lanzhou.PostAsync($"{Url}/{unit.Id}/close", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lanzhou.GetAsync($"{Url}/{unit.Id}/members")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lanzhou.PostAsync($"{Url}/{unit.Id}/members/{tianshuiClerk}", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lanzhou.DeleteAsync($"{Url}/{unit.Id}/members/{tianshuiClerk}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Another city's unit as a parent, another city's user as a member.
        (await lanzhou.PostAsJsonAsync($"{Url}/{own.Id}/move", new MoveOrganizationUnitInput { ParentId = unit.Id })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lanzhou.PostAsJsonAsync(Url, new CreateOrganizationUnitInput { Code = "LZ-Y", Name = "y", ParentId = unit.Id })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lanzhou.PostAsync($"{Url}/{own.Id}/members/{tianshuiClerk}", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var tree = await lanzhou.GetFromJsonAsync<List<OrganizationUnitDto>>($"{Url}?includeClosed=true", HttpJson.Options);
        Flatten(tree!).ShouldNotContain(u => u.Id == unit.Id);
        (await tianshui.GetFromJsonAsync<OrganizationUnitDto>($"{Url}/{unit.Id}", HttpJson.Options))!.Name.ShouldBe("天水市公安局");
    }

    internal static async Task<OrganizationUnitDto> CreateAsync(HttpClient admin, string code, string name, OrganizationUnitKind kind, Guid? parentId)
    {
        var response = await admin.PostAsJsonAsync(Url, new CreateOrganizationUnitInput { Code = code, Name = name, Kind = kind, ParentId = parentId });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<OrganizationUnitDto>())!;
    }

    internal static async Task<Guid> UserIdAsync(HttpClient admin, string userName)
    {
        var users = await admin.GetFromJsonAsync<PagedResultDto<UserDto>>("/api/app/users?maxResultCount=1000", HttpJson.Options);
        return users!.Items.Single(u => u.UserName == userName).Id;
    }

    private static IEnumerable<OrganizationUnitDto> Flatten(IEnumerable<OrganizationUnitDto> units) =>
        units.SelectMany(u => Flatten(u.Children).Prepend(u));
}

public sealed class OrganizationUnits_Http_Sqlite_Tests(SqliteHostFixture host) : OrganizationUnits_Http_Tests<SqliteHostFixture>(host);

public sealed class OrganizationUnits_Http_MySql_Tests(MySqlHostFixture host) : OrganizationUnits_Http_Tests<MySqlHostFixture>(host);

using System.Net;
using System.Net.Http.Json;
using PilotAssessment.Dtos;
using PilotAssessment.OrganizationUnits;
using PilotAssessment.Schemes;
using Shouldly;
using Xunit;

namespace PilotAssessment.Periods;

/// <summary>The official picks the unit of a lock exception from the city's own open units.</summary>
public abstract class CityUnits_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    [Fact]
    public async Task Should_List_The_Open_Units_Of_The_Chosen_City_With_Their_Path()
    {
        var period = await host.CreateOpenPeriodAsync();
        var lanzhouId = await host.TenantIdAsync("兰州");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        using var lanzhouAdmin = await host.ClientForAsync("兰州", "admin");
        var district = await OrganizationUnits_Http_Tests<THost>.CreateAsync(lanzhouAdmin, $"LZ-CG-{suffix}", $"城关区{suffix}", OrganizationUnitKind.District, null);
        var office = await OrganizationUnits_Http_Tests<THost>.CreateAsync(lanzhouAdmin, $"LZ-CG-ZF-{suffix}", "政法委", OrganizationUnitKind.Department, district.Id);
        var closed = await OrganizationUnits_Http_Tests<THost>.CreateAsync(lanzhouAdmin, $"LZ-OLD-{suffix}", $"撤并单位{suffix}", OrganizationUnitKind.Department, null);
        (await lanzhouAdmin.PostAsync($"/api/app/organization-units/{closed.Id}/close", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var tianshuiAdmin = await host.ClientForAsync("天水", "admin");
        var other = await OrganizationUnits_Http_Tests<THost>.CreateAsync(tianshuiAdmin, $"TS-{suffix}", $"秦州区{suffix}", OrganizationUnitKind.District, null);

        using var official = await host.ClientForAsync(null, "official");
        var response = await official.GetAsync($"/api/app/periods/{period.Id}/cities/{lanzhouId}/units");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var units = (await response.ReadJsonAsync<List<CityUnitDto>>())!;
        units.Single(u => u.Id == district.Id).Path.ShouldBe($"城关区{suffix}");
        var listed = units.Single(u => u.Id == office.Id);
        listed.Name.ShouldBe("政法委");
        listed.Path.ShouldBe($"城关区{suffix} / 政法委");
        units.ShouldNotContain(u => u.Id == closed.Id);
        units.ShouldNotContain(u => u.Id == other.Id);

        var created = await official.PostAsJsonAsync($"/api/app/periods/{period.Id}/lock-exceptions", LockException(lanzhouId, office.Id));
        created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        (await created.ReadJsonAsync<LockExceptionDto>())!.UnitId.ShouldBe(office.Id);
    }

    [Fact]
    public async Task Should_Refuse_The_List_To_A_City_User()
    {
        var period = await host.CreateOpenPeriodAsync();
        var lanzhouId = await host.TenantIdAsync("兰州");
        using var admin = await host.ClientForAsync("兰州", "admin");

        (await admin.GetAsync($"/api/app/periods/{period.Id}/cities/{lanzhouId}/units")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Should_Refuse_A_Lock_Exception_For_A_Unit_Of_Another_City_Beside_The_Unit_Field()
    {
        var period = await host.CreateOpenPeriodAsync();
        var lanzhouId = await host.TenantIdAsync("兰州");
        using var tianshuiAdmin = await host.ClientForAsync("天水", "admin");
        var other = await OrganizationUnits_Http_Tests<THost>.CreateAsync(tianshuiAdmin, $"TS-{Guid.NewGuid():N}"[..12], "麦积区", OrganizationUnitKind.District, null);
        using var official = await host.ClientForAsync(null, "official");
        official.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var refused = await official.PostAsJsonAsync($"/api/app/periods/{period.Id}/lock-exceptions", LockException(lanzhouId, other.Id));

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await refused.ReadProblemAsync()).GetProperty("errors");
        errors.GetProperty("UnitId")[0].GetString().ShouldBe("The unit was not found in the chosen city.");
        var exceptions = await official.GetFromJsonAsync<List<LockExceptionDto>>($"/api/app/periods/{period.Id}/lock-exceptions", HttpJson.Options);
        exceptions!.ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_Answer_404_For_An_Unknown_City_Or_Period()
    {
        var period = await host.CreateOpenPeriodAsync();
        var lanzhouId = await host.TenantIdAsync("兰州");
        using var official = await host.ClientForAsync(null, "official");

        (await official.GetAsync($"/api/app/periods/{period.Id}/cities/{Guid.NewGuid()}/units")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await official.GetAsync($"/api/app/periods/{Guid.NewGuid()}/cities/{lanzhouId}/units")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static object LockException(Guid cityId, Guid unitId) => new
    {
        cityId,
        unitId,
        reason = "系统故障补录",
        deadline = ProvinceTime.ToLocal(DateTime.UtcNow).AddDays(3).ToString("yyyy-MM-ddTHH:mm:ss"),
    };
}

public sealed class CityUnits_Http_Sqlite_Tests(SqliteHostFixture host) : CityUnits_Http_Tests<SqliteHostFixture>(host);

public sealed class CityUnits_Http_MySql_Tests(MySqlHostFixture host) : CityUnits_Http_Tests<MySqlHostFixture>(host);

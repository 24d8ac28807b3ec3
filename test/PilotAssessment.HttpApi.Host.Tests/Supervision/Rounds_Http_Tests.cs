using System.Net;
using System.Net.Http.Json;
using PilotAssessment.OrganizationUnits;
using PilotAssessment.Periods;
using Shouldly;
using Xunit;

namespace PilotAssessment.Supervision;

/// <summary>
/// The province plans a round with the units it visits in each city: it reads a city's open units to pick from, and
/// the units stay with the round when it is edited.
/// </summary>
public abstract class Rounds_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    private const string Url = "/api/app/supervision/rounds";

    [Fact]
    public async Task Should_Offer_A_Citys_Open_Units_And_Keep_The_Units_Picked_For_A_Visit()
    {
        var year = host.NewYear();
        using var admin = await host.ClientForAsync("天水", "admin");
        var police = await OrganizationUnits_Http_Tests<THost>.CreateAsync(admin, $"GA-{year}", $"公安局{year}", OrganizationUnitKind.Department, null);
        var justice = await OrganizationUnits_Http_Tests<THost>.CreateAsync(admin, $"SF-{year}", $"司法局{year}", OrganizationUnitKind.Department, null);
        var tianshui = await host.TenantIdAsync("天水");
        using var official = await host.ClientForAsync(null, "official");

        var candidates = await official.GetFromJsonAsync<List<RoundUnitDto>>($"{Url}/unit-candidates?cityId={tianshui}", HttpJson.Options);
        candidates!.Select(u => u.Id).ShouldContain(police.Id);
        candidates.Single(u => u.Id == justice.Id).Name.ShouldBe($"司法局{year}");
        var lanzhou = await official.GetFromJsonAsync<List<RoundUnitDto>>($"{Url}/unit-candidates?cityId={await host.TenantIdAsync("兰州")}", HttpJson.Options);
        lanzhou!.Select(u => u.Id).ShouldNotContain(police.Id);

        var created = await official.PostAsJsonAsync(Url, Round(tianshui, police.Id, justice.Id));
        created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        var round = (await created.ReadJsonAsync<SupervisionRoundDto>())!;
        round.Visits.Single().UnitNames.ShouldBe([$"公安局{year}", $"司法局{year}"], ignoreOrder: true);

        var edited = await official.PutAsJsonAsync($"{Url}/{round.Id}", Round(tianshui, justice.Id) with { Name = "第二轮督导", ConcurrencyStamp = round.ConcurrencyStamp });
        edited.StatusCode.ShouldBe(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        var read = await official.GetFromJsonAsync<SupervisionRoundDto>($"{Url}/{round.Id}", HttpJson.Options);
        read!.Visits.Single().UnitIds.ShouldBe([justice.Id]);

        // A unit of another city is refused for the visit.
        var wrongCity = await official.PostAsJsonAsync(Url, Round(await host.TenantIdAsync("兰州"), police.Id));
        wrongCity.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrongCity.ReadProblemAsync()).GetProperty("errors").TryGetProperty("visits[0].unitIds", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Should_Refuse_Unit_Candidates_Of_An_Unknown_City_And_To_A_City()
    {
        using var official = await host.ClientForAsync(null, "official");
        official.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var unknown = await official.GetAsync($"{Url}/unit-candidates?cityId={Guid.NewGuid()}");
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.ReadProblemAsync()).GetProperty("errors").GetProperty("cityId")[0].GetString().ShouldBe("This pilot city was not found.");
        (await official.GetAsync($"{Url}/unit-candidates")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        using var city = await host.ClientForAsync("天水", "admin");
        (await city.GetAsync($"{Url}/unit-candidates?cityId={await host.TenantIdAsync("天水")}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static RoundInput Round(Guid city, params Guid[] units) =>
        new("督导检查", null, new DateOnly(2030, 5, 6), new DateOnly(2030, 5, 10), [new VisitInput(city, units)], [], null);

    private sealed record VisitInput(Guid CityId, Guid[] UnitIds);

    private sealed record RoundInput(string Name, string? PeriodLabel, DateOnly StartDate, DateOnly EndDate, VisitInput[] Visits, Guid[] MemberUserIds, string? ConcurrencyStamp);
}

public sealed class Rounds_Http_Sqlite_Tests(SqliteHostFixture host) : Rounds_Http_Tests<SqliteHostFixture>(host);

public sealed class Rounds_Http_MySql_Tests(MySqlHostFixture host) : Rounds_Http_Tests<MySqlHostFixture>(host);

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using PilotAssessment.Identity;
using PilotAssessment.OrganizationUnits;
using Shouldly;

namespace PilotAssessment.DataEntry;

/// <summary>Unit members for the tests of what a unit's users may see.</summary>
internal static class UnitTestClient
{
    /// <summary>A password the policy accepts (long enough and not a common one).</summary>
    public const string UserPassword = "Pilot-Assess-2026!";

    /// <summary>A new clerk of the city, member of the unit, signed in.</summary>
    public static async Task<HttpClient> CreateMemberAsync(PilotAssessmentHostFixture host, HttpClient admin, string city, Guid unitId, string userName)
    {
        var created = await admin.PostAsJsonAsync("/api/app/users", new CreateUserInput { UserName = userName, Name = userName, Password = UserPassword, RoleNames = ["clerk"] });
        created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        var users = await admin.GetFromJsonAsync<Dtos.PagedResultDto<UserDto>>("/api/app/users?maxResultCount=1000", HttpJson.Options);
        var userId = users!.Items.Single(u => u.UserName == userName).Id;
        (await admin.PostAsync($"/api/app/organization-units/{unitId}/members/{userId}", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = await host.SignInAsync(city, userName, UserPassword);
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }
}

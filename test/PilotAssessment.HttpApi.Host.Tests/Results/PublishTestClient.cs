using System.Net;
using System.Net.Http.Json;
using PilotAssessment.DataEntry;
using Shouldly;

namespace PilotAssessment.Results;

/// <summary>Publishing over HTTP as the tests need it: every city approved, or the others left out with a reason.</summary>
public static class PublishTestClient
{
    public static readonly string[] Cities = ["兰州", "天水", "酒泉", "张掖", "金昌"];

    /// <summary>Publishes the period leaving out (未参评) every city not approved and closing an open window early, each with a reason.</summary>
    public static async Task<HttpResponseMessage> PublishLeavingOutAsync(this PilotAssessmentHostFixture host, HttpClient official, Guid periodId)
    {
        using var auditor = await host.ClientForAsync(null, "auditor");
        var submissions = await auditor.GetFromJsonAsync<List<SubmissionDto>>($"/api/app/reviews/periods/{periodId}/submissions", HttpJson.Options);
        var input = new PublishPeriodInput
        {
            EarlyCloseReason = "提前截止：全部城市已报送",
            LeftOut = submissions!.Where(s => s.Status != "Approved").Select(s => new LeftOutCityInput { CityId = s.CityId, Reason = "未按期报送" }).ToList(),
        };
        return await official.PostAsJsonAsync($"/api/app/results/periods/{periodId}/publish", input);
    }

    /// <summary>Every seeded city submits what it has and the auditor approves it.</summary>
    public static async Task ApproveEveryCityAsync(this PilotAssessmentHostFixture host, Guid periodId)
    {
        using var auditor = await host.ClientForAsync(null, "auditor");
        foreach (var city in Cities)
        {
            var id = await host.TenantIdAsync(city);
            var submissions = await auditor.GetFromJsonAsync<List<SubmissionDto>>($"/api/app/reviews/periods/{periodId}/submissions", HttpJson.Options);
            var status = submissions!.Single(s => s.CityId == id).Status;
            if (status is "Draft" or "Returned")
            {
                using var admin = await host.ClientForAsync(city, "admin");
                var submitted = await admin.PostAsync($"/api/app/data-entry/periods/{periodId}/submit", null);
                submitted.StatusCode.ShouldBe(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
            }

            if (status != "Approved")
            {
                var approved = await auditor.PostAsync($"/api/app/reviews/periods/{periodId}/cities/{id}/approve", null);
                approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
            }
        }
    }
}

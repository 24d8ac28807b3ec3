using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Shouldly;

namespace PilotAssessment.Feeds;

/// <summary>Registers feed clients and calls the feed endpoints as a department's system would.</summary>
public static class FeedTestClient
{
    public static async Task<FeedClientCreatedDto> RegisterAsync(HttpClient manager, List<Guid> cityIds, params string[] codes)
    {
        var response = await manager.PostAsJsonAsync("/api/app/feeds/clients", new CreateFeedClientInput
        {
            Name = "警情推送",
            Department = "公安局",
            CityIds = cityIds,
            AllIndicators = codes.Length == 0,
            IndicatorCodes = [.. codes],
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<FeedClientCreatedDto>())!;
    }

    public static async Task<HttpResponseMessage> RequestTokenAsync(this PilotAssessmentHostFixture host, Guid clientId, string secret)
    {
        using var anonymous = host.CreateClient();
        return await anonymous.PostAsync("/api/feeds/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId.ToString(),
            ["client_secret"] = secret,
        }));
    }

    /// <summary>An HTTP client carrying the feed client's access token.</summary>
    public static async Task<HttpClient> FeedClientAsync(this PilotAssessmentHostFixture host, FeedClientCreatedDto created)
    {
        var response = await host.RequestTokenAsync(created.Client.Id, created.ClientSecret);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var token = (await response.ReadJsonAsync<FeedTokenDto>())!;
        token.ExpiresIn.ShouldBe(15 * 60);
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    public static Task<HttpResponseMessage> ImportAsync(this HttpClient feed, object body, string? key, bool dryRun = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/feeds/values?dryRun={(dryRun ? "true" : "false")}") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return feed.SendAsync(request);
    }

    public static Task<HttpResponseMessage> ImportCsvAsync(this HttpClient feed, string csv, string? key, bool dryRun = false)
    {
        var content = new ByteArrayContent([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/feeds/values?dryRun={(dryRun ? "true" : "false")}") { Content = content };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return feed.SendAsync(request);
    }

    public static object Rows(params object[] rows) => new { rows };

    public static object Row(string city, Guid periodId, string indicator, object value, string? note = null) =>
        new { city, period = periodId.ToString(), indicator, value, note };
}

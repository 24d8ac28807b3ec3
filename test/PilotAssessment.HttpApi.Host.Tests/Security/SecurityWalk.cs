using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PilotAssessment.Agreements;
using PilotAssessment.DataEntry;
using PilotAssessment.Dtos;
using PilotAssessment.Identity;
using PilotAssessment.OrganizationUnits;
using PilotAssessment.Periods;
using PilotAssessment.Results;
using PilotAssessment.Schemes;
using Shouldly;
using Xunit.Abstractions;

namespace PilotAssessment.Security;

/// <summary>Ids a user can see, filed by key (<see cref="OpenApiRequestFactory.Key(string)"/>), in the order found.</summary>
public sealed class IdBook
{
    private readonly Dictionary<string, List<Guid>> _ids = [];

    public IEnumerable<string> Keys => _ids.Keys;

    public IReadOnlyList<Guid> this[string key] => _ids.TryGetValue(key, out var list) ? list : [];

    public IEnumerable<Guid> All => _ids.Values.SelectMany(v => v).Distinct();

    public void Add(string key, Guid id)
    {
        if (!_ids.TryGetValue(key, out var list))
        {
            _ids[key] = list = [];
        }

        if (id != Guid.Empty && !list.Contains(id))
        {
            list.Add(id);
        }
    }

    public Guid? First(string key) => this[key].Count > 0 ? this[key][0] : null;

    public IdBook Merge(IdBook other)
    {
        foreach (var key in other.Keys)
        {
            foreach (var id in other[key])
            {
                Add(key, id);
            }
        }

        return this;
    }

    /// <summary>The ids of this book that <paramref name="other"/> does not hold under any key.</summary>
    public IdBook Except(IdBook other)
    {
        var seen = other.All.ToHashSet();
        var result = new IdBook();
        foreach (var key in Keys)
        {
            foreach (var id in this[key].Where(i => !seen.Contains(i)))
            {
                result.Add(key, id);
            }
        }

        return result;
    }

    /// <summary>Files every id of a JSON answer: "id" under the key of where it stands, "…Id" under its own name.</summary>
    public void Read(JsonElement element, string key)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Read(item, key);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var isGuid = property.Value.ValueKind == JsonValueKind.String && Guid.TryParse(property.Value.GetString(), out _);
                    if (isGuid && property.NameEquals("id"))
                    {
                        Add(key, Guid.Parse(property.Value.GetString()!));
                    }
                    else if (isGuid && property.Name.EndsWith("Id", StringComparison.Ordinal))
                    {
                        Add(OpenApiRequestFactory.Key(property.Name), Guid.Parse(property.Value.GetString()!));
                    }
                    else if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        Read(property.Value, property.Name is "items" or "children" ? key : OpenApiRequestFactory.Key(property.Name));
                    }
                }

                break;
        }
    }
}

/// <summary>What one request answered.</summary>
public sealed record ApiAnswer(HttpStatusCode Status, string Body, string? ContentType)
{
    public int Code => (int)Status;

    public bool IsSuccess => Code is >= 200 and < 300;

    public bool IsProblem => ContentType is "application/problem+json" or "application/json" && Body.Contains("\"title\"", StringComparison.Ordinal);

    public bool IsValidationProblem => Code == 400 && Body.Contains("\"errors\"", StringComparison.Ordinal);

    public string Detail
    {
        get
        {
            try
            {
                using var json = JsonDocument.Parse(Body);
                return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("title", out var title) ? title.ToString() : Cut(Body);
            }
            catch (JsonException)
            {
                return Cut(Body);
            }
        }
    }

    private static string Cut(string text) => text.Length > 160 ? text[..160] + "…" : text;
}

/// <summary>The violations a walk found, failed at once as one readable list.</summary>
public sealed class Violations(ITestOutputHelper output)
{
    private readonly List<(string Class, string Line)> _found = [];

    public int Count => _found.Count;

    public void Add(ApiOperation operation, string kind, ApiAnswer answer, string? note = null) =>
        _found.Add((kind, $"{operation} — {kind} — {answer.Code} — {note ?? answer.Detail}"));

    public void ShouldBeEmpty(string title)
    {
        var text = string.Join("\n", _found.GroupBy(f => f.Class).SelectMany(g => g.Select(f => f.Line).Distinct().Prepend($"[{g.Key}]")));
        output.WriteLine($"{title}: {_found.Count} violation(s)\n{text}");
        _found.ShouldBeEmpty($"{title}:\n{text}");
    }
}

/// <summary>Sending requests, collecting the ids a user sees and seeding a city with some of everything.</summary>
public static class SecurityWalk
{
    public static async Task<ApiAnswer> SendAsync(HttpClient client, ApiRequest request)
    {
        using var message = request.ToMessage();
        using var response = await client.SendAsync(message);
        return new ApiAnswer(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>
    /// Calls every GET operation the user's ids can fill (those without path parameters first, then twice more with
    /// the ids found) and files the ids of every JSON answer.
    /// </summary>
    public static async Task<IdBook> CollectAsync(HttpClient client, OpenApiRequestFactory api)
    {
        var book = new IdBook();
        var done = new HashSet<string>();
        for (var round = 0; round < 3; round++)
        {
            foreach (var operation in api.Operations.Where(o => o.Method == "GET"))
            {
                var uuidKeys = operation.PathParameters
                    .Where(p => api.Resolve(p.Schema).TryGetProperty("format", out var f) && f.GetString() == "uuid")
                    .Select(p => OpenApiRequestFactory.Key(operation, p.Name)).ToList();
                if (uuidKeys.Any(k => book[k].Count == 0))
                {
                    continue;
                }

                var tries = uuidKeys.Count == 0 ? 1 : Math.Min(4, uuidKeys.Max(k => book[k].Count));
                for (var i = 0; i < tries; i++)
                {
                    var request = api.Build(operation, key => book[key].Count > 0 ? book[key][Math.Min(i, book[key].Count - 1)] : null);
                    foreach (var filter in request.Query.Keys.Where(q => !q.Equals("MaxResultCount", StringComparison.OrdinalIgnoreCase)).ToList())
                    {
                        request.Query.Remove(filter); // everything the user sees, not a filtered part of it
                    }

                    if (!done.Add(request.Url))
                    {
                        continue;
                    }

                    var answer = await SendAsync(client, request);
                    if (answer.IsSuccess && answer.ContentType == "application/json")
                    {
                        var literal = operation.Path.Split('/').Last(s => !s.StartsWith('{'));
                        book.Read(JsonDocument.Parse(answer.Body).RootElement, OpenApiRequestFactory.Key(operation.Path.EndsWith('}') ? operation.Path.Split('/')[^2] : literal));
                    }
                }
            }
        }

        return book;
    }

    /// <summary>
    /// Gives the city some of everything: an open period, an agreement in force with an attachment and progress, a unit with
    /// a member, lines with evidence; with <paramref name="publish"/> the period's results are published.
    /// </summary>
    public static async Task SeedCityAsync(SecurityHostFixture host, string city, int year, bool publish)
    {
        var official = await host.UserAsync(null, "official");
        var admin = await host.UserAsync(city, "admin");
        var period = await OpenPeriodAsync(official, year);
        var agreement = await AgreementTestClient.InForceAsync(host, official, city, year);
        (await AgreementTestClient.UploadAsync(admin, agreement.Id, AgreementTestClient.Pdf, "scan.pdf")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AgreementTestClient.ReportAsync(admin, agreement.Id, "K02", 10)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var unit = await CreateUnitAsync(admin, $"SEC-{year}", "安全测试单位");
        var walker = await CreateUserAsync(admin, $"walker{year}");
        (await admin.PostAsync($"/api/app/organization-units/{unit.Id}/members/{walker}", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var lines = $"/api/app/data-entry/periods/{period.Id}/lines";
        var f01 = await OkAsync<EntryLineDto>(await admin.PutAsJsonAsync($"{lines}/F01", new SaveEntryLineInput { Value = new EntryValueDto { Grade = "优" } }));
        (await admin.PostAsync($"/api/app/data-entry/lines/{f01.Id}/evidence", PdfForm())).StatusCode.ShouldBe(HttpStatusCode.OK);
        await OkAsync<EntryLineDto>(await admin.PutAsJsonAsync($"{lines}/B04", new SaveEntryLineInput { Value = new EntryValueDto { Number = 80 } }));
        if (!publish)
        {
            return;
        }

        (await admin.PostAsync($"/api/app/data-entry/periods/{period.Id}/submit", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var auditor = await host.UserAsync(null, "auditor");
        (await auditor.PostAsync($"/api/app/reviews/periods/{period.Id}/cities/{await host.TenantIdAsync(city)}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.PublishLeavingOutAsync(official, period.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    public static Task<PeriodDto> OpenPeriodAsync(HttpClient official, int year) => Periods.PeriodTestClient.CreateOpenPeriodAsync(official, year);

    public static async Task<OrganizationUnitDto> CreateUnitAsync(HttpClient admin, string code, string name) =>
        await OkAsync<OrganizationUnitDto>(await admin.PostAsJsonAsync("/api/app/organization-units", new CreateOrganizationUnitInput { Code = code, Name = name, Kind = OrganizationUnitKind.Department }));

    /// <summary>A clerk of the admin's city; the password meets the stricter policy (10 characters, not a common one).</summary>
    public static async Task<Guid> CreateUserAsync(HttpClient admin, string userName) =>
        (await OkAsync<UserDto>(await admin.PostAsJsonAsync("/api/app/users", new CreateUserInput { UserName = userName, Name = userName, Password = UserPassword, RoleNames = ["clerk"] }))).Id;

    public const string UserPassword = "Pilot-Assess-2026!";

    public static MultipartFormDataContent PdfForm()
    {
        var file = new ByteArrayContent(OpenApiRequestFactory.Pdf);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { file, "file", "evidence.pdf" } };
    }

    private static async Task<T> OkAsync<T>(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<T>())!;
    }
}

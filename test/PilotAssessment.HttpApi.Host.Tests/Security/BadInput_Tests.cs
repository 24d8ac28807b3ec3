using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;
using Xunit.Abstractions;

namespace PilotAssessment.Security;

/// <summary>
/// Every operation, called by a user who may call it, with each class of bad input: a clear 400 (or 404, 409, 413, 415),
/// written as ProblemDetails, never a 500 and never accepted.
/// </summary>
public abstract class BadInput_Tests<THost>(THost host, ITestOutputHelper output) : IClassFixture<THost>
    where THost : SecurityHostFixture
{
    private static readonly int[] Refusals = [400, 404, 409, 413, 415];

    /// <summary>Who tries each operation: the first that is let in (not 401/403) keeps it.</summary>
    private static readonly (string? Tenant, string User)[] Actors = [("兰州", "admin"), ("兰州", "clerk"), (null, "admin"), (null, "official"), (null, "auditor")];

    private HttpClient? _anonymous;

    [Fact]
    public async Task Should_Refuse_Every_Class_Of_Bad_Input_With_A_400_And_Never_A_500()
    {
        var api = await host.ApiAsync();
        await SecurityWalk.SeedCityAsync(host, "兰州", 2032, publish: false);
        var books = new Dictionary<string, IdBook>();
        var violations = new Violations(output);
        var tried = 0;
        var nobody = new List<string>();

        foreach (var operation in api.Operations.OrderBy(o => o.Method == "DELETE"))
        {
            var (client, name) = await ActorAsync(api, operation);
            if (client is null)
            {
                nobody.Add(operation.ToString());
                continue;
            }

            if (!books.TryGetValue(name, out var book))
            {
                books[name] = book = await SecurityWalk.CollectAsync(client, api);
            }

            var valid = api.Build(operation, book.First);
            foreach (var (kind, request, extra) in Variants(api, operation, valid, book.First))
            {
                tried++;
                var answer = await SecurityWalk.SendAsync(client, request);
                if (answer.Code >= 500)
                {
                    violations.Add(operation, $"{kind} → 500", answer);
                }
                else if (!Refusals.Contains(answer.Code) && !extra.Contains(answer.Code) && !(name == "anonymous" && answer.Code == 401))
                {
                    violations.Add(operation, $"{kind} → not refused", answer, $"{answer.Detail} (as {name}: {request.Url})");
                }
                else if (answer.Code == 400 && !answer.IsProblem)
                {
                    violations.Add(operation, $"{kind} → 400 without ProblemDetails", answer);
                }
            }
        }

        output.WriteLine($"{tried} bad requests sent; operations nobody may call: {(nobody.Count == 0 ? "none" : string.Join(", ", nobody))}");
        _anonymous?.Dispose();
        violations.ShouldBeEmpty("Bad input");
    }

    private async Task<(HttpClient? Client, string Name)> ActorAsync(OpenApiRequestFactory api, ApiOperation operation)
    {
        if (Unauthenticated_Tests<THost>.Anonymous.Contains(operation.ToString()))
        {
            return (_anonymous ??= host.CreateClient(), "anonymous");
        }

        // Authorization comes before the body is read: a malformed body and random ids change nothing while probing.
        var probe = api.Build(operation, _ => null);
        if (operation.JsonBody is not null)
        {
            probe.Content = () => new StringContent("{", Encoding.UTF8, "application/json");
        }

        foreach (var (tenant, user) in Actors)
        {
            var client = await host.UserAsync(tenant, user);
            var answer = await SecurityWalk.SendAsync(client, probe);
            if (answer.Code is not (401 or 403))
            {
                return (client, $"{tenant ?? "host"}/{user}");
            }
        }

        return (null, "");
    }

    private static IEnumerable<(string Kind, ApiRequest Request, int[] Extra)> Variants(OpenApiRequestFactory api, ApiOperation operation, ApiRequest valid, Func<string, Guid?> ids)
    {
        ApiRequest Json(string json)
        {
            var request = valid.Copy();
            request.Content = () => new StringContent(json, Encoding.UTF8, "application/json");
            return request;
        }

        if (operation.JsonBody is { } schema)
        {
            var body = api.Sample(schema, ids)!;
            foreach (var slot in api.Slots(schema, body))
            {
                switch (slot.Kind)
                {
                    case "array":
                        yield return ($"null element in array ({slot})", Json(OpenApiRequestFactory.With(body, slot, new JsonArray((JsonNode?)null)).ToJsonString()), []);
                        break;
                    case "map":
                        yield return ($"null value in map ({slot})", Json(OpenApiRequestFactory.With(body, slot, new JsonObject { ["B01"] = null }).ToJsonString()), []);
                        break;
                    case "enum":
                        yield return ($"enum value 99 ({slot})", Json(OpenApiRequestFactory.With(body, slot, 99).ToJsonString()), []);
                        break;
                    case "string":
                        yield return ($"100,000-character string ({slot})", Json(OpenApiRequestFactory.With(body, slot, new string('长', 100_000)).ToJsonString()), []);
                        break;
                    case "integer" or "number" or "boolean":
                        yield return ($"string for a {slot.Kind} ({slot})", Json(OpenApiRequestFactory.With(body, slot, "not-a-number").ToJsonString()), []);
                        break;
                }
            }

            if (body is JsonObject padded)
            {
                padded = (JsonObject)padded.DeepClone();
                padded["padding"] = new string('x', 2 * 1024 * 1024);
                yield return ("2 MB body", Json(padded.ToJsonString()), []);
            }

            yield return ("malformed JSON", Json("{\"" + (body is JsonObject o && o.Count > 0 ? o.First().Key : "a") + "\": [1, "), []);
            yield return ("string instead of an object", Json("\"text\""), []);
        }

        foreach (var parameter in operation.Parameters.Where(p => p.In == "query"))
        {
            var type = api.Resolve(parameter.Schema).GetProperty("type").GetString();
            if (type is "integer" or "boolean" || valid.Query.ContainsKey(parameter.Name))
            {
                var request = valid.Copy();
                request.Query[parameter.Name] = "not-a-number";
                yield return ($"wrong type in query ({parameter.Name})", request, []);
            }
        }

        foreach (var parameter in operation.PathParameters.Where(p => api.Resolve(p.Schema).TryGetProperty("format", out var f) && f.GetString() == "uuid"))
        {
            var request = valid.Copy();
            request.Path[parameter.Name] = "not-a-guid";
            yield return ($"non-GUID path id ({parameter.Name})", request, [405]);
        }

        if (operation.PathParameters.Any())
        {
            var request = api.Build(operation, _ => null);
            request.Content = valid.Content;
            yield return ("random GUID path ids", request, []);
        }

        if (operation.FormBody is { } form)
        {
            var zip = new MemoryStream();
            using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            {
                using var entry = new StreamWriter(archive.CreateEntry("hello.txt").Open());
                entry.Write("not an office document");
            }

            var files = new (string Kind, byte[]? Bytes, string Name)[]
            {
                ("HTML named .pdf", "<html>not a pdf</html>"u8.ToArray(), "scan.pdf"),
                ("HTML named .xlsx", "<html>not a workbook</html>"u8.ToArray(), "book.xlsx"),
                ("text named .json", "not json at all"u8.ToArray(), "scheme.json"),
                ("empty file", [], "empty.xlsx"),
                ("zip that is not an OOXML package", zip.ToArray(), "book.xlsx"),
                ("zip named .pdf", zip.ToArray(), "scan.pdf"),
                ("no file part", null, ""),
            };
            foreach (var (kind, bytes, name) in files)
            {
                var request = valid.Copy();
                request.Content = () => api.Form(form, _ => null, bytes, name);
                yield return ($"upload: {kind}", request, []);
            }
        }
    }
}

public sealed class BadInput_Sqlite_Tests(SecuritySqliteHostFixture host, ITestOutputHelper output) : BadInput_Tests<SecuritySqliteHostFixture>(host, output);

public sealed class BadInput_MySql_Tests(SecurityMySqlHostFixture host, ITestOutputHelper output) : BadInput_Tests<SecurityMySqlHostFixture>(host, output);

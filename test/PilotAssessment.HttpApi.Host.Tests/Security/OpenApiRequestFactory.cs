using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PilotAssessment.Security;

public sealed record ApiParameter(string Name, string In, JsonElement Schema);

/// <summary>One path + method of the OpenAPI document.</summary>
public sealed record ApiOperation(string Method, string Path, IReadOnlyList<ApiParameter> Parameters, JsonElement? JsonBody, JsonElement? FormBody)
{
    public IEnumerable<ApiParameter> PathParameters => Parameters.Where(p => p.In == "path");

    public override string ToString() => $"{Method} {Path}";
}

/// <summary>A request to send, built from an operation; the walks change its parts before sending.</summary>
public sealed class ApiRequest(ApiOperation operation)
{
    public ApiOperation Operation { get; } = operation;

    public Dictionary<string, string> Path { get; } = [];

    public Dictionary<string, string> Query { get; } = [];

    public Func<HttpContent>? Content { get; set; }

    public string Url
    {
        get
        {
            var path = Path.Aggregate(Operation.Path, (p, v) => p.Replace("{" + v.Key + "}", Uri.EscapeDataString(v.Value), StringComparison.Ordinal));
            return Query.Count == 0 ? path : path + "?" + string.Join("&", Query.Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value)}"));
        }
    }

    public HttpRequestMessage ToMessage() => new(new HttpMethod(Operation.Method), Url) { Content = Content?.Invoke() };

    public ApiRequest Copy()
    {
        var copy = new ApiRequest(Operation) { Content = Content };
        foreach (var (k, v) in Path)
        {
            copy.Path[k] = v;
        }

        foreach (var (k, v) in Query)
        {
            copy.Query[k] = v;
        }

        return copy;
    }
}

/// <summary>A place in a JSON body the schema types: a path of property names and array indexes.</summary>
public sealed record BodySlot(IReadOnlyList<object> Path, JsonElement Schema, string Kind)
{
    public override string ToString() => string.Concat(Path.Select(p => p is int i ? $"[{i}]" : $".{p}")).TrimStart('.');
}

/// <summary>
/// Reads the operations of an OpenAPI document and builds requests for them: path and query values from the ids a
/// walk has found (or made up), JSON bodies and multipart forms generated from the schemas.
/// </summary>
public sealed class OpenApiRequestFactory(JsonElement document)
{
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    public JsonElement Document { get; } = document;

    public IReadOnlyList<ApiOperation> Operations { get; } = document.GetProperty("paths").EnumerateObject()
        .SelectMany(path => path.Value.EnumerateObject().Select(op => Read(path.Name, op.Name, op.Value)))
        .ToList();

    /// <summary>The key ids are filed under: "agreements/{id}" → agreement, "lineId" → line, "responsibleUnitId" → unit.</summary>
    public static string Key(string name)
    {
        var word = name.Split('-', '/').Last(w => w.Length > 0);
        if (word.Length > 2 && word.EndsWith("Id", StringComparison.Ordinal))
        {
            word = word[..^2];
        }

        var start = Enumerable.Range(0, word.Length).LastOrDefault(i => char.IsUpper(word[i]));
        word = word[start..].ToLowerInvariant();
        word = word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y"
            : word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;
        return word switch
        {
            "city" => "tenant",
            "parent" => "unit",
            _ => word,
        };
    }

    /// <summary>The key of a path parameter: "{id}" takes the segment before it, "{otherId}" the key of the first id.</summary>
    public static string Key(ApiOperation operation, string parameter)
    {
        if (parameter == "otherId")
        {
            return Key(operation, operation.PathParameters.First().Name);
        }

        if (parameter != "id")
        {
            return Key(parameter);
        }

        var segments = operation.Path.Split('/');
        return Key(segments[Array.IndexOf(segments, "{id}") - 1]);
    }

    /// <summary>A request that should pass the host's model validation, with ids from <paramref name="ids"/> (by key).</summary>
    public ApiRequest Build(ApiOperation operation, Func<string, Guid?> ids)
    {
        var request = new ApiRequest(operation);
        foreach (var parameter in operation.Parameters)
        {
            var schema = Resolve(parameter.Schema);
            var key = parameter.In == "path" ? Key(operation, parameter.Name) : Key(parameter.Name);
            var value = Format(schema) == "uuid" ? (ids(key) ?? Guid.NewGuid()).ToString()
                : Type(schema) == "string" && parameter.In == "path" ? "B01"
                : Type(schema) is "integer" or "boolean" ? Sample(schema, ids, parameter.Name)!.ToJsonString()
                : null;
            if (value is not null)
            {
                (parameter.In == "path" ? request.Path : request.Query)[parameter.Name] = value;
            }
        }

        if (operation.JsonBody is { } body)
        {
            var json = Sample(body, ids)?.ToJsonString() ?? "null";
            request.Content = () => new StringContent(json, Encoding.UTF8, "application/json");
        }
        else if (operation.FormBody is { } form)
        {
            request.Content = () => Form(form, ids, Pdf, "evidence.pdf");
        }

        return request;
    }

    /// <summary>A multipart form of the schema's fields with <paramref name="file"/> as every binary part (none if null).</summary>
    public MultipartFormDataContent Form(JsonElement schema, Func<string, Guid?> ids, byte[]? file, string fileName)
    {
        var content = new MultipartFormDataContent();
        foreach (var property in Properties(Resolve(schema)))
        {
            var propertySchema = Resolve(property.Value);
            if (Format(propertySchema) == "binary")
            {
                if (file is not null)
                {
                    var part = new ByteArrayContent(file);
                    part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                    content.Add(part, property.Name, fileName);
                }
            }
            else if (Sample(propertySchema, ids, property.Name) is JsonValue value)
            {
                content.Add(new StringContent(value.TryGetValue<string>(out var s) ? s : value.ToJsonString()), property.Name);
            }
        }

        return content;
    }

    /// <summary>A valid-looking value of the schema: one element per array, one entry per map, limits respected.</summary>
    public JsonNode? Sample(JsonElement schema, Func<string, Guid?> ids, string? name = null, int depth = 0)
    {
        schema = Resolve(schema);
        if (schema.TryGetProperty("enum", out var values))
        {
            return JsonNode.Parse(values[0].GetRawText());
        }

        var lower = name?.ToLowerInvariant() ?? "";
        switch (Type(schema))
        {
            case "string":
                return Format(schema) switch
                {
                    "uuid" => (ids(Key(name ?? "id")) ?? Guid.NewGuid()).ToString(),
                    "date-time" or "date" => DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
                    "email" => "walk@example.com",
                    "binary" => null,
                    _ when lower.Contains("password", StringComparison.Ordinal) => "Pilot-Assess-2026!",
                    _ when lower.EndsWith("code", StringComparison.Ordinal) => "B01",
                    _ => new string('x', Math.Max(1, Math.Min(Int(schema, "minLength") ?? 1, Int(schema, "maxLength") ?? 8))),
                };
            case "integer":
            case "number":
                {
                    var min = Int(schema, "minimum");
                    var max = Int(schema, "maximum");
                    var value = lower.Contains("year", StringComparison.Ordinal) ? DateTime.UtcNow.Year
                        : lower.Contains("maxresultcount", StringComparison.Ordinal) ? max ?? 100
                        : lower.Contains("statuscode", StringComparison.Ordinal) ? 200
                        : min ?? 1;
                    return Math.Clamp(value, min ?? int.MinValue, max ?? int.MaxValue);
                }

            case "boolean":
                return true;
            case "array":
                return depth > 5 ? new JsonArray() : new JsonArray(Sample(schema.GetProperty("items"), ids, Singular(name), depth + 1));
            default:
                var result = new JsonObject();
                if (depth > 5)
                {
                    return result;
                }

                foreach (var property in Properties(schema))
                {
                    result[property.Name] = Sample(property.Value, ids, property.Name, depth + 1);
                }

                if (schema.TryGetProperty("additionalProperties", out var map) && map.ValueKind == JsonValueKind.Object)
                {
                    result["B01"] = Sample(map, ids, name, depth + 1);
                }

                return result;
        }
    }

    /// <summary>Every typed place of <paramref name="node"/>, a body generated by <see cref="Sample"/> for the schema.</summary>
    public IEnumerable<BodySlot> Slots(JsonElement schema, JsonNode? node, List<object>? path = null)
    {
        path ??= [];
        schema = Resolve(schema);
        var kind = schema.TryGetProperty("enum", out _) ? "enum"
            : Type(schema) is { } t && t != "object" ? t
            : schema.TryGetProperty("additionalProperties", out var map) && map.ValueKind == JsonValueKind.Object ? "map"
            : Properties(schema).Any() ? "object" : "any";
        if (path.Count > 0 && kind != "object" && kind != "any")
        {
            yield return new BodySlot([.. path], schema, kind);
        }

        var children = kind switch
        {
            "array" when node is JsonArray { Count: > 0 } => [((object)0, schema.GetProperty("items"), node[0])],
            "map" when node is JsonObject o => o.Select(e => ((object)e.Key, schema.GetProperty("additionalProperties"), e.Value)).ToList(),
            "object" when node is JsonObject o => Properties(schema).Select(p => ((object)p.Name, p.Value, o[p.Name])).ToList(),
            _ => new List<(object, JsonElement, JsonNode?)>(),
        };
        foreach (var (step, childSchema, child) in children)
        {
            foreach (var slot in Slots(childSchema, child, [.. path, step]))
            {
                yield return slot;
            }
        }
    }

    /// <summary>A copy of <paramref name="body"/> with <paramref name="value"/> at the slot's place.</summary>
    public static JsonNode With(JsonNode body, BodySlot slot, JsonNode? value)
    {
        var copy = body.DeepClone();
        var parent = slot.Path.SkipLast(1).Aggregate(copy, (n, step) => step is int i ? n[i]! : n[(string)step]!);
        switch (slot.Path[^1])
        {
            case int i:
                ((JsonArray)parent)[i] = value;
                break;
            case string name:
                ((JsonObject)parent)[name] = value;
                break;
        }

        return copy;
    }

    public JsonElement Resolve(JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var reference))
        {
            schema = reference.GetString()!.TrimStart('#', '/').Split('/').Aggregate(Document, (e, part) => e.GetProperty(part));
        }

        if (schema.TryGetProperty("allOf", out var all) && all.GetArrayLength() == 1)
        {
            return Resolve(all[0]);
        }

        return schema;
    }

    private static ApiOperation Read(string path, string method, JsonElement operation)
    {
        var parameters = operation.TryGetProperty("parameters", out var list)
            ? list.EnumerateArray().Select(p => new ApiParameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!, p.GetProperty("schema"))).ToList()
            : [];
        JsonElement? json = null, form = null;
        if (operation.TryGetProperty("requestBody", out var body))
        {
            var content = body.GetProperty("content");
            if (content.TryGetProperty("application/json", out var j))
            {
                json = j.GetProperty("schema");
            }
            else if (content.TryGetProperty("multipart/form-data", out var f))
            {
                form = f.GetProperty("schema");
            }
        }

        return new ApiOperation(method.ToUpperInvariant(), path, parameters, json, form);
    }

    private static IEnumerable<JsonProperty> Properties(JsonElement schema) =>
        schema.TryGetProperty("properties", out var p) ? p.EnumerateObject() : [];

    private static string? Type(JsonElement schema) => schema.TryGetProperty("type", out var t) ? t.GetString() : null;

    private static string? Format(JsonElement schema) => schema.TryGetProperty("format", out var f) ? f.GetString() : null;

    private static int? Int(JsonElement schema, string name) =>
        schema.TryGetProperty(name, out var v) && v.TryGetDouble(out var d) ? (int)Math.Clamp(d, int.MinValue, int.MaxValue) : null;

    private static string? Singular(string? name) => name is null ? null : name.EndsWith('s') ? name[..^1] : name;
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace PilotAssessment.Schemes.Json;

/// <summary>A scheme as exchanged in files: header plus definition.</summary>
public sealed record SchemeDocument
{
    public required string Name { get; init; }

    public int Year { get; init; }

    public int Version { get; init; } = 1;

    public int Scale { get; init; } = 100;

    public required SchemeDefinition Definition { get; init; }

    /// <summary>A saved scheme as a file carries it (JSON or xlsx export).</summary>
    public static SchemeDocument Of(Scheme scheme) => new()
    {
        Name = scheme.Name,
        Year = scheme.Year,
        Version = scheme.Version,
        Scale = scheme.Scale,
        Definition = scheme.Definition,
    };
}

/// <summary>Where a JSON text is malformed: a localization code, the JSON path and the 1-based line and byte.</summary>
public sealed record SchemeJsonError(string Code, string? Path, long? Line, long? Position, string Detail);

/// <summary>
/// The one JSON format of schemes: snake_case names, rule and veto kinds in <c>kind</c>, enums as
/// snake_case strings, decimals exact. Use <see cref="SerializeDefinition"/>/<see cref="DeserializeDefinition"/>
/// for the JSON column and <see cref="Serialize"/>/<see cref="TryDeserialize"/> for files.
/// </summary>
public static class SchemeJsonSerializer
{
    public static readonly JsonSerializerOptions Options = CreateOptions(indented: true);

    private static readonly JsonSerializerOptions CompactOptions = CreateOptions(indented: false);

    public static string SerializeDefinition(SchemeDefinition definition) => JsonSerializer.Serialize(definition, CompactOptions);

    /// <exception cref="SchemeJsonException">The text is not a valid definition.</exception>
    public static SchemeDefinition DeserializeDefinition(string json) =>
        Read<SchemeDefinition>(json, out var errors) ?? throw new SchemeJsonException(errors);

    public static string Serialize(SchemeDocument document) => JsonSerializer.Serialize(document, Options);

    public static string Serialize(Scheme scheme) => Serialize(SchemeDocument.Of(scheme));

    /// <summary>Parses a document; on failure returns false with the errors, and nothing is created or changed.</summary>
    public static bool TryDeserialize(string json, out SchemeDocument? document, out IReadOnlyList<SchemeJsonError> errors)
    {
        document = Read<SchemeDocument>(json, out errors);
        return document is not null;
    }

    /// <exception cref="SchemeJsonException">The text is not a valid document.</exception>
    public static SchemeDocument Deserialize(string json) =>
        TryDeserialize(json, out var document, out var errors) ? document! : throw new SchemeJsonException(errors);

    private static T? Read<T>(string json, out IReadOnlyList<SchemeJsonError> errors)
        where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(json, Options);
            if (value is null)
            {
                errors = [new SchemeJsonError(SchemeErrorCodes.JsonMalformed, "$", 1, 0, "null")];
                return null;
            }

            errors = [];
            return value;
        }
        catch (JsonException exception)
        {
            // System.Text.Json counts lines from 0.
            errors = [new SchemeJsonError(SchemeErrorCodes.JsonMalformed, exception.Path, exception.LineNumber + 1, exception.BytePositionInLine + 1, exception.Message)];
            return null;
        }
        catch (NotSupportedException exception)
        {
            // E.g. a rule without "kind": the abstract rule type cannot be created.
            errors = [new SchemeJsonError(SchemeErrorCodes.JsonMalformed, (exception.InnerException as JsonException)?.Path, null, null, exception.Message)];
            return null;
        }
        catch (ArgumentException exception)
        {
            errors = [new SchemeJsonError(SchemeErrorCodes.JsonMalformed, null, null, null, exception.Message)];
            return null;
        }
    }

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = indented,
            AllowOutOfOrderMetadataProperties = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            // Keep Chinese readable in files and columns.
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>Malformed scheme JSON; <see cref="JsonErrors"/> say where.</summary>
public sealed class SchemeJsonException : ExceptionHandling.BusinessException
{
    public SchemeJsonException(IReadOnlyList<SchemeJsonError> errors)
        : base(SchemeErrorCodes.JsonMalformed, errors.FirstOrDefault()?.Path, errors.FirstOrDefault()?.Line)
    {
        JsonErrors = errors;
        foreach (var error in errors)
        {
            WithError(error.Path ?? "$", error.Code, error.Path, error.Line, error.Position);
        }
    }

    public IReadOnlyList<SchemeJsonError> JsonErrors { get; }
}

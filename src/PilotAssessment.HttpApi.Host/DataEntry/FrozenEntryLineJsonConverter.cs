using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using PilotAssessment.Dtos;

namespace PilotAssessment.DataEntry;

/// <summary>
/// Writes an entry line as the serializer would, except that a frozen line (<see cref="FrozenDtos"/>, the lines of a
/// kept entry sheet) is serialized once and its bytes copied into every later response: a city's 150 lines are most
/// of an entry sheet's 160 KiB, and writing them was most of the cost of serving a kept sheet.
/// </summary>
public sealed class FrozenEntryLineJsonConverter : JsonConverter<EntryLineDto>
{
    private readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> _inner = new();

    public override EntryLineDto? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<EntryLineDto>(ref reader, Inner(options));

    public override void Write(Utf8JsonWriter writer, EntryLineDto value, JsonSerializerOptions options)
    {
        var inner = Inner(options);
        if (FrozenDtos.Of(value) is not { } frozen)
        {
            JsonSerializer.Serialize(writer, value, inner);
            return;
        }

        if (frozen.Written is not { } written || !ReferenceEquals(written.Options, options))
        {
            written = (options, JsonSerializer.SerializeToUtf8Bytes(value, inner));
            frozen.Written = written;
        }

        writer.WriteRawValue(written.Json, skipInputValidation: true);
    }

    /// <summary>The same options without this converter, so a line is written by the serializer's own contract.</summary>
    private JsonSerializerOptions Inner(JsonSerializerOptions options) =>
        _inner.GetValue(options, outer =>
        {
            var copy = new JsonSerializerOptions(outer);
            foreach (var converter in copy.Converters.OfType<FrozenEntryLineJsonConverter>().ToList())
            {
                copy.Converters.Remove(converter);
            }

            return copy;
        });
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace PilotAssessment.Hardening;

/// <summary>
/// Enums stay integers on the wire (the generated Angular client depends on it), but a value outside the defined set,
/// numeric (<c>kind: 99</c>) or named, is refused as a field error instead of being stored. Names are accepted too.
/// </summary>
public sealed class StrictEnumConverterFactory : JsonConverterFactory
{
    /// <summary>The localization key of the field error; the handler of invalid model state localizes it.</summary>
    public const string ErrorCode = "Validation:EnumUndefined";

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class StrictEnumConverter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        private static readonly bool IsFlags = typeof(T).IsDefined(typeof(FlagsAttribute), false);

        private static readonly ulong AllFlags = Enum.GetValues<T>().Aggregate(0UL, (all, value) => all | Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture));

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Number when reader.TryGetInt64(out var number):
                    var value = (T)Enum.ToObject(typeof(T), number);
                    return IsDefined(value) ? value : throw Refused(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
                case JsonTokenType.String:
                    var text = reader.GetString() ?? string.Empty;
                    // Names only: a number in quotes, or a name of no member, is not a value of the set.
                    return text.Length > 0 && !char.IsAsciiDigit(text[0]) && text[0] != '-'
                        && Enum.TryParse<T>(text, ignoreCase: true, out var named) && IsDefined(named)
                        ? named
                        : throw Refused(text.Length > 40 ? text[..40] + "…" : text);
                default:
                    throw Refused(string.Empty);
            }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));

        // As map keys, enums are written by name, as the serializer's own converter does.
        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString() ?? string.Empty;
            return Enum.TryParse<T>(text, ignoreCase: true, out var value) && IsDefined(value) ? value : throw Refused(text.Length > 40 ? text[..40] + "…" : text);
        }

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value.ToString());

        private static bool IsDefined(T value) => IsFlags
            ? (Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture) & ~AllFlags) == 0
            : Enum.IsDefined(value);

        private static JsonException Refused(string value) => new($"{ErrorCode}|{value}");
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace PilotAssessment.Localization;

/// <summary>
/// Reads texts from the embedded Localization/PilotAssessment/**/{culture}.json files (ABP's format:
/// <c>{"culture": "...", "texts": {...}}</c>). Lookup walks the UI culture's parents, then falls back to
/// zh-Hans, then English, then the key itself.
/// </summary>
public sealed class JsonStringLocalizer : IStringLocalizer
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> Dictionaries =
        new(LoadDictionaries);

    private readonly CultureInfo? _fixedCulture;

    public JsonStringLocalizer(CultureInfo? fixedCulture = null)
    {
        _fixedCulture = fixedCulture;
    }

    public LocalizedString this[string name]
    {
        get
        {
            var value = Find(name, out var found);
            return new LocalizedString(name, value, resourceNotFound: !found);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = Find(name, out var found);
            var culture = _fixedCulture ?? CultureInfo.CurrentUICulture;
            return new LocalizedString(name, string.Format(culture, format, arguments), resourceNotFound: !found);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures)
    {
        var culture = ResolveCultureName(_fixedCulture ?? CultureInfo.CurrentUICulture);
        return Dictionaries.Value[culture].Select(kv => new LocalizedString(kv.Key, kv.Value));
    }

    public static IReadOnlyDictionary<string, string> GetTexts(string cultureName) =>
        Dictionaries.Value[ResolveCultureName(CultureInfo.GetCultureInfo(cultureName))];

    public static string ResolveCultureName(CultureInfo culture)
    {
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (Dictionaries.Value.ContainsKey(c.Name))
            {
                return c.Name;
            }
        }

        return culture.TwoLetterISOLanguageName == "zh" ? "zh-Hans" : culture.TwoLetterISOLanguageName == "en" ? "en" : PilotAssessmentResource.DefaultCulture;
    }

    private string Find(string name, out bool found)
    {
        var culture = ResolveCultureName(_fixedCulture ?? CultureInfo.CurrentUICulture);
        foreach (var candidate in new[] { culture, PilotAssessmentResource.DefaultCulture, "en" })
        {
            if (Dictionaries.Value.TryGetValue(candidate, out var texts) && texts.TryGetValue(name, out var text))
            {
                found = true;
                return text;
            }
        }

        found = false;
        return name;
    }

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> LoadDictionaries()
    {
        var assembly = typeof(JsonStringLocalizer).Assembly;
        var result = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var resourceName in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resourceName)!;
            using var document = JsonDocument.Parse(stream);
            var culture = document.RootElement.GetProperty("culture").GetString()!;
            if (!result.TryGetValue(culture, out var texts))
            {
                texts = new Dictionary<string, string>(StringComparer.Ordinal);
                result[culture] = texts;
            }

            // Each feature may keep its own file per culture; all files of a culture are merged.
            foreach (var text in document.RootElement.GetProperty("texts").EnumerateObject())
            {
                texts[text.Name] = text.Value.GetString() ?? text.Name;
            }
        }

        return result.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, string>)kv.Value, StringComparer.OrdinalIgnoreCase);
    }
}

public sealed class JsonStringLocalizer<T> : IStringLocalizer<T>
{
    private readonly JsonStringLocalizer _inner = new();

    public LocalizedString this[string name] => _inner[name];

    public LocalizedString this[string name, params object[] arguments] => _inner[name, arguments];

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => _inner.GetAllStrings(includeParentCultures);
}

/// <summary>Makes every <see cref="IStringLocalizer"/> the product resolves read the JSON resource.</summary>
public sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    private static readonly ConcurrentDictionary<string, JsonStringLocalizer> Cache = new();

    public IStringLocalizer Create(Type resourceSource) => Cache.GetOrAdd("default", _ => new JsonStringLocalizer());

    public IStringLocalizer Create(string baseName, string location) => Cache.GetOrAdd("default", _ => new JsonStringLocalizer());
}

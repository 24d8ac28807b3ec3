using PilotAssessment.Schemes.Json;

namespace PilotAssessment.Schemes.SampleData;

/// <summary>The illustrative 100-point scheme (9 categories, 30 indicators, 3 bonus items, 5 vetoes) embedded in this assembly.</summary>
public static class SampleSchemeLoader
{
    public const string ResourceName = "PilotAssessment.Schemes.SampleData.sample-scheme.json";

    public static string ReadJson()
    {
        using var stream = typeof(SampleSchemeLoader).Assembly.GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static SchemeDocument Load() => SchemeJsonSerializer.Deserialize(ReadJson());

    /// <summary>A draft scheme with the sample's content; the caller publishes it (the validator passes it).</summary>
    public static Scheme CreateDraft(Guid id)
    {
        var document = Load();
        return new Scheme(id, document.Name, document.Year, document.Scale, document.Definition);
    }
}

namespace PilotAssessment.Localization;

/// <summary>Marker type of the product's localization resource (Localization/PilotAssessment/*.json).</summary>
public sealed class PilotAssessmentResource
{
    public const string DefaultCulture = "zh-Hans";

    public static readonly string[] SupportedCultures = ["zh-Hans", "en"];
}

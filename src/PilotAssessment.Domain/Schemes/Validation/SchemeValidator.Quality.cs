using PilotAssessment.Quality;

namespace PilotAssessment.Schemes.Validation;

public sealed partial class SchemeValidator
{
    /// <summary>The data-quality bounds of an indicator (docs/adr/0024): a minimum above the maximum admits no value.</summary>
    private static void ValidateBounds(IndicatorDefinition indicator, string target, AddProblem add)
    {
        if (indicator.Min is { } min && indicator.Max is { } max && min > max)
        {
            add(target, QualityErrorCodes.BoundsInverted, min, max);
        }
    }
}

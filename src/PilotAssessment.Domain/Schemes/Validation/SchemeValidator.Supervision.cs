using PilotAssessment.Schemes.Rules;
using PilotAssessment.Supervision;

namespace PilotAssessment.Schemes.Validation;

public sealed partial class SchemeValidator
{
    /// <summary>
    /// An indicator fed from the supervision register gets one occurrence per unrectified problem, which only a
    /// per-occurrence rule scores; any other rule (or a formula) would ignore the register.
    /// </summary>
    private static void ValidateOccurrenceSource(IndicatorDefinition indicator, string target, AddProblem add)
    {
        if (indicator.OccurrenceSource == IndicatorOccurrenceSource.Supervision
            && (indicator.Rule is not PerOccurrenceDeductionRule || indicator.Formula is not null))
        {
            add(target, SchemeErrorCodes.OccurrenceSourceNeedsPerOccurrence);
        }
    }
}

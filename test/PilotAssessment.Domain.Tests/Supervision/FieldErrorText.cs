using System.Globalization;
using PilotAssessment.ExceptionHandling;

namespace PilotAssessment.Supervision;

internal static class FieldErrorText
{
    /// <summary>Each error as "Code|arg|arg".</summary>
    public static string[] AsText(this IEnumerable<FieldError> errors) =>
        errors.Select(e => string.Join('|', e.Arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture)).Prepend(e.Code))).ToArray();
}

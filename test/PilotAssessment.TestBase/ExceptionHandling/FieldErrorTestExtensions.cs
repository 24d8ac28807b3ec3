using System.Globalization;
using PilotAssessment.ExceptionHandling;

namespace PilotAssessment.ExceptionHandling;

public static class FieldErrorTestExtensions
{
    /// <summary>Each error as "Code|arg|arg", compact to compare in a test.</summary>
    public static string[] AsText(this IEnumerable<FieldError> errors) =>
        errors.Select(e => string.Join('|', e.Arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture)).Prepend(e.Code))).ToArray();
}

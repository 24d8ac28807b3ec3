using Microsoft.AspNetCore.Identity;

namespace PilotAssessment.Identity;

public static class IdentityResultExtensions
{
    /// <summary>Turns Identity's (already localized) errors into one business error listing them all.</summary>
    public static void CheckErrors(this IdentityResult result, string field = "")
    {
        if (result.Succeeded)
        {
            return;
        }

        var exception = new BusinessException(PilotAssessmentErrorCodes.IdentityError, string.Join(" ", result.Errors.Select(e => e.Description)));
        foreach (var error in result.Errors)
        {
            exception.WithError(FieldOf(error.Code, field), error.Description);
        }

        throw exception;
    }

    private static string FieldOf(string code, string fallback) => code switch
    {
        _ when code.StartsWith("Password", StringComparison.Ordinal) => "password",
        _ when code.Contains("UserName", StringComparison.Ordinal) => "userName",
        _ when code.Contains("Email", StringComparison.Ordinal) => "email",
        _ when code.Contains("Role", StringComparison.Ordinal) => "name",
        _ => fallback,
    };
}

using PilotAssessment.ExceptionHandling;

namespace PilotAssessment.Results;

internal static class ResultInput
{
    /// <summary>A change after publishing always says why.</summary>
    public static string RequireReason(string? reason) => string.IsNullOrWhiteSpace(reason)
        ? throw new BusinessException(ResultErrorCodes.ReasonRequired).WithError("reason", ResultErrorCodes.ReasonRequired)
        : reason.Trim();
}

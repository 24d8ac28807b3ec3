using PilotAssessment.ExceptionHandling;
using PilotAssessment.Identity;

namespace PilotAssessment.Security;

/// <summary>
/// A user who must change the password (the first administrator) may only change it, sign out and read the
/// application configuration; every other API call is refused with 403 until then.
/// </summary>
public sealed class PasswordChangeRequiredMiddleware(RequestDelegate next)
{
    private static readonly string[] AllowedPaths = ["/api/account/change-password", "/api/account/logout", "/api/app/application-configuration"];

    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.HasClaim(UserSessionCache.MustChangePasswordClaimType, "true")
            && context.Request.Path.StartsWithSegments("/api")
            && !AllowedPaths.Any(p => context.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ForbiddenException(PilotAssessmentErrorCodes.PasswordChangeRequired);
        }

        return next(context);
    }
}

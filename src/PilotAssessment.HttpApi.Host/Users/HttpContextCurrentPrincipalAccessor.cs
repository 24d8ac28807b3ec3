using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace PilotAssessment.Users;

/// <summary>The principal set for the running flow (background jobs, tests), otherwise the HTTP request's user.</summary>
public sealed class HttpContextCurrentPrincipalAccessor(IHttpContextAccessor httpContextAccessor) : ThreadCurrentPrincipalAccessor
{
    public override ClaimsPrincipal? Principal => base.Principal ?? httpContextAccessor.HttpContext?.User;
}

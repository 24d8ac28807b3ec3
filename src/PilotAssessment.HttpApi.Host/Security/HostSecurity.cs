using System.Net;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.HttpOverrides;
using PilotAssessment.Identity;

namespace PilotAssessment.Security;

/// <summary>
/// The host's hardening: the signing-key guard, forwarded headers from known proxies (so rate limiting and the
/// audit log see the client's address), security headers, the security-stamp check of access tokens and
/// Swagger only where wanted.
/// </summary>
public static class HostSecurity
{
    public static void ConfigureServices(WebApplicationBuilder builder)
    {
        SigningKeyGuard.Apply(builder);

        var section = builder.Configuration.GetSection("ForwardedHeaders");
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(IPAddress.TryParse(proxy.Trim(), out var address)
                    ? address
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: \"{proxy}\" is not an IP address."));
            }

            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network.Trim(), out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: \"{network}\" is not a CIDR network such as 10.0.0.0/8."));
            }
        });
    }

    /// <summary>Swagger UI and document: in Development, elsewhere only with Swagger:Enabled=true.</summary>
    public static bool IsSwaggerEnabled(WebApplication app) => app.Configuration.GetValue("Swagger:Enabled", app.Environment.IsDevelopment());

    /// <summary>First in the pipeline: the client's address and scheme, then the headers of every response.</summary>
    public static void UseHostSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
    }

    /// <summary>After authentication and tenant resolution.</summary>
    public static void UsePasswordChangeRequirement(this WebApplication app) => app.UseMiddleware<PasswordChangeRequiredMiddleware>();

    /// <summary>Refuses an access token whose user is gone, deactivated, or changed password since it was issued.</summary>
    public static JwtBearerEvents CreateJwtBearerEvents() => new()
    {
        OnTokenValidated = async context =>
        {
            var principal = context.Principal;
            var id = principal?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? principal?.FindFirst("sub")?.Value;
            var stamp = principal?.FindFirst(UserSessionCache.SecurityStampClaimType)?.Value;
            var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessionCache>();
            if (!Guid.TryParse(id, out var userId) || !await sessions.IsValidAsync(userId, stamp, context.HttpContext.RequestServices))
            {
                context.Fail("The user's session has ended.");
            }
        },
    };
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;
using PilotAssessment.Data;
using PilotAssessment.Feeds;
using PilotAssessment.Identity;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Repositories;

namespace PilotAssessment.Feeds;

/// <summary>
/// The authentication of feed clients (docs/adr/0023): their own bearer scheme, which takes only tokens issued for the
/// feed audience, and a policy of the same name that needs the client claim. The default scheme takes only users'
/// tokens (the users' audience), so a feed token opens no user endpoint and a user's token not the feed endpoint.
/// Every call checks the client again: a revoked client's unexpired token is refused.
/// </summary>
public static class FeedClientAuthentication
{
    public static AuthenticationBuilder AddFeedClients(this AuthenticationBuilder builder, IServiceCollection services, JwtOptions jwt)
    {
        services.Configure<AuthorizationOptions>(o => o.AddPolicy(FeedConsts.AuthenticationScheme, p => p
            .AddAuthenticationSchemes(FeedConsts.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .RequireClaim(FeedConsts.ClientIdClaimType)));

        // The feed operations read their bodies themselves: the document describes them (with an example import).
        services.ConfigureSwaggerGen(o => o.OperationFilter<FeedOpenApiFilter>());
        return builder.AddJwtBearer(FeedConsts.AuthenticationScheme, o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = jwt.Issuer,
                ValidAudience = FeedTokenAppService.Audience(jwt),
                IssuerSigningKey = TokenService.CreateSigningKey(jwt),
                NameClaimType = ClaimTypes.Name,
                RoleClaimType = ClaimTypes.Role,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            o.Events = new JwtBearerEvents { OnTokenValidated = ValidateClientAsync };
        });
    }

    private static async Task ValidateClientAsync(TokenValidatedContext context)
    {
        var services = context.HttpContext.RequestServices;
        if (!Guid.TryParse(context.Principal?.FindFirst(FeedConsts.ClientIdClaimType)?.Value, out var id))
        {
            context.Fail("Not a feed client's token.");
            return;
        }

        FeedClient? client;
        using (services.GetRequiredService<IDataFilter>().Disable<IMultiTenant>())
        {
            client = await services.GetRequiredService<IRepository<FeedClient>>().FindAsync(id);
        }

        if (client is not { IsRevoked: false })
        {
            context.Fail("The feed client is revoked.");
        }
    }
}

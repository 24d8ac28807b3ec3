using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PilotAssessment.Identity;

namespace PilotAssessment.Feeds;

/// <summary>
/// OAuth 2.0 client credentials for feed clients: a short-lived JWT signed with the host's key for its own audience
/// (<see cref="Audience"/>), so it opens only the feed endpoint and a user's token never opens that one. It names the
/// client (<see cref="FeedConsts.ClientIdClaimType"/>) and carries no roles, city or permission.
/// </summary>
[AllowAnonymousCall]
public sealed class FeedTokenAppService(
    ApplicationServiceContext context,
    IRepository<FeedClient> clients,
    IOptions<JwtOptions> options) : PilotAssessmentAppService(context), IFeedTokenAppService
{
    public static string Audience(JwtOptions options) => options.Audience + "/feeds";

    public async Task<FeedTokenDto> IssueAsync(FeedTokenInput input)
    {
        if (input.GrantType is { Length: > 0 } grant && grant != "client_credentials")
        {
            throw new BusinessException(FeedErrorCodes.InvalidClient).WithError("grant_type", FeedErrorCodes.InvalidClient);
        }

        FeedClient? client = null;
        if (Guid.TryParse(input.ClientId, out var id))
        {
            using (ReadAcrossCities())
            {
                client = await clients.FindAsync(id);
            }
        }

        // One answer for an unknown client, a wrong secret and a revoked client: nothing to probe with.
        if (client is null || !client.SecretMatches(input.ClientSecret))
        {
            throw new AuthenticationFailedException(FeedErrorCodes.InvalidClient);
        }

        var jwt = options.Value;
        var now = Now;
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, client.Id.ToString()),
                new Claim(ClaimTypes.Name, SourceNameOf(client)),
                new Claim(FeedConsts.ClientIdClaimType, client.Id.ToString()),
            ],
            FeedConsts.AuthenticationScheme);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = Audience(jwt),
            Subject = identity,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(FeedConsts.TokenMinutes),
            SigningCredentials = new SigningCredentials(TokenService.CreateSigningKey(jwt), SecurityAlgorithms.HmacSha256),
        };
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
        return new FeedTokenDto { AccessToken = token, ExpiresIn = FeedConsts.TokenMinutes * 60 };
    }

    /// <summary>How the client is named beside its values and in the audit log: department · name.</summary>
    public static string SourceNameOf(FeedClient client) => $"{client.Department} · {client.Name}";
}

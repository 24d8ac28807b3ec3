using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PilotAssessment.Account;
using PilotAssessment.Repositories;
using PilotAssessment.Users;

namespace PilotAssessment.Identity;

/// <summary>Issues a short-lived JWT access token and a rotating, revocable refresh token.</summary>
public sealed class TokenService(IOptions<JwtOptions> options, IRepository<RefreshToken> refreshTokens, TimeProvider clock)
{
    private readonly JwtOptions _options = options.Value;

    public static SymmetricSecurityKey CreateSigningKey(JwtOptions options) => new(Encoding.UTF8.GetBytes(options.SigningKey));

    public static string Hash(string refreshToken) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));

    public async Task<TokenResultDto> IssueAsync(AppUser user, IEnumerable<string> roles, string? tenantName)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var principal = ClaimsPrincipalFactory.Create(user.Id, user.UserName!, user.TenantId, roles);
        var identity = (ClaimsIdentity)principal.Identity!;
        if (tenantName is not null)
        {
            identity.AddClaim(new Claim(MultiTenancy.MultiTenancyConsts.TenantNameClaimType, tenantName));
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            Subject = identity,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(_options.AccessTokenMinutes),
            SigningCredentials = new SigningCredentials(CreateSigningKey(_options), SecurityAlgorithms.HmacSha256),
        };
        var accessToken = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);

        var refreshToken = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await refreshTokens.InsertAsync(new RefreshToken(user.TenantId, user.Id, Hash(refreshToken), now.AddDays(_options.RefreshTokenDays), now));

        return new TokenResultDto(accessToken, refreshToken, _options.AccessTokenMinutes * 60);
    }
}

using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PilotAssessment.Account;
using PilotAssessment.Data;
using PilotAssessment.Users;

namespace PilotAssessment.Identity;

/// <summary>Issues a short-lived JWT access token and a rotating, revocable refresh token.</summary>
public sealed class TokenService(
    IOptions<JwtOptions> options,
    IRepository<RefreshToken> refreshTokens,
    IUnitOfWork unitOfWork,
    IDataFilter dataFilter,
    UserSessionCache sessions,
    TimeProvider clock)
{
    private readonly JwtOptions _options = options.Value;

    public static SymmetricSecurityKey CreateSigningKey(JwtOptions options) => new(Encoding.UTF8.GetBytes(options.SigningKey));

    public static string Hash(string refreshToken) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));

    /// <summary>Issues tokens; <paramref name="familyId"/> continues the refresh-token family of a rotation.</summary>
    public async Task<TokenResultDto> IssueAsync(AppUser user, IEnumerable<string> roles, string? tenantName, Guid? familyId = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var principal = ClaimsPrincipalFactory.Create(user.Id, user.UserName!, user.TenantId, roles);
        var identity = (ClaimsIdentity)principal.Identity!;
        if (tenantName is not null)
        {
            identity.AddClaim(new Claim(MultiTenancyConsts.TenantNameClaimType, tenantName));
        }

        identity.AddClaim(new Claim(UserSessionCache.SecurityStampClaimType, user.SecurityStamp ?? string.Empty));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(UserSessionCache.MustChangePasswordClaimType, "true"));
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
        await refreshTokens.InsertAsync(new RefreshToken(user.TenantId, user.Id, Hash(refreshToken), now.AddDays(_options.RefreshTokenDays), now, familyId));

        return new TokenResultDto(accessToken, refreshToken, _options.AccessTokenMinutes * 60, MustChangePassword: user.MustChangePassword);
    }

    /// <summary>Revokes every usable refresh token of the user and forgets the user's cached session state.</summary>
    public Task RevokeUserAsync(Guid userId) => RevokeAsync(t => t.UserId == userId, userId);

    /// <summary>Revokes every usable refresh token of the family (a reused token's sign-in).</summary>
    public Task RevokeFamilyAsync(Guid familyId) => RevokeAsync(t => t.FamilyId == familyId, null);

    /// <summary>Revokes every usable refresh token of a pilot city's users.</summary>
    public Task RevokeTenantAsync(Guid tenantId) => RevokeAsync(t => t.TenantId == tenantId, null);

    private async Task RevokeAsync(System.Linq.Expressions.Expression<Func<RefreshToken, bool>> filter, Guid? userId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        using (dataFilter.Disable<IMultiTenant>())
        {
            foreach (var token in await refreshTokens.ToListAsync(refreshTokens.Query().Where(filter).Where(t => t.RevokedAt == null)))
            {
                token.Revoke(now);
            }

            await unitOfWork.SaveChangesAsync();
        }

        if (userId is not null)
        {
            await sessions.EvictAsync(userId.Value);
        }
    }
}

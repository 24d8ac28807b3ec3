using Microsoft.AspNetCore.RateLimiting;

namespace PilotAssessment.Account;

[Route("api/account")]
public sealed class AccountController(IAccountAppService account) : PilotAssessmentController
{
    public const string SignInRateLimitPolicy = "sign-in";

    [HttpPost("login")]
    [AllowAnonymous]
    [EnableRateLimiting(SignInRateLimitPolicy)]
    public Task<TokenResultDto> LoginAsync(LoginInput input) => account.LoginAsync(input);

    [HttpPost("refresh")]
    [AllowAnonymous]
    [EnableRateLimiting(SignInRateLimitPolicy)]
    public Task<TokenResultDto> RefreshAsync(RefreshTokenInput input) => account.RefreshAsync(input);

    [HttpPost("logout")]
    [AllowAnonymous]
    public Task LogoutAsync(RefreshTokenInput input) => account.LogoutAsync(input);

    [HttpPost("change-password")]
    [Authorize]
    public Task<TokenResultDto> ChangePasswordAsync(ChangePasswordInput input) => account.ChangePasswordAsync(input);

    /// <summary>The active pilot cities, for the sign-in page's city picker.</summary>
    [HttpGet("tenants")]
    [AllowAnonymous]
    public Task<IReadOnlyList<TenantLookupDto>> GetTenantsAsync() => account.GetActiveTenantsAsync();
}

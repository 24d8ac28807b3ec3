using Microsoft.AspNetCore.RateLimiting;

namespace PilotAssessment.Account;

/// <summary>登录与账户</summary>
[Route("api/account")]
public sealed class AccountController(IAccountAppService account) : PilotAssessmentController
{
    public const string SignInRateLimitPolicy = "sign-in";

    /// <summary>登录，取得访问令牌和刷新令牌</summary>
    [HttpPost("login")]
    [AllowAnonymous]
    [EnableRateLimiting(SignInRateLimitPolicy)]
    public Task<TokenResultDto> LoginAsync(LoginInput input) => account.LoginAsync(input);

    /// <summary>用刷新令牌换取新的访问令牌</summary>
    [HttpPost("refresh")]
    [AllowAnonymous]
    [EnableRateLimiting(SignInRateLimitPolicy)]
    public Task<TokenResultDto> RefreshAsync(RefreshTokenInput input) => account.RefreshAsync(input);

    /// <summary>退出登录，作废刷新令牌</summary>
    [HttpPost("logout")]
    [AllowAnonymous]
    public Task LogoutAsync(RefreshTokenInput input) => account.LogoutAsync(input);

    /// <summary>修改当前用户的密码</summary>
    [HttpPost("change-password")]
    [Authorize]
    public Task<TokenResultDto> ChangePasswordAsync(ChangePasswordInput input) => account.ChangePasswordAsync(input);

    /// <summary>列出可登录的试点城市</summary>
    /// <remarks>The active pilot cities, for the sign-in page's city picker.</remarks>
    [HttpGet("tenants")]
    [AllowAnonymous]
    public Task<IReadOnlyList<TenantLookupDto>> GetTenantsAsync() => account.GetActiveTenantsAsync();
}

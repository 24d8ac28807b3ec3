namespace PilotAssessment.Account;

public sealed class LoginInput
{
    /// <summary>The pilot city's name (e.g. 兰州); empty to sign in to the province (host).</summary>
    [StringLength(64)]
    public string? Tenant { get; set; }

    [Required]
    [StringLength(256)]
    public string UserName { get; set; } = default!;

    [Required]
    [StringLength(128)]
    public string Password { get; set; } = default!;
}

public sealed class RefreshTokenInput
{
    [Required]
    [StringLength(256)]
    public string RefreshToken { get; set; } = default!;
}

/// <param name="MustChangePassword">The user must change the password before anything else is allowed.</param>
public sealed record TokenResultDto(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType = "Bearer", bool MustChangePassword = false);

public sealed class ChangePasswordInput
{
    [Required]
    [StringLength(128)]
    public string CurrentPassword { get; set; } = default!;

    [Required]
    [StringLength(128)]
    public string NewPassword { get; set; } = default!;
}

public sealed record TenantLookupDto(Guid Id, string Name, string DisplayName, bool IsActive);

public interface IAccountAppService : IApplicationService
{
    Task<TokenResultDto> LoginAsync(LoginInput input);

    Task<TokenResultDto> RefreshAsync(RefreshTokenInput input);

    Task LogoutAsync(RefreshTokenInput input);

    /// <summary>Changes the signed-in user's password, ends the user's other sessions and returns new tokens for this one.</summary>
    Task<TokenResultDto> ChangePasswordAsync(ChangePasswordInput input);

    Task<IReadOnlyList<TenantLookupDto>> GetActiveTenantsAsync();
}

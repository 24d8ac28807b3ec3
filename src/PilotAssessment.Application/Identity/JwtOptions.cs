namespace PilotAssessment.Identity;

/// <summary>Bound from the "Jwt" configuration section.</summary>
public sealed class JwtOptions
{
    public const string SectionName = "Jwt";

    public string Issuer { get; set; } = "PilotAssessment";

    public string Audience { get; set; } = "PilotAssessment";

    /// <summary>HMAC-SHA256 key, at least 32 bytes. Production must set its own.</summary>
    public string SigningKey { get; set; } = "development-only-signing-key-change-me-0123456789";

    public int AccessTokenMinutes { get; set; } = 30;

    public int RefreshTokenDays { get; set; } = 7;
}

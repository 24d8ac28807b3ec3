using System.Text;

namespace PilotAssessment.Identity;

/// <summary>Bound from the "Jwt" configuration section.</summary>
public sealed class JwtOptions
{
    public const string SectionName = "Jwt";

    /// <summary>The key used only in Development when none is configured. Refused everywhere else (docs/adr/0008).</summary>
    public const string DevelopmentSigningKey = "development-only-signing-key-change-me-0123456789";

    /// <summary>HMAC-SHA256 needs a key of at least 256 bits.</summary>
    public const int MinimumSigningKeyBytes = 32;

    public string Issuer { get; set; } = "PilotAssessment";

    public string Audience { get; set; } = "PilotAssessment";

    /// <summary>HMAC-SHA256 key, at least 32 bytes (UTF-8). There is no default: every installation sets its own.</summary>
    public string SigningKey { get; set; } = string.Empty;

    public int AccessTokenMinutes { get; set; } = 30;

    public int RefreshTokenDays { get; set; } = 7;

    /// <summary>Why the key cannot sign tokens outside Development, or null when it can.</summary>
    public static string? ProblemOf(string? signingKey)
    {
        if (string.IsNullOrWhiteSpace(signingKey))
        {
            return "no signing key is configured";
        }

        if (signingKey == DevelopmentSigningKey)
        {
            return "the configured key is the development key shipped with the source code";
        }

        var bytes = Encoding.UTF8.GetByteCount(signingKey);
        return bytes < MinimumSigningKeyBytes ? $"the configured key has {bytes} bytes, fewer than {MinimumSigningKeyBytes}" : null;
    }
}

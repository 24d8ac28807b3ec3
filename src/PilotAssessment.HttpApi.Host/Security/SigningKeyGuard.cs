using PilotAssessment.Identity;

namespace PilotAssessment.Security;

/// <summary>
/// Outside Development the host refuses to start without its own JWT signing key: none configured, the development
/// key shipped with the source, or one shorter than 32 bytes would let anyone who reads the repository sign tokens.
/// In Development a missing key falls back to the development key.
/// </summary>
public static class SigningKeyGuard
{
    public const string ConfigurationKey = JwtOptions.SectionName + ":" + nameof(JwtOptions.SigningKey);

    public static void Apply(WebApplicationBuilder builder)
    {
        var key = builder.Configuration[ConfigurationKey];
        if (builder.Environment.IsDevelopment())
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                builder.Configuration.AddInMemoryCollection([new KeyValuePair<string, string?>(ConfigurationKey, JwtOptions.DevelopmentSigningKey)]);
            }

            return;
        }

        var problem = JwtOptions.ProblemOf(key);
        if (problem is not null)
        {
            throw new InvalidOperationException(
                $"The host does not start in the {builder.Environment.EnvironmentName} environment: {problem}. "
                + $"Set {ConfigurationKey} to a random secret of at least {JwtOptions.MinimumSigningKeyBytes} bytes that only this installation knows, "
                + "e.g. the environment variable Jwt__SigningKey=\"$(openssl rand -base64 48)\" (see README, \"Using MySQL (production)\").");
        }
    }
}

namespace PilotAssessment.EntityFrameworkCore;

public enum DatabaseProvider
{
    /// <summary>The embedded default: a file next to the host, no setup needed.</summary>
    Sqlite,
    MySql,
}

/// <summary>Bound from the "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>MySQL server version for Pomelo, e.g. "8.0.36-mysql" or "10.11.6-mariadb"; detected when empty.</summary>
    public string? ServerVersion { get; set; }
}

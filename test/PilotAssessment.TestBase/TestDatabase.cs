using MySqlConnector;
using PilotAssessment.EntityFrameworkCore;

namespace PilotAssessment;

/// <summary>A fresh, empty database for one fixture; dropped when the fixture ends.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract DatabaseOptions Options { get; }

    public abstract string ConnectionString { get; }

    /// <summary>The file path (SQLite) or database name (MySQL), unique to this database.</summary>
    public abstract string Name { get; }

    public abstract ValueTask DisposeAsync();

    public static TestDatabase Create(DatabaseProvider provider) =>
        provider == DatabaseProvider.MySql ? MySqlTestDatabase.Create() : new SqliteTestDatabase();
}

public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "pilot-assessment-tests", $"{Guid.NewGuid():N}.db");

    public SqliteTestDatabase()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
    }

    public override DatabaseOptions Options { get; } = new() { Provider = DatabaseProvider.Sqlite };

    public override string ConnectionString => $"Data Source={_path};Pooling=False";

    public override string Name => _path;

    public override ValueTask DisposeAsync()
    {
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A database on the MariaDB/MySQL server named by PILOT_TEST_MYSQL (a server-level connection string;
/// default: the pilot/pilot account on 127.0.0.1:3306 that .ci/run and scripts/mariadb-start.sh create).
/// </summary>
public sealed class MySqlTestDatabase : TestDatabase
{
    public const string EnvironmentVariable = "PILOT_TEST_MYSQL";
    public const string DefaultServer = "Server=127.0.0.1;Port=3306;User ID=pilot;Password=pilot";

    private readonly string _server;
    private readonly string _name;

    private MySqlTestDatabase(string server, string name)
    {
        _server = server;
        _name = name;
    }

    public override DatabaseOptions Options { get; } = new() { Provider = DatabaseProvider.MySql, ServerVersion = null };

    public override string ConnectionString => new MySqlConnectionStringBuilder(_server) { Database = _name, AllowUserVariables = true }.ConnectionString;

    public override string Name => _name;

    public static string Server => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } s ? s : DefaultServer;

    public static MySqlTestDatabase Create()
    {
        var database = new MySqlTestDatabase(Server, $"pa_test_{Guid.NewGuid():N}"[..30]);
        using var connection = new MySqlConnection(Server);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE `{database._name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";
        command.ExecuteNonQuery();
        return database;
    }

    public override async ValueTask DisposeAsync()
    {
        await using var connection = new MySqlConnection(_server);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS `{_name}`";
        await command.ExecuteNonQueryAsync();
    }
}

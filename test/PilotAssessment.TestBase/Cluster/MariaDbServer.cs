using System.Globalization;
using MySqlConnector;

namespace PilotAssessment.Cluster;

/// <summary>
/// A MariaDB server of the test's own (Debian's mariadbd, own data folder under /tmp, own port), so a test may kill and
/// restart it without touching the shared server the other tests use. The account pilot/pilot may do everything.
/// </summary>
public sealed class MariaDbServer : IAsyncDisposable
{
    private readonly string _directory;
    private ChildProcess? _process;

    private MariaDbServer(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A server-level connection string (no database) of the pilot account.</summary>
    public string Server => $"Server=127.0.0.1;Port={Port};User ID=pilot;Password=pilot;Connection Timeout=3";

    public bool IsRunning => _process is { HasExited: false };

    private string DataDirectory => Path.Combine(_directory, "data");

    private string Socket => Path.Combine(_directory, "mysqld.sock");

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>Creates the data folder (mariadb-install-db), starts the server and creates the pilot account.</summary>
    public static async Task<MariaDbServer> StartAsync(TimeSpan timeout)
    {
        var directory = Directory.CreateTempSubdirectory("pilot-mariadb-").FullName;
        var server = new MariaDbServer(directory, ChildProcess.FreePort());
        Directory.CreateDirectory(server.DataDirectory);
        // root@localhost without a password, reached only through the socket in the test's own folder.
        string[] install = IsRoot
            ? ["--user=mysql", $"--datadir={server.DataDirectory}", "--auth-root-authentication-method=normal", "--skip-test-db"]
            : [$"--datadir={server.DataDirectory}", "--auth-root-authentication-method=normal", "--skip-test-db"];
        if (IsRoot)
        {
            // mariadbd runs as mysql and must reach its folder and socket.
            await RunAsync("chown", ["-R", "mysql:mysql", directory], timeout);
        }

        await RunAsync("mariadb-install-db", install, timeout);
        await server.StartProcessAsync(timeout);
        await using var root = new MySqlConnection($"Server={server.Socket};Protocol=Unix;User ID=root");
        await root.OpenAsync();
        await using var command = root.CreateCommand();
        command.CommandText = "CREATE USER 'pilot'@'127.0.0.1' IDENTIFIED BY 'pilot'; GRANT ALL PRIVILEGES ON *.* TO 'pilot'@'127.0.0.1'; FLUSH PRIVILEGES;";
        await command.ExecuteNonQueryAsync();
        return server;
    }

    /// <summary>Creates a database and gives its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new MySqlConnection(Server);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";
        await command.ExecuteNonQueryAsync();
        return new MySqlConnectionStringBuilder(Server) { Database = name, AllowUserVariables = true, ConnectionTimeout = 5 }.ConnectionString;
    }

    /// <summary>Kills the server (SIGKILL): no shutdown, as when the machine or the process dies.</summary>
    public void Kill() => _process?.Kill();

    /// <summary>Starts the server again on the same data and port and waits until it takes connections.</summary>
    public Task RestartAsync(TimeSpan timeout) => StartProcessAsync(timeout);

    /// <summary>The last lines of the server's log, for a failure message.</summary>
    public string Tail() => _process?.Tail() ?? "mariadbd was not started";

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task StartProcessAsync(TimeSpan timeout)
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        List<string> arguments =
        [
            "--no-defaults",
            $"--datadir={DataDirectory}",
            $"--socket={Socket}",
            $"--pid-file={Path.Combine(_directory, "mysqld.pid")}",
            "--bind-address=127.0.0.1",
            $"--port={Port.ToString(CultureInfo.InvariantCulture)}",
            "--skip-log-bin",
            "--innodb-buffer-pool-size=64M",
            "--innodb-log-file-size=16M",
            "--max-connections=300",
            "--skip-name-resolve",
        ];
        if (IsRoot)
        {
            arguments.Insert(1, "--user=mysql");
        }

        _process = ChildProcess.Start("mariadbd", arguments);
        if (!await _process.WaitUntilAsync(CanConnectAsync, timeout, TimeSpan.FromMilliseconds(200)))
        {
            throw new InvalidOperationException($"mariadbd on port {Port} does not take connections. {_process.Tail()}");
        }
    }

    private async Task<bool> CanConnectAsync()
    {
        await using var connection = new MySqlConnection($"Server={Socket};Protocol=Unix;User ID=root;Connection Timeout=2");
        try
        {
            await connection.OpenAsync();
            return true;
        }
        catch (MySqlException exception) when (exception.ErrorCode is MySqlErrorCode.AccessDenied)
        {
            // Up, but the account is not there yet (first start).
            return true;
        }
    }

    private static async Task RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        await using var process = ChildProcess.Start(program, arguments);
        await process.WaitUntilAsync(() => Task.FromResult(false), timeout);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed or did not finish in time. {process.Tail()}");
        }
    }
}

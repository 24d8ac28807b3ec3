using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PilotAssessment.Cluster;

/// <summary>
/// A program the multi-host tests run beside them (a host, nginx, redis-server, mariadbd): started with its arguments
/// and environment, its console lines kept for the test to read and to explain a failure, killed with its children
/// when the test ends.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ChildProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code once it has exited; null while it runs.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>Standard output and error, line by line, in the order they came.</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>Starts <paramref name="program"/> (a path, or a name looked up in /usr/sbin, /usr/bin and the PATH).</summary>
    public static ChildProcess Start(
        string program,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(Locate(program))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var child = new ChildProcess(process, Path.GetFileName(program));
        process.OutputDataReceived += (_, e) => child.Collect(e.Data);
        process.ErrorDataReceived += (_, e) => child.Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The last lines of its output, to put in a failure message.</summary>
    public string Tail(int lines = 40) => $"{Name} (pid {_process.Id}{(HasExited ? ", exited" : "")}):\n{string.Join('\n', _output.TakeLast(lines))}";

    /// <summary>Polls <paramref name="condition"/> until it holds; false when the program exits first or the time is up.</summary>
    public Task<bool> WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, TimeSpan? poll = null) =>
        Eventually.HoldsAsync(condition, timeout, poll, () => HasExited);

    /// <summary>Kills it and its children at once (SIGKILL), as a crash or a pulled plug would, and waits for the exit.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }

        _process.WaitForExit(15_000);
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Whether something accepts connections on the loopback port.</summary>
    public static async Task<bool> ListensAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string Locate(string program)
    {
        if (program.Contains('/', StringComparison.Ordinal))
        {
            return program;
        }

        return new[] { "/usr/sbin", "/usr/bin" }.Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists) ?? program;
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}

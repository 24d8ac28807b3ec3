using System.Net;

namespace PilotAssessment.Cluster;

/// <summary>
/// The built host run as its own process, as it is deployed: several of them share one database (and sit behind
/// nginx) in the multi-host tests. Its console log is kept for the test to read.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private HostProcess(ChildProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public IReadOnlyCollection<string> Output => _process.Output;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the host on a free port with the given settings (configuration keys as "A:B").</summary>
    public static HostProcess Start(IReadOnlyDictionary<string, string> settings)
    {
        var port = ChildProcess.FreePort();
        var environment = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = ChildProcess.Start("dotnet", [HostAssembly, $"--urls=http://127.0.0.1:{port}"], environment, Path.GetDirectoryName(HostAssembly));
        return new HostProcess(process, port);
    }

    /// <summary>Whether /health/ready answers 200 now.</summary>
    public async Task<bool> IsReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        return (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK;
    }

    /// <summary>Waits until /health/ready answers 200; fails with the host's log when it exits or takes too long.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        if (!await _process.WaitUntilAsync(IsReadyAsync, timeout, TimeSpan.FromMilliseconds(500)))
        {
            throw new InvalidOperationException($"The host on port {Port} is not ready. {_process.Tail()}");
        }
    }

    /// <summary>The last lines of the host's log, for a failure message.</summary>
    public string Tail(int lines = 40) => _process.Tail(lines);

    public void Kill() => _process.Kill();

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    // The host as built beside the tests (same configuration), with its own runtime and dependency files.
    private static string HostAssembly
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            var configuration = directory.Parent?.Name ?? "Release";
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "aspnet-core.sln")))
            {
                directory = directory.Parent;
            }

            var path = Path.Combine(directory?.FullName ?? ".", "src", "PilotAssessment.HttpApi.Host", "bin", configuration, "net10.0", "PilotAssessment.HttpApi.Host.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build the host first.", path);
        }
    }
}

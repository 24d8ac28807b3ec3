using System.Globalization;

namespace PilotAssessment.Cluster;

/// <summary>Debian's redis-server on a free loopback port, without persistence, for the tests of shared state.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private RedisServer(ChildProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var port = ChildProcess.FreePort();
        var process = ChildProcess.Start("redis-server", ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]);
        if (await process.WaitUntilAsync(() => ChildProcess.ListensAsync(port), TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(100)))
        {
            return new RedisServer(process, port);
        }

        await process.DisposeAsync();
        throw new InvalidOperationException($"redis-server is not answering. {process.Tail()}");
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}

namespace PilotAssessment.Cluster;

/// <summary>Debian's nginx as the load balancer in front of several hosts, with its files in a temporary folder.</summary>
public sealed class NginxBalancer : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly string _directory;

    private NginxBalancer(ChildProcess process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>The upstream address of every request so far, from nginx's access log.</summary>
    public IReadOnlyList<string> Upstreams =>
        File.Exists(Path.Combine(_directory, "access.log"))
            ? File.ReadAllLines(Path.Combine(_directory, "access.log")).Select(l => l.Split(' ').Last()).ToList()
            : [];

    public static async Task<NginxBalancer> StartAsync(IEnumerable<int> upstreamPorts)
    {
        var directory = Directory.CreateTempSubdirectory("pilot-nginx-").FullName;
        var port = ChildProcess.FreePort();
        var servers = string.Concat(upstreamPorts.Select(p => $"    server 127.0.0.1:{p} max_fails=1 fail_timeout=30s;\n"));
        await File.WriteAllTextAsync(Path.Combine(directory, "nginx.conf"), $$"""
            worker_processes 1;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 1024; }
            http {
              log_format upstream '$request_method $uri $status $upstream_addr';
              access_log {{directory}}/access.log upstream;
              client_body_temp_path {{directory}}/body;
              proxy_temp_path {{directory}}/proxy;
              fastcgi_temp_path {{directory}}/fastcgi;
              uwsgi_temp_path {{directory}}/uwsgi;
              scgi_temp_path {{directory}}/scgi;
              upstream pilot {
            {{servers}}  }
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  proxy_pass http://pilot;
                  proxy_set_header Host $host;
                  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                  proxy_set_header X-Forwarded-Proto $scheme;
                  proxy_next_upstream error timeout http_502 http_503;
                  proxy_connect_timeout 2s;
                }
              }
            }
            """);
        var process = ChildProcess.Start("nginx", ["-p", directory, "-c", Path.Combine(directory, "nginx.conf"), "-g", "daemon off;"]);
        var balancer = new NginxBalancer(process, directory, port);
        if (await process.WaitUntilAsync(() => ChildProcess.ListensAsync(port), TimeSpan.FromSeconds(15)))
        {
            return balancer;
        }

        var error = File.Exists(Path.Combine(directory, "error.log")) ? await File.ReadAllTextAsync(Path.Combine(directory, "error.log")) : "";
        await balancer.DisposeAsync();
        throw new InvalidOperationException($"nginx is not answering: {error}{process.Tail()}");
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

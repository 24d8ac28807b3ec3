using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using PilotAssessment.Periods;
using Shouldly;
using Xunit;

namespace PilotAssessment.Emailing;

/// <summary>The host's SMTP sender: bound from the Smtp section, registered only when Smtp:Host is set, and speaking SMTP.</summary>
public sealed class MailKitEmailSender_Tests
{
    [Fact]
    public void Should_Send_Nothing_When_Smtp_Is_Not_Configured()
    {
        using var services = Build(new Dictionary<string, string?>());

        var sender = services.GetRequiredService<IEmailSender>();

        sender.ShouldBeOfType<NullEmailSender>();
        sender.IsEnabled.ShouldBeFalse();
    }

    [Fact]
    public void Should_Bind_The_Smtp_Section_When_A_Host_Is_Configured()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "smtp.gansu.example",
            ["Smtp:Port"] = "587",
            ["Smtp:UserName"] = "reminders",
            ["Smtp:Password"] = "secret",
            ["Smtp:EnableSsl"] = "true",
            ["Smtp:From"] = "kaoping@gansu.example",
        });

        services.GetRequiredService<IEmailSender>().ShouldBeOfType<MailKitEmailSender>().IsEnabled.ShouldBeTrue();
        var options = services.GetRequiredService<IOptions<SmtpOptions>>().Value;
        options.Host.ShouldBe("smtp.gansu.example");
        options.Port.ShouldBe(587);
        options.UserName.ShouldBe("reminders");
        options.Password.ShouldBe("secret");
        options.EnableSsl.ShouldBeTrue();
        options.From.ShouldBe("kaoping@gansu.example");
    }

    [Fact]
    public async Task Should_Deliver_A_Reminder_To_The_Smtp_Server()
    {
        using var server = new TinySmtpServer();
        var serving = server.ServeOneAsync();
        using var services = Build(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:From"] = "kaoping@gansu.example",
        });

        await services.GetRequiredService<IEmailSender>().SendAsync("clerk@jiuquan.example", "填报提醒：2026年度", "还有 3 项未填报。");
        await serving.WaitAsync(TimeSpan.FromSeconds(30));

        server.MailFrom.ShouldBe("<kaoping@gansu.example>");
        server.Recipients.ShouldBe(["<clerk@jiuquan.example>"]);
        var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(server.Data)));
        message.Subject.ShouldBe("填报提醒：2026年度");
        message.TextBody.ShouldNotBeNull().Trim().ShouldBe("还有 3 项未填报。");
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IEmailSender, NullEmailSender>();
        services.AddEmailing(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>Just enough of an SMTP server (RFC 5321) for one message, on a loopback port.</summary>
    private sealed class TinySmtpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

        public TinySmtpServer() => _listener.Start();

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public string? MailFrom { get; private set; }

        public List<string> Recipients { get; } = [];

        public string Data { get; private set; } = string.Empty;

        public async Task ServeOneAsync()
        {
            using var client = await _listener.AcceptTcpClientAsync();
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost ESMTP");
            while (await reader.ReadLineAsync() is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 localhost");
                        break;
                    case "MAIL":
                        MailFrom = line[(line.IndexOf(':') + 1)..].Trim().Split(' ')[0];
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        Recipients.Add(line[(line.IndexOf(':') + 1)..].Trim().Split(' ')[0]);
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        Data = data.ToString();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 OK");
                        break;
                }
            }
        }

        public void Dispose() => _listener.Stop();
    }
}

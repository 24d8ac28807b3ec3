using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Configuration;

namespace PilotAssessment.Periods;

/// <summary>Sends reminder e-mails. Registered as SMTP only when <c>Smtp:Host</c> is configured; otherwise nothing is sent.</summary>
public interface IEmailSender
{
    bool IsEnabled { get; }

    Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken = default);
}

public sealed class NullEmailSender : IEmailSender
{
    public bool IsEnabled => false;

    public Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken = default) => Task.CompletedTask;
}

/// <summary>Smtp:Host, Smtp:Port (25), Smtp:UserName, Smtp:Password, Smtp:EnableSsl, Smtp:From.</summary>
public sealed class SmtpEmailSender(IConfiguration configuration) : IEmailSender
{
    public bool IsEnabled => true;

    public async Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken = default)
    {
        var section = configuration.GetSection("Smtp");
        using var client = new SmtpClient(section["Host"], section.GetValue("Port", 25)) { EnableSsl = section.GetValue("EnableSsl", false) };
        if (!string.IsNullOrEmpty(section["UserName"]))
        {
            client.Credentials = new NetworkCredential(section["UserName"], section["Password"]);
        }

        using var message = new MailMessage(section["From"] ?? "noreply@localhost", to, subject, body);
        await client.SendMailAsync(message, cancellationToken);
    }
}

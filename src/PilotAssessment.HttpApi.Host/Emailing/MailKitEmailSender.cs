using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MimeKit;
using PilotAssessment.Periods;

namespace PilotAssessment.Emailing;

/// <summary>The <c>Smtp</c> section: Host, Port (25), UserName, Password, EnableSsl, From.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public bool EnableSsl { get; set; }

    public string From { get; set; } = "noreply@localhost";
}

/// <summary>Sends reminder e-mails through the configured SMTP server.</summary>
public sealed class MailKitEmailSender(IOptions<SmtpOptions> options) : IEmailSender
{
    public bool IsEnabled => true;

    public async Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken = default)
    {
        var smtp = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };

        using var client = new SmtpClient();
        // EnableSsl: TLS on connect (465) or STARTTLS when offered; otherwise plain, as the old System.Net.Mail client did.
        var security = smtp.EnableSsl ? SecureSocketOptions.Auto : SecureSocketOptions.None;
        var host = smtp.Host ?? throw new InvalidOperationException("Smtp:Host is not configured.");
        await client.ConnectAsync(host, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

public static class EmailingServiceCollectionExtensions
{
    /// <summary>An SMTP sender when <c>Smtp:Host</c> is configured; otherwise the null sender stays and nothing is sent.</summary>
    public static IServiceCollection AddEmailing(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SmtpOptions.SectionName);
        services.Configure<SmtpOptions>(section);
        if (!string.IsNullOrWhiteSpace(section["Host"]))
        {
            services.Replace(ServiceDescriptor.Singleton<IEmailSender, MailKitEmailSender>());
        }

        return services;
    }
}

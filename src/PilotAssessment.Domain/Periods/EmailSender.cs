namespace PilotAssessment.Periods;

/// <summary>Sends reminder e-mails. The host registers an SMTP sender only when <c>Smtp:Host</c> is configured; otherwise nothing is sent.</summary>
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

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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
        using var services = Build(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:From"] = "kaoping@gansu.example",
        });

        await services.GetRequiredService<IEmailSender>().SendAsync("clerk@jiuquan.example", "填报提醒：2026年度", "还有 3 项未填报。");

        var mail = server.Messages.ShouldHaveSingleItem();
        mail.MailFrom.ShouldBe("<kaoping@gansu.example>");
        mail.Recipients.ShouldBe(["<clerk@jiuquan.example>"]);
        var message = mail.Parse();
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
}

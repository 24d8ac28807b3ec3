using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.EntityFrameworkCore;
using PilotAssessment.Identity;
using Shouldly;
using Xunit;

namespace PilotAssessment.Periods;

/// <summary>With an e-mail sender configured, a reminder also goes by e-mail to clerks with an address, once.</summary>
public abstract class ReminderEmail_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : PilotAssessmentTestApplication, IHasFakeEmail
{
    [Fact]
    public async Task Should_Email_A_Reminder_Once_To_Clerks_With_An_Address()
    {
        await app.AsUserAsync("酒泉", "admin", async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var clerk = (await users.FindByNameAsync("clerk"))!;
            await users.SetEmailAsync(clerk, "clerk@jiuquan.example");
        });
        var period = await app.CreatePeriodAsync(TimeSpan.FromMinutes(-1), TimeSpan.FromDays(2));

        await app.WithScopeAsync(sp => sp.GetRequiredService<EntryReminderJob>().RunAsync());
        await app.WithScopeAsync(sp => sp.GetRequiredService<EntryReminderJob>().RunAsync());

        var mail = app.Email.Sent.ShouldHaveSingleItem();
        mail.To.ShouldBe("clerk@jiuquan.example");
        mail.Subject.ShouldContain(period.Name);
    }
}

public interface IHasFakeEmail
{
    FakeEmailSender Email { get; }
}

public sealed class FakeEmailSender : IEmailSender
{
    public ConcurrentQueue<(string To, string Subject, string Body)> Sent { get; } = new();

    public bool IsEnabled => true;

    public Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken = default)
    {
        Sent.Enqueue((to, subject, body));
        return Task.CompletedTask;
    }
}

public sealed class SqliteEmailApplication() : PilotAssessmentTestApplication(DatabaseProvider.Sqlite), IHasFakeEmail
{
    public FakeEmailSender Email { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IEmailSender>(Email);
}

public sealed class MySqlEmailApplication() : PilotAssessmentTestApplication(DatabaseProvider.MySql), IHasFakeEmail
{
    public FakeEmailSender Email { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IEmailSender>(Email);
}

public sealed class ReminderEmail_Sqlite_Tests(SqliteEmailApplication app) : ReminderEmail_Tests<SqliteEmailApplication>(app);

public sealed class ReminderEmail_MySql_Tests(MySqlEmailApplication app) : ReminderEmail_Tests<MySqlEmailApplication>(app);

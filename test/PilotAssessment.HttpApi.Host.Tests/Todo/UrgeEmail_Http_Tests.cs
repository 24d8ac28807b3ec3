using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using PilotAssessment.Dtos;
using PilotAssessment.Emailing;
using PilotAssessment.EntityFrameworkCore;
using PilotAssessment.Identity;
using PilotAssessment.Periods;
using Shouldly;
using Xunit;

namespace PilotAssessment.Todo;

/// <summary>A host whose Smtp section points at an SMTP server in the test process.</summary>
public abstract class SmtpHostFixture(DatabaseProvider provider) : PilotAssessmentHostFixture(provider)
{
    public const string From = "kaoping@gansu.example";

    public TinySmtpServer Smtp { get; } = new();

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Smtp:From"] = From,
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp.Dispose();
    }
}

public sealed class SmtpSqliteHostFixture() : SmtpHostFixture(DatabaseProvider.Sqlite);

public sealed class SmtpMySqlHostFixture() : SmtpHostFixture(DatabaseProvider.MySql);

/// <summary>催报 by e-mail: with SMTP configured, urging a late city e-mails its administrators and clerks that have an address, in Chinese.</summary>
public abstract class UrgeEmail_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : SmtpHostFixture
{
    [Fact]
    public async Task Should_Email_The_Late_Citys_Administrators_And_Clerks_When_Urged()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var cityAdmin = await host.ClientForAsync("酒泉", "admin");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var adminMail = $"admin-{suffix}@jiuquan.example";
        var clerkMail = $"clerk-{suffix}@jiuquan.example";
        await CreateUserAsync(cityAdmin, $"urge-admin-{suffix}", adminMail, RoleNames.CityAdmin);
        await CreateUserAsync(cityAdmin, $"urge-clerk-{suffix}", clerkMail, RoleNames.Clerk);
        using var otherCity = await host.ClientForAsync("天水", "admin");
        await CreateUserAsync(otherCity, $"urge-other-{suffix}", $"clerk-{suffix}@tianshui.example", RoleNames.Clerk);
        // Everybody of 酒泉 who should get it: its administrators and clerks with an address, the seeded ones too.
        var users = await cityAdmin.GetFromJsonAsync<PagedResultDto<UserDto>>("/api/app/users?maxResultCount=1000", HttpJson.Options);
        var expected = users!.Items
            .Where(u => u.IsActive && !string.IsNullOrEmpty(u.Email) && u.RoleNames.Any(r => r is RoleNames.CityAdmin or RoleNames.Clerk))
            .Select(u => $"<{u.Email}>")
            .ToList();
        expected.ShouldContain($"<{adminMail}>");
        expected.ShouldContain($"<{clerkMail}>");
        while (host.Smtp.Messages.TryDequeue(out _))
        {
        }

        using var official = await host.ClientForAsync(null, "official");
        var urged = await official.PostAsync($"{Todo_Http_Tests<THost>.Url}/periods/{period.Id}/cities/{await host.TenantIdAsync("酒泉")}/urge", null);

        urged.StatusCode.ShouldBe(HttpStatusCode.OK, await urged.Content.ReadAsStringAsync());
        (await urged.ReadJsonAsync<UrgeResultDto>())!.Emailed.ShouldBe(expected.Count);
        var mails = host.Smtp.Messages.ToList();
        mails.SelectMany(m => m.Recipients).ShouldBe(expected, ignoreOrder: true);
        var closes = period.EntryClosesAtLocal.Replace("T", " ", StringComparison.Ordinal);
        foreach (var mail in mails)
        {
            mail.MailFrom.ShouldBe($"<{SmtpHostFixture.From}>");
            var message = mail.Parse();
            message.To.Mailboxes.Select(b => $"<{b.Address}>").ShouldBe(mail.Recipients);
            message.Subject.ShouldBe($"【催报】{period.Name}");
            var body = message.TextBody.ShouldNotBeNull();
            body.ShouldStartWith("省平安办提醒：酒泉市");
            body.ShouldContain($"“{period.Name}”已填报 0/");
            body.ShouldContain($"填报截止时间 {closes}（北京时间）");
            body.ShouldNotContain("UTC");
        }
    }

    private static async Task CreateUserAsync(HttpClient cityAdmin, string userName, string email, string role)
    {
        var created = await cityAdmin.PostAsJsonAsync("/api/app/users", new CreateUserInput
        {
            UserName = userName,
            Email = email,
            Password = PilotAssessmentHostFixture.NewUserPassword,
            RoleNames = [role],
        });
        created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
    }
}

public sealed class UrgeEmail_Http_Sqlite_Tests(SmtpSqliteHostFixture host) : UrgeEmail_Http_Tests<SmtpSqliteHostFixture>(host);

public sealed class UrgeEmail_Http_MySql_Tests(SmtpMySqlHostFixture host) : UrgeEmail_Http_Tests<SmtpMySqlHostFixture>(host);

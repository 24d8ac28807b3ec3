using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using PilotAssessment.Account;
using PilotAssessment.DataEntry;
using PilotAssessment.Periods;
using Shouldly;
using Xunit;

namespace PilotAssessment.Auditing;

/// <summary>The audit log reads as events: who, when in Beijing time, in which city, what, on which line, from what to what.</summary>
public abstract partial class AuditEvents_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    [Fact]
    public async Task Should_Tell_A_Changed_Line_As_An_Event_In_The_Readers_Language_And_Beijing_Time()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var clerk = await host.ClientForAsync("兰州", "clerk");
        var url = $"/api/app/data-entry/periods/{period.Id}/lines/F01";
        var first = await (await clerk.PutAsJsonAsync(url, new SaveEntryLineInput { Value = new EntryValueDto { Grade = "优" }, Note = "初报" })).ReadJsonAsync<EntryLineDto>();
        var second = await clerk.PutAsJsonAsync(url, new SaveEntryLineInput { Value = new EntryValueDto { Grade = "优" }, Note = "更正", ConcurrencyStamp = first!.ConcurrencyStamp });
        second.StatusCode.ShouldBe(HttpStatusCode.OK, await second.Content.ReadAsStringAsync());

        var zh = (await LogsAsync("zh-Hans")).First(l => l.GetProperty("url").GetString() == url);
        var when = zh.GetProperty("executionTime").GetDateTime().ToUniversalTime().AddHours(8).ToString("yyyy-MM-dd HH:mm");
        var text = zh.GetProperty("event").GetString()!;
        text.ShouldContain(when);
        text.ShouldContain("兰州");
        text.ShouldContain("保存一项指标的填报值");
        text.ShouldContain("指标填报 F01 的备注");
        text.ShouldContain("备注由 “初报” 改为 “更正”");
        ShouldHaveNoIdentifiers(text);

        var en = (await LogsAsync("en")).First(l => l.GetProperty("url").GetString() == url).GetProperty("event").GetString()!;
        en.ShouldContain("saved an indicator value");
        en.ShouldContain("note from “初报” to “更正”");
        ShouldHaveNoIdentifiers(en);
    }

    [Fact]
    public async Task Should_Tell_A_Failed_Sign_In_As_Not_Done()
    {
        using var anonymous = host.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/account/login", new LoginInput { Tenant = "酒泉", UserName = "clerk", Password = "Wrong-Password-1" })).IsSuccessStatusCode.ShouldBeFalse();

        var log = (await LogsAsync("zh-Hans", "clerk", "POST")).First(l => l.GetProperty("url").GetString() == "/api/account/login" && l.GetProperty("httpStatusCode").GetInt32() >= 400);
        var text = log.GetProperty("event").GetString()!;
        text.ShouldContain("登录");
        text.ShouldContain("未成功");
        text.ShouldContain("酒泉");
        ShouldHaveNoIdentifiers(text);
    }

    private static void ShouldHaveNoIdentifiers(string text)
    {
        text.ShouldNotContain("/api/");
        Guid().IsMatch(text).ShouldBeFalse(text);
        Identifier().IsMatch(text).ShouldBeFalse(text);
    }

    private async Task<List<JsonElement>> LogsAsync(string language, string userName = "clerk", string method = "PUT")
    {
        using var official = await host.ClientForAsync(null, "official");
        official.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var response = await official.GetAsync($"/api/app/audit-logs?userName={userName}&httpMethod={method}&maxResultCount=200");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex Guid();

    // PascalCase or snake_case words, and true/false: enum names, property names and flags.
    [GeneratedRegex(@"\b([A-Z][a-z]+[A-Z]\w*|[a-z]+_[a-z_]+|true|false)\b")]
    private static partial Regex Identifier();
}

public sealed class AuditEvents_Http_Sqlite_Tests(SqliteHostFixture host) : AuditEvents_Http_Tests<SqliteHostFixture>(host);

public sealed class AuditEvents_Http_MySql_Tests(MySqlHostFixture host) : AuditEvents_Http_Tests<MySqlHostFixture>(host);

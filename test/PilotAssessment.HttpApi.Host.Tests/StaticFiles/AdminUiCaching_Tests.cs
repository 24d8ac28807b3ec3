using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using PilotAssessment.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace PilotAssessment.StaticFiles;

/// <summary>The real host serving a built admin UI from a web root of its own: hashed files kept, the index revalidated.</summary>
public sealed class AdminUiCaching_Tests(AdminUiHostFixture host) : IClassFixture<AdminUiHostFixture>
{
    [Theory]
    [InlineData("main-PBSRJQET.js", AdminUiCaching.Immutable)]
    [InlineData("chunk-AHDXOH7E.js", AdminUiCaching.Immutable)]
    [InlineData("styles-ZEHSH6SQ.css", AdminUiCaching.Immutable)]
    [InlineData("index.html", AdminUiCaching.Revalidate)]
    [InlineData("favicon.ico", AdminUiCaching.Revalidate)]
    [InlineData("chunk-lower123.js", AdminUiCaching.Revalidate)]
    [InlineData("main.js", AdminUiCaching.Revalidate)]
    public void Should_Keep_Only_Files_Named_By_Their_Content(string fileName, string expected) =>
        AdminUiCaching.For(fileName).ShouldBe(expected);

    [Fact]
    public async Task Should_Let_Browsers_Keep_Hashed_Scripts_And_Revalidate_The_Index()
    {
        using var client = host.CreateClient();

        var script = await client.GetAsync("/main-PBSRJQET.js");
        script.StatusCode.ShouldBe(HttpStatusCode.OK);
        script.Headers.CacheControl!.ToString().ShouldBe(AdminUiCaching.Immutable);

        var index = await client.GetAsync("/");
        index.StatusCode.ShouldBe(HttpStatusCode.OK);
        index.Headers.CacheControl!.NoCache.ShouldBeTrue();

        // A route of the UI is answered with the index page, revalidated the same way.
        var route = await client.GetAsync("/data-entry");
        route.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await route.Content.ReadAsStringAsync()).ShouldContain("main-PBSRJQET.js");
        route.Headers.CacheControl!.NoCache.ShouldBeTrue();

        // A revalidation of the index keeps the rule (304 with the same header).
        using var again = new HttpRequestMessage(HttpMethod.Get, "/index.html");
        again.Headers.IfModifiedSince = index.Content.Headers.LastModified;
        var notModified = await client.SendAsync(again);
        notModified.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        notModified.Headers.CacheControl!.NoCache.ShouldBeTrue();

        // The API is not a static file: no such header from this rule.
        var api = await client.GetAsync("/health/live");
        (api.Headers.CacheControl?.ToString() ?? string.Empty).ShouldNotContain("immutable");
    }
}

/// <summary>The host with a web root holding an index page and a hashed script, as the UI build writes them.</summary>
public sealed class AdminUiHostFixture : PilotAssessmentHostFixture
{
    private readonly string _webRoot = Directory.CreateTempSubdirectory("pilot-webroot-").FullName;

    public AdminUiHostFixture()
        : base(DatabaseProvider.Sqlite)
    {
        File.WriteAllText(Path.Combine(_webRoot, "index.html"), """<!doctype html><html><body><script src="main-PBSRJQET.js" type="module"></script></body></html>""");
        File.WriteAllText(Path.Combine(_webRoot, "main-PBSRJQET.js"), "console.log('admin ui');");
    }

    protected override void ConfigureHost(IWebHostBuilder builder) => builder.UseWebRoot(_webRoot);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_webRoot, recursive: true);
    }
}

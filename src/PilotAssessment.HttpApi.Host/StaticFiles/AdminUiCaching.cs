using System.Text.RegularExpressions;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace PilotAssessment.StaticFiles;

/// <summary>
/// Cache rules for the built admin UI in wwwroot. The build names every script and stylesheet by a hash of its
/// content (<c>main-PBSRJQET.js</c>, <c>chunk-AHDXOH7E.js</c>), so a browser may keep them for a year without asking
/// again; <c>index.html</c> names the current ones, so it is revalidated on every load. Without these headers a
/// reload revalidated every script, one round trip each, before the page could start.
/// </summary>
public static partial class AdminUiCaching
{
    public const string Immutable = "public, max-age=31536000, immutable";

    public const string Revalidate = "no-cache";

    /// <summary>The Cache-Control value for a file of the built UI, by its name.</summary>
    public static string For(string fileName) =>
        HashedName().IsMatch(fileName) ? Immutable : Revalidate;

    public static StaticFileOptions Options() => new()
    {
        OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] = For(context.File.Name),
    };

    [GeneratedRegex(@"^(main|chunk|polyfills|styles|worker)-[A-Z0-9]{8}\.(js|css|mjs)$")]
    private static partial Regex HashedName();
}

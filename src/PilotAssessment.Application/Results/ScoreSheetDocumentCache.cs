using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;

namespace PilotAssessment.Results;

/// <summary>
/// The stored score-sheet documents this host has read, as their bytes, keyed by sheet, language and format. A
/// document never changes once stored (a new version is a new sheet), so a per-host copy is never stale on any host
/// (docs/adr/0015); only bytes read back from the database are kept, never a freshly built copy another reader may
/// have beaten into the table. Bounded by <c>Results:DocumentCacheMegabytes</c> (64 by default): the least recently
/// read are dropped first.
/// </summary>
public sealed class ScoreSheetDocumentCache : IDisposable
{
    private readonly MemoryCache _cache;

    public ScoreSheetDocumentCache(IConfiguration configuration)
    {
        var megabytes = configuration.GetValue("Results:DocumentCacheMegabytes", 64);
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(0, megabytes) * 1024L * 1024L, CompactionPercentage = 0.25 });
    }

    public bool TryGet(Guid sheetId, string language, int format, out byte[] content) =>
        _cache.TryGetValue(new Key(sheetId, language, format), out content!);

    public void Set(Guid sheetId, string language, int format, byte[] content) =>
        _cache.Set(new Key(sheetId, language, format), content, new MemoryCacheEntryOptions { Size = content.Length });

    public void Dispose() => _cache.Dispose();

    private readonly record struct Key(Guid SheetId, string Language, int Format);
}

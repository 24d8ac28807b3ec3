using Microsoft.Extensions.Caching.Memory;

namespace PilotAssessment.Agreements;

/// <summary>
/// The parsed content of agreements this host has read, by agreement and concurrency stamp: every change of an
/// agreement (a redraft, a new unit assignment) gives it a new stamp, so a kept content is never served for a changed
/// agreement on any host. Opening or saving an entry sheet then reads the agreement's head, not its content. Bounded to
/// 2,000 contents, the least recently read dropped first.
/// </summary>
public sealed class AgreementContentCache : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 2000, CompactionPercentage = 0.25 });

    /// <param name="read">Reads the content when it is not kept (null: the agreement is gone).</param>
    public async Task<AgreementContent?> GetAsync(Guid agreementId, string? concurrencyStamp, Func<Task<AgreementContent?>> read)
    {
        var key = (agreementId, concurrencyStamp);
        if (_cache.TryGetValue(key, out AgreementContent? content))
        {
            return content;
        }

        content = await read();
        if (content is not null)
        {
            _cache.Set(key, content, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
        }

        return content;
    }

    public void Dispose() => _cache.Dispose();
}

using System.Collections.Concurrent;
using PilotAssessment.Schemes;

namespace PilotAssessment.DataEntry;

/// <summary>
/// The parsed definition of a published or archived scheme, kept per host: such a definition never changes
/// (<see cref="Scheme.UpdateDefinition"/> takes drafts only), so every entry sheet and every saved cell need not read
/// and parse its 50 KiB of JSON again. A draft is read each time.
/// </summary>
public sealed class SchemeDefinitionCache
{
    private readonly ConcurrentDictionary<Guid, SchemeDefinition> _fixed = new();

    /// <returns>The definition, and what identifies it as it is now (the id of a fixed definition, the id and stamp of a draft).</returns>
    public async Task<(SchemeDefinition Definition, string Identity)> GetAsync(IRepository<Scheme> schemes, Guid schemeId)
    {
        if (_fixed.TryGetValue(schemeId, out var definition))
        {
            return (definition, schemeId.ToString("N"));
        }

        var scheme = await schemes.GetAsync(schemeId);
        if (scheme.Status == SchemeStatus.Draft)
        {
            return (scheme.Definition, $"{schemeId:N}:{scheme.ConcurrencyStamp}");
        }

        return (_fixed.GetOrAdd(schemeId, scheme.Definition), schemeId.ToString("N"));
    }
}

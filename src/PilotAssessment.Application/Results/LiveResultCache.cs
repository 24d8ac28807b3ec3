using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using PilotAssessment.Reviews;

namespace PilotAssessment.Results;

/// <summary>
/// Each city's live monitoring row of an open period, kept per host with a fingerprint of everything its score is
/// computed from (the lines' values and auditor scores, the facts, the reference figures, the targets, the scheme, the
/// submission's status, the city's name). A row is served only while the fingerprint of what the database holds now
/// is the same, so it is never stale and hosts need not share it: a save, a report, a return, a fed value, a veto or
/// another city's submission (the province average) changes the fingerprint, and only that city is scored again.
/// Rows served from here are shared: callers read them and do not change them.
/// </summary>
public sealed class LiveResultCache(IMemoryCache cache)
{
    private static readonly MemoryCacheEntryOptions Entry = new() { SlidingExpiration = TimeSpan.FromMinutes(30) };

    public bool TryGet(Guid periodId, Guid cityId, string fingerprint, out CityMonitoringDto row)
    {
        if (cache.TryGetValue(Key(periodId, cityId), out (string Fingerprint, CityMonitoringDto Row) entry) && entry.Fingerprint == fingerprint)
        {
            row = entry.Row;
            return true;
        }

        row = null!;
        return false;
    }

    public void Set(Guid periodId, Guid cityId, string fingerprint, CityMonitoringDto row) =>
        cache.Set(Key(periodId, cityId), (fingerprint, row), Entry);

    /// <param name="scheme">What identifies the scheme's definition as stored (its id and concurrency stamp).</param>
    public static string Fingerprint(string scheme, string? cityName, CityPeriodInput input, IReadOnlyDictionary<string, decimal>? targets, SubmissionStatus? status)
    {
        var text = new StringBuilder(8192);
        text.Append(scheme).Append('\u001f').Append(cityName).Append('\u001f').Append(status?.ToString());
        foreach (var line in input.Lines.OrderBy(l => l.IndicatorCode, StringComparer.Ordinal).ThenBy(l => l.Id))
        {
            text.Append('\u001e').Append(line.IndicatorCode).Append('\u001f').Append(line.ValueJson).Append('\u001f').Append(Number(line.AuditorScore));
        }

        Append(text, "veto", input.Facts?.VetoFacts.ToDictionary(f => f.Key, f => f.Value ? "1" : "0"));
        Append(text, "bonus", input.Facts?.BonusCounts.ToDictionary(f => f.Key, f => f.Value.ToString(CultureInfo.InvariantCulture)));
        Append(text, "items", input.Facts?.DataItems.ToDictionary(f => f.Key, f => Number(f.Value)));
        Append(text, "average", input.Reference.ProvinceAverages.ToDictionary(f => f.Key, f => Number(f.Value)));
        Append(text, "lastYear", input.Reference.LastYearValues.ToDictionary(f => f.Key, f => Number(f.Value)));
        Append(text, "ranks", input.Reference.Ranks.ToDictionary(f => f.Key, f => f.Value.ToString(CultureInfo.InvariantCulture)));
        Append(text, "lastRanks", input.Reference.LastYearRanks.ToDictionary(f => f.Key, f => f.Value.ToString(CultureInfo.InvariantCulture)));
        Append(text, "entered", input.EnteredLastYear.ToDictionary(c => c, _ => string.Empty));
        Append(text, "targets", targets?.ToDictionary(f => f.Key, f => Number(f.Value)));
        text.Append('\u001e').Append(input.ReferencePeriodName);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static void Append(StringBuilder text, string part, IReadOnlyDictionary<string, string>? values)
    {
        text.Append('\u001e').Append(part);
        foreach (var (key, value) in (values ?? new Dictionary<string, string>()).OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            text.Append('\u001f').Append(key).Append('=').Append(value);
        }
    }

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Key(Guid periodId, Guid cityId) => $"monitoring-live:{periodId:N}:{cityId:N}";
}

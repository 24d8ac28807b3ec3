using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using PilotAssessment.Reviews;

namespace PilotAssessment.Results;

/// <summary>
/// Each city's live monitoring row and reported-line count of an open period, kept per host under a key of what its
/// figures come from: the city's <see cref="CityChangeStamp"/> of the period and of the previous one (its lines,
/// auditor scores, facts and submission), and the period-wide part (the scheme, the stored province figures), its
/// targets, its submission's status and name. The stamps are in the database and raised in the same transaction as
/// every write, so a kept row is served only while nothing it comes from changed, on any host: a request reads the
/// stamps and re-reads only the cities whose key differs. Rows served from here are shared: callers do not change them.
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

    /// <summary>The city's count of reported lines kept under <paramref name="fingerprint"/> (its stamp and the expected indicators).</summary>
    public bool TryGetReported(Guid periodId, Guid cityId, string fingerprint, out int reported)
    {
        if (cache.TryGetValue(ReportedKey(periodId, cityId), out (string Fingerprint, int Reported) entry) && entry.Fingerprint == fingerprint)
        {
            reported = entry.Reported;
            return true;
        }

        reported = 0;
        return false;
    }

    public void SetReported(Guid periodId, Guid cityId, string fingerprint, int reported) =>
        cache.Set(ReportedKey(periodId, cityId), (fingerprint, reported), Entry);

    /// <summary>What every city's live score of the period shares: the scheme as stored, the previous period, the stored province figures.</summary>
    /// <param name="scheme">What identifies the scheme's definition as stored (its id and concurrency stamp).</param>
    public static string PeriodWide(string scheme, Guid? previousPeriodId, IEnumerable<ReferenceFigure> figures)
    {
        var text = new StringBuilder(4096);
        text.Append(scheme).Append('\u001f').Append(previousPeriodId?.ToString("N"));
        foreach (var figure in figures.OrderBy(f => f.IndicatorCode, StringComparer.Ordinal))
        {
            text.Append('\u001e').Append(figure.IndicatorCode).Append('\u001f').Append(Number(figure.ReportedSum)).Append('\u001f').Append(figure.ReportedCount)
                .Append('\u001f').Append(Number(figure.ApprovedSum)).Append('\u001f').Append(figure.ApprovedCount);
        }

        return Hash(text);
    }

    /// <param name="periodWide">From <see cref="PeriodWide"/>.</param>
    /// <param name="stamp">The city's change stamp of the period; <paramref name="previousStamp"/> that of the previous period.</param>
    public static string Fingerprint(string periodWide, string? cityName, long stamp, long previousStamp, IReadOnlyDictionary<string, decimal>? targets, SubmissionStatus? status)
    {
        var text = new StringBuilder(256);
        text.Append(periodWide).Append('\u001f').Append(cityName).Append('\u001f').Append(stamp).Append('\u001f').Append(previousStamp)
            .Append('\u001f').Append(status?.ToString());
        foreach (var (code, target) in (targets ?? new Dictionary<string, decimal>()).OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            text.Append('\u001e').Append(code).Append('=').Append(Number(target));
        }

        return Hash(text);
    }

    private static string Hash(StringBuilder text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Key(Guid periodId, Guid cityId) => $"monitoring-live:{periodId:N}:{cityId:N}";

    private static string ReportedKey(Guid periodId, Guid cityId) => $"monitoring-reported:{periodId:N}:{cityId:N}";
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using PilotAssessment.Data;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Periods;
using PilotAssessment.Results;

namespace PilotAssessment.DataEntry;

/// <summary>A city's built entry sheet as every user of the city sees it before the unit filter, with what writability it was built under.</summary>
public sealed record KeptEntrySheet(string Fingerprint, EntrySheetDto Sheet, bool CityMayEdit);

/// <summary>
/// The entry sheets this host has built, one per (period, city, language), kept under the fingerprint of what they come
/// from (<see cref="EntrySheetFingerprint"/>). The fingerprint is read from the database on every request, so a kept
/// sheet is served only while nothing it comes from changed, on any host. Kept sheets are shared: callers copy the sheet
/// before they change it and never change its lines. Bounded by <c>DataEntry:KeptSheets</c> (1,000 by default): the
/// least recently read are dropped first.
/// </summary>
public sealed class EntrySheetCache : IDisposable
{
    private static readonly TimeSpan Sliding = TimeSpan.FromMinutes(30);
    private readonly MemoryCache _cache;

    public EntrySheetCache(IConfiguration configuration)
    {
        var sheets = configuration.GetValue("DataEntry:KeptSheets", 1000);
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(0, sheets), CompactionPercentage = 0.25 });
    }

    public bool TryGet(Guid periodId, Guid cityId, string fingerprint, out KeptEntrySheet kept)
    {
        if (_cache.TryGetValue(new Key(periodId, cityId, CultureInfo.CurrentUICulture.Name), out KeptEntrySheet? entry) && entry!.Fingerprint == fingerprint)
        {
            kept = entry;
            return true;
        }

        kept = null!;
        return false;
    }

    public void Set(Guid periodId, Guid cityId, KeptEntrySheet kept) =>
        _cache.Set(new Key(periodId, cityId, CultureInfo.CurrentUICulture.Name), kept, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Sliding });

    /// <summary>Drops every kept sheet (the next request of each city builds it again).</summary>
    public void Clear() => _cache.Clear();

    public void Dispose() => _cache.Dispose();

    private readonly record struct Key(Guid PeriodId, Guid CityId, string Language);
}

/// <summary>
/// What a city's entry sheet of a period is built from, read in one or two small queries: the city's
/// <see cref="CityChangeStamp"/> of the period and of the previous one (its lines with their auditor scores and quality
/// checks, its evidence, facts and submission), the two periods as stored, the scheme, the agreement's targets, the
/// stored province figures and the language. Null when the sheet would also be built from something without a stamp
/// (a province figure not stored yet while some city has reported is computed from the other cities' lines): such a
/// sheet is not kept.
/// </summary>
public sealed class EntrySheetFingerprint(CityChangeStampStore stamps, IRepository<ReferenceFigure> figures, IRepository<Reviews.CitySubmission> submissions, IDataFilter dataFilter)
{
    /// <param name="targets">The city's targets as scoring takes them (<see cref="EntryLineScope.TargetsOf"/>); null: not read, nothing kept.</param>
    public async Task<string?> ReadAsync(EntryPeriod entry, Guid cityId, IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, decimal>>? targets)
    {
        if (targets is null)
        {
            return null;
        }

        var period = entry.Period;
        var previous = PeriodReferenceDataProvider.PreviousOf(period, entry.OfScheme);

        // Read before anything they stand for: a write committed meanwhile makes a kept sheet older than its stamp says
        // (built again next time), never newer.
        var cityStamps = await stamps.ReadAsync(previous is null ? [period.Id] : [period.Id, previous.Id], [cityId]);
        var averaged = ReferenceFigureStore.AveragedIndicators(entry.Definition);
        List<ReferenceFigure> stored = [];
        if (averaged.Count > 0)
        {
            stored = await figures.ToListAsync(figures.QueryReadOnly().Where(f => f.PeriodId == period.Id && averaged.Contains(f.IndicatorCode)));
            // Figures are stored at a period's first report; before it no city counts in an average.
            if (averaged.Any(code => stored.All(f => f.IndicatorCode != code)) && await AnyCityReportedAsync(period.Id))
            {
                return null;
            }
        }

        var text = new StringBuilder(512);
        text.Append(LiveResultCache.PeriodWide(entry.SchemeIdentity, previous?.Id, stored))
            .Append('\u001f').Append(period.Id.ToString("N")).Append(':').Append(period.ConcurrencyStamp)
            .Append('\u001f').Append(previous?.ConcurrencyStamp)
            .Append('\u001f').Append(cityId.ToString("N"))
            .Append('\u001f').Append(cityStamps.GetValueOrDefault((period.Id, cityId)))
            .Append('\u001f').Append(previous is null ? 0 : cityStamps.GetValueOrDefault((previous.Id, cityId)));
        foreach (var (code, target) in targets.GetValueOrDefault(cityId, new Dictionary<string, decimal>()).OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            text.Append('\u001e').Append(code).Append('=').Append(target.ToString(CultureInfo.InvariantCulture));
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private async Task<bool> AnyCityReportedAsync(Guid periodId)
    {
        using var _ = dataFilter.Disable<IMultiTenant>();
        return await submissions.AnyAsync(submissions.QueryReadOnly()
            .Where(s => s.PeriodId == periodId && (s.Status == Reviews.SubmissionStatus.Submitted || s.Status == Reviews.SubmissionStatus.Approved)));
    }
}

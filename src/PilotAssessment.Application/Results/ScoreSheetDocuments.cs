using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PilotAssessment.Appeals;
using PilotAssessment.Tenants;

namespace PilotAssessment.Results;

/// <summary>
/// Published score sheets served from their stored JSON (<see cref="ScoreSheetDocument"/>), with an entity tag.
/// The stored part is what never changes (figures, lines, texts of one language); the live part (city name, current
/// or withdrawn, appeals) is written in front of it. The tag hashes the sheet, the language and a stamp of the live
/// part read in one query, so a 304 is answered without reading the appeals or the document; a 200 takes the stored
/// bytes from this host's <see cref="ScoreSheetDocumentCache"/> once they were read.
/// </summary>
public sealed class ScoreSheetDocuments(
    IRepository<ScoreSheetRecord> sheets,
    IRepository<ScoreSheetDocument> documents,
    IRepository<Tenant> tenants,
    IRepository<Appeal> appeals,
    IScoreSheetDocumentWriter writer,
    ScoreSheetDocumentCache cache,
    ScoreSheetStore store,
    ScoreSheetLineSources sources)
{
    /// <summary>Raise when <see cref="ScoreSheetRecordDto"/> or its mapping changes: older documents are then written again.</summary>
    public const int Format = 2;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly ReadOnlyMemory<byte> Comma = ","u8.ToArray();

    /// <summary>The DTO's properties that may change after publication, hence never stored (camelCase, as served).</summary>
    private static readonly string[] LiveProperties = ["cityName", "isCurrent", "withdrawnTime", "appeals"];

    /// <summary>
    /// The caller has already chosen whose rows it may read (a city its own, the province any). One query reads the
    /// sheet's live state with the city's name and a stamp of its appeals, which is all the tag needs: a 304 reads
    /// neither the appeals nor the document; a 200 reads them after.
    /// </summary>
    public async Task<ScoreSheetJsonDto> GetAsync(Guid sheetId, string? ifNoneMatch)
    {
        var cities = tenants.QueryReadOnly();
        var allAppeals = appeals.QueryReadOnly();
        var head = await sheets.FirstOrDefaultAsync(sheets.QueryReadOnly()
            .Where(s => s.Id == sheetId)
            .Select(s => new SheetHead(
                s.TenantId!.Value,
                s.PeriodId,
                s.IsCurrent,
                s.WithdrawnTime,
                cities.Where(t => t.Id == s.TenantId).Select(t => t.DisplayName).FirstOrDefault(),
                allAppeals.Count(a => a.PeriodId == s.PeriodId && a.TenantId == s.TenantId),
                allAppeals.Where(a => a.PeriodId == s.PeriodId && a.TenantId == s.TenantId).Max(a => (DateTime?)a.CreationTime),
                allAppeals.Where(a => a.PeriodId == s.PeriodId && a.TenantId == s.TenantId).Max(a => a.DecidedTime),
                allAppeals.Count(a => a.PeriodId == s.PeriodId && a.TenantId == s.TenantId && a.ResultVersion != null))))
            ?? throw new EntityNotFoundException(typeof(ScoreSheetRecord), sheetId);
        var language = Language();
        var etag = ETag(sheetId, language, head);
        if (Matches(ifNoneMatch, etag))
        {
            return new ScoreSheetJsonDto { ETag = etag };
        }

        var live = new LiveParts
        {
            CityName = head.CityName,
            IsCurrent = head.IsCurrent,
            WithdrawnTime = head.WithdrawnTime is { } withdrawn ? DateTime.SpecifyKind(withdrawn, DateTimeKind.Utc) : null,
            Appeals = head.Appeals == 0 ? [] : await store.AppealsOfAsync(head.PeriodId, head.CityId),
        };
        var liveJson = JsonSerializer.SerializeToUtf8Bytes(live, Json);
        // The head query above went through the tenant filter, so the per-host copy is only served to whom may read it.
        if (!cache.TryGet(sheetId, language, Format, out var stored))
        {
            var read = await documents.FirstOrDefaultAsync(documents.QueryReadOnly()
                .Where(d => d.ScoreSheetRecordId == sheetId && d.Language == language && d.Format == Format)
                .Select(d => d.Content));
            if (read is null)
            {
                stored = await BuildAsync(sheetId);
                await writer.AddIfMissingAsync(new ScoreSheetDocument(SequentialGuid.Next(), head.CityId, sheetId, language, Format, stored));
            }
            else
            {
                stored = read;
                cache.Set(sheetId, language, Format, read);
            }
        }

        return new ScoreSheetJsonDto { ETag = etag, Content = Join(liveJson, stored) };
    }

    /// <summary>The sheet's DTO without its live properties, in the current culture's texts.</summary>
    private async Task<byte[]> BuildAsync(Guid sheetId)
    {
        var record = await sheets.GetAsync(sheetId);
        var lines = await store.LinesOfAsync([sheetId]);
        var dto = store.ToDto(record, null, lines[sheetId]);
        await sources.FillAsync([dto]);
        var node = JsonSerializer.SerializeToNode(dto, Json)!.AsObject();
        foreach (var property in LiveProperties)
        {
            node.Remove(property);
        }

        return JsonSerializer.SerializeToUtf8Bytes(node, Json);
    }

    /// <summary>The two JSON objects as one, <c>{live…, stored…}</c>, in parts: neither is copied.</summary>
    private static ReadOnlyMemory<byte>[] Join(byte[] live, byte[] stored) =>
        [live.AsMemory(0, live.Length - 1), Comma, stored.AsMemory(1)];

    /// <summary>
    /// The sheet, language and format, and everything live that is served with them: the city's name, current or
    /// withdrawn, and the appeals' stamp (an appeal is only ever added, decided once and given its resulting version).
    /// </summary>
    private static string ETag(Guid sheetId, string language, SheetHead head)
    {
        var text = string.Join(
            '/',
            sheetId.ToString("N"),
            language,
            Format.ToString(CultureInfo.InvariantCulture),
            head.CityName,
            head.IsCurrent ? "1" : "0",
            Ticks(head.WithdrawnTime),
            head.Appeals.ToString(CultureInfo.InvariantCulture),
            Ticks(head.LastAppealTime),
            Ticks(head.LastDecisionTime),
            head.AppealResults.ToString(CultureInfo.InvariantCulture));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return $"\"{Convert.ToHexStringLower(hash.AsSpan(0, 16))}\"";
    }

    private static string Ticks(DateTime? time) => time?.Ticks.ToString(CultureInfo.InvariantCulture) ?? "-";

    /// <summary>If-None-Match: a list of tags (weak ones compare weakly) or *.</summary>
    private static bool Matches(string? ifNoneMatch, string etag)
    {
        if (string.IsNullOrWhiteSpace(ifNoneMatch))
        {
            return false;
        }

        return ifNoneMatch.Split(',').Select(t => t.Trim()).Any(t => t == "*" || t == etag || (t.StartsWith("W/", StringComparison.Ordinal) && t[2..] == etag));
    }

    /// <summary>The product's two languages; zh-CN and other Chinese cultures read the zh-Hans texts.</summary>
    private static string Language()
    {
        for (var culture = CultureInfo.CurrentUICulture; !string.IsNullOrEmpty(culture.Name); culture = culture.Parent)
        {
            if (culture.Name == "en")
            {
                return "en";
            }
        }

        return "zh-Hans";
    }

    private sealed record SheetHead(
        Guid CityId,
        Guid PeriodId,
        bool IsCurrent,
        DateTime? WithdrawnTime,
        string? CityName,
        int Appeals,
        DateTime? LastAppealTime,
        DateTime? LastDecisionTime,
        int AppealResults);

    private sealed class LiveParts
    {
        public string? CityName { get; init; }

        public bool IsCurrent { get; init; }

        public DateTime? WithdrawnTime { get; init; }

        public List<AppealDto> Appeals { get; init; } = [];
    }
}

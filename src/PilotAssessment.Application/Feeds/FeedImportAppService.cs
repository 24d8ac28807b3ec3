using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PilotAssessment.DataEntry;
using PilotAssessment.Users;

namespace PilotAssessment.Feeds;

/// <summary>
/// The bulk import of a feed client (docs/adr/0023): every row is checked first (<see cref="FeedRowChecker"/>), and
/// one problem anywhere refuses the whole request; a dry run stops there with the counts it would give. A real
/// import writes each city's lines inside that city (<see cref="ICurrentTenant.Change"/>), through
/// <see cref="EntryLine.ChangeValue"/> so the history is kept, marks them with the client as their source, and stores
/// the summary under the client's idempotency key: the same key again answers it without writing.
/// </summary>
[RequiresSignIn]
public sealed class FeedImportAppService(
    ApplicationServiceContext context,
    FeedCaller caller,
    FeedRowChecker checker,
    IRepository<FeedImport> imports,
    IRepository<EntryLine> lines,
    IRepository<EntryValueHistory> history,
    IUnitOfWork unitOfWork) : PilotAssessmentAppService(context), IFeedImportAppService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<FeedImportSummaryDto> ImportAsync(FeedImportRequest request)
    {
        var client = await caller.ClientAsync();
        var key = request.IdempotencyKey?.Trim();
        if (!request.DryRun && string.IsNullOrEmpty(key))
        {
            throw new BusinessException(FeedErrorCodes.IdempotencyKeyRequired).WithError("Idempotency-Key", FeedErrorCodes.IdempotencyKeyRequired);
        }

        if (key is { Length: > FeedConsts.MaxIdempotencyKeyLength })
        {
            throw new BusinessException(FeedErrorCodes.TextTooLong, FeedConsts.MaxIdempotencyKeyLength)
                .WithError("Idempotency-Key", FeedErrorCodes.TextTooLong, FeedConsts.MaxIdempotencyKeyLength);
        }

        var rows = FeedBody.Read(request.ContentType, request.Body ?? []);
        if (rows.Count == 0)
        {
            throw new BusinessException(FeedErrorCodes.NoRows).WithError("rows", FeedErrorCodes.NoRows);
        }

        if (rows.Count > FeedConsts.MaxRows)
        {
            throw new BusinessException(FeedErrorCodes.TooManyRows, FeedConsts.MaxRows).WithError("rows", FeedErrorCodes.TooManyRows, FeedConsts.MaxRows);
        }

        var hash = Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(rows, Json)));
        if (!request.DryRun && await PreviousAsync(client, key!, hash) is { } previous)
        {
            return previous;
        }

        var plans = await checker.CheckAsync(client, rows);
        var summary = new FeedImportSummaryDto { DryRun = request.DryRun, IdempotencyKey = key, Time = Now, Rows = rows.Count };
        foreach (var group in plans.GroupBy(p => (p.City.Id, p.Period.Id)))
        {
            var city = group.First().City;
            using (CurrentTenant.Change(city.Id, city.Name))
            {
                await WriteAsync(client, group.First().Period.Id, group.ToList(), summary, request.DryRun);
            }
        }

        summary.Status = request.DryRun ? "DryRun" : "Imported";
        if (!request.DryRun)
        {
            summary.ImportId = Guid.NewGuid();
            var record = new FeedImport(summary.ImportId.Value, client.Id, key!, hash, summary.Imported, summary.Updated, summary.Ignored, JsonSerializer.Serialize(summary, Json));
            using (CurrentTenant.Change(client.TenantId))
            {
                await imports.InsertAsync(record);
            }
        }

        return summary;
    }

    /// <summary>The first answer to this key, or null; the same key with other rows is a conflict.</summary>
    private async Task<FeedImportSummaryDto?> PreviousAsync(FeedClient client, string key, string hash)
    {
        FeedImport? previous;
        using (ReadAcrossCities())
        {
            previous = await imports.FirstOrDefaultAsync(imports.QueryReadOnly().Where(i => i.ClientId == client.Id && i.IdempotencyKey == key));
        }

        if (previous is null)
        {
            return null;
        }

        if (previous.RequestHash != hash)
        {
            throw new ConflictException(FeedErrorCodes.IdempotencyKeyReused, key);
        }

        var summary = JsonSerializer.Deserialize<FeedImportSummaryDto>(previous.SummaryJson, Json)!;
        summary.Replayed = true;
        return summary;
    }

    /// <summary>The rows of one city and period, in that city: one query for the lines, one for their revision counts, one save.</summary>
    private async Task WriteAsync(FeedClient client, Guid periodId, List<FeedRowPlan> plans, FeedImportSummaryDto summary, bool dryRun)
    {
        var codes = plans.Select(p => p.Indicator.Code).ToList();
        var existing = (await lines.ToListAsync(lines.Query().Where(l => l.PeriodId == periodId && codes.Contains(l.IndicatorCode))))
            .ToDictionary(l => l.IndicatorCode, StringComparer.Ordinal);
        var ids = existing.Values.Select(l => l.Id).ToList();
        var revisions = ids.Count == 0
            ? []
            : (await history.ToListAsync(history.QueryReadOnly().Where(h => ids.Contains(h.EntryLineId)).GroupBy(h => h.EntryLineId).Select(g => new { g.Key, Count = g.Count() })))
                .ToDictionary(r => r.Key, r => r.Count);
        var source = FeedTokenAppService.SourceNameOf(client);
        var now = Now;
        foreach (var plan in plans)
        {
            var line = existing.GetValueOrDefault(plan.Indicator.Code);
            if (dryRun)
            {
                Count(summary, line is null, line is null || line.ValueJson != plan.Value.ToJson() || line.Note != plan.Note || line.SourceClientId != client.Id);
                continue;
            }

            var isNew = line is null;
            line ??= new EntryLine(Guid.NewGuid(), periodId, plan.Indicator.Code);
            var wasFedByThis = line.SourceClientId == client.Id && line.SourceEvidence == plan.Evidence;
            var revision = line.ChangeValue(plan.Value, plan.Note, client.Id, now, isNew ? 0 : revisions.GetValueOrDefault(line.Id));
            if (revision is null && wasFedByThis)
            {
                Count(summary, isNew, false);
                continue;
            }

            line.MarkFed(client.Id, source, plan.Evidence);
            line.UnitId = plan.UnitId;
            if (revision is not null)
            {
                revision.SourceClientId = client.Id;
                revision.SourceName = source;
                await history.InsertAsync(revision, autoSave: false);
            }

            if (isNew)
            {
                await lines.InsertAsync(line, autoSave: false);
            }
            else
            {
                await lines.UpdateAsync(line, autoSave: false);
            }

            Count(summary, isNew, true);
        }

        // Saved inside the city (the save checks each row's tenant against the current one), in the call's transaction.
        if (!dryRun)
        {
            await unitOfWork.SaveChangesAsync();
        }
    }

    private static void Count(FeedImportSummaryDto summary, bool isNew, bool changed)
    {
        if (isNew)
        {
            summary.Imported++;
        }
        else if (changed)
        {
            summary.Updated++;
        }
        else
        {
            summary.Ignored++;
        }
    }
}

/// <summary>The feed client of the current call, from its token; a revoked or removed client is refused at once (401).</summary>
public sealed class FeedCaller(ICurrentPrincipalAccessor principal, IRepository<FeedClient> clients, Data.IDataFilter dataFilter)
{
    public async Task<FeedClient> ClientAsync()
    {
        if (!Guid.TryParse(principal.Principal?.FindFirst(FeedConsts.ClientIdClaimType)?.Value, out var id))
        {
            throw new ForbiddenException(FeedErrorCodes.NotAFeedClient);
        }

        FeedClient? client;
        using (dataFilter.Disable<IMultiTenant>())
        {
            client = await clients.FindAsync(id);
        }

        return client is { IsRevoked: false } ? client : throw new AuthenticationFailedException(FeedErrorCodes.ClientRevoked);
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PilotAssessment.DataEntry;
using PilotAssessment.Users;

namespace PilotAssessment.Feeds;

/// <summary>
/// The bulk import of a feed client (docs/adr/0023): every row is checked first (<see cref="FeedRowChecker"/>), and
/// one problem anywhere refuses the whole request; a dry run stops there with the counts it would give. A real
/// import changes each line through <see cref="EntryLine.ChangeValue"/> so the history is kept, marks it with the
/// client as its source, writes new lines and revisions in bulk (<see cref="IFeedLineBulkWriter"/>), and stores the
/// summary under the client's idempotency key: the same key again answers it without writing.
/// </summary>
[RequiresSignIn]
public sealed class FeedImportAppService(
    ApplicationServiceContext context,
    FeedCaller caller,
    FeedRowChecker checker,
    IRepository<FeedImport> imports,
    IRepository<EntryLine> lines,
    IFeedLineBulkWriter bulkWriter,
    IUnitOfWork unitOfWork,
    IUnitOfWorkManager unitOfWorkManager) : PilotAssessmentAppService(context), IFeedImportAppService
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

        var rows = await FeedBody.ReadAsync(request.ContentType, request.Body ?? Stream.Null);
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
        await WriteAsync(client, plans, summary, request.DryRun);

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

    /// <summary>
    /// Every row at once: one query for the lines the rows name, one for their revision counts; changed lines are
    /// saved as batched updates, new lines and every revision are bulk-inserted, all in the call's transaction. The
    /// checker has already kept every row to the client's own cities, so the writes run across cities.
    /// </summary>
    private async Task WriteAsync(FeedClient client, List<FeedRowPlan> plans, FeedImportSummaryDto summary, bool dryRun)
    {
        var cityIds = plans.Select(p => p.City.Id).Distinct().ToList();
        var periodIds = plans.Select(p => p.Period.Id).Distinct().ToList();
        var codes = plans.Select(p => p.Indicator.Code).Distinct().ToList();
        using var _ = ReadAcrossCities();
        var named = (dryRun ? lines.QueryReadOnly() : lines.Query())
            .Where(l => l.TenantId != null && cityIds.Contains(l.TenantId.Value) && periodIds.Contains(l.PeriodId) && codes.Contains(l.IndicatorCode));
        var existing = (await lines.ToListAsync(named)).ToDictionary(l => (l.TenantId!.Value, l.PeriodId, l.IndicatorCode));
        var source = FeedTokenAppService.SourceNameOf(client);
        var now = Now;
        var newLines = new List<EntryLine>();
        var newRevisions = new List<EntryValueHistory>();
        foreach (var plan in plans)
        {
            var line = existing.GetValueOrDefault((plan.City.Id, plan.Period.Id, plan.Indicator.Code));
            if (dryRun)
            {
                Count(summary, line is null, line is null || line.ValueJson != plan.Value.ToJson() || line.Note != plan.Note || line.SourceClientId != client.Id);
                continue;
            }

            var isNew = line is null;
            line ??= new EntryLine(SequentialGuid.Next(), plan.Period.Id, plan.Indicator.Code) { TenantId = plan.City.Id };
            var wasFedByThis = line.SourceClientId == client.Id && line.SourceEvidence == plan.Evidence;
            var revision = line.ChangeValue(plan.Value, plan.Note, client.Id, now);
            if (revision is null && wasFedByThis)
            {
                Count(summary, isNew, false);
                continue;
            }

            line.MarkFed(client.Id, source, plan.Evidence);
            line.UnitId = plan.UnitId;
            if (revision is not null)
            {
                revision.TenantId = plan.City.Id;
                revision.SourceClientId = client.Id;
                revision.SourceName = source;
                newRevisions.Add(revision);
            }

            if (isNew)
            {
                newLines.Add(line);
            }

            Count(summary, isNew, true);
        }

        if (!dryRun)
        {
            // The bulk-written rows and the tracked changes commit together, in the call's transaction (opened if not yet).
            await using var work = await unitOfWorkManager.BeginAsync(isTransactional: true);

            // Changed lines are tracked: the save writes them (and their entity changes) in batches, in the transaction.
            await unitOfWork.SaveChangesAsync();
            await bulkWriter.InsertAsync(newLines, newRevisions);
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

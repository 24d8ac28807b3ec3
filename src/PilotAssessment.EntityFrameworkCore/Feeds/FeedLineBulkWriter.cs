using PilotAssessment.DataEntry;
using PilotAssessment.EntityFrameworkCore;
using PilotAssessment.EntityFrameworkCore.Results;
using PilotAssessment.Users;

// In the domain's namespace: an EntityFrameworkCore.Feeds namespace would hide PilotAssessment.Feeds from the EF configurations.
namespace PilotAssessment.Feeds;

/// <summary>New lines first (raising their cities' change stamps), then the history rows that name them, both with <see cref="BulkInsert"/>.</summary>
public sealed class FeedLineBulkWriter(PilotAssessmentDbContext dbContext, ICurrentUser currentUser, TimeProvider clock) : IFeedLineBulkWriter
{
    public async Task InsertAsync(IReadOnlyList<EntryLine> lines, IReadOnlyList<EntryValueHistory> history, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var line in lines)
        {
            line.CreationTime = now;
            line.CreatorId ??= currentUser.Id;
            if (line.TenantId is null)
            {
                throw new InvalidOperationException("A fed line written in bulk must name its city.");
            }
        }

        foreach (var revision in history)
        {
            revision.CreationTime = now;
            revision.CreatorId ??= currentUser.Id;
            if (revision.TenantId is null)
            {
                throw new InvalidOperationException("A fed revision written in bulk must name its city.");
            }
        }

        await BulkInsert.InsertAsync(dbContext, lines, cancellationToken);

        // Rows written beside the change tracker raise their cities' change stamps themselves, in the same transaction.
        await CityChangeStampWriter.BumpAsync(dbContext, lines.Select(l => (l.PeriodId, l.TenantId!.Value)), cancellationToken);
        await BulkInsert.InsertAsync(dbContext, history, cancellationToken);
    }
}

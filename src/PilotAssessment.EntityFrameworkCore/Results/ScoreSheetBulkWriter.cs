using PilotAssessment.Results;
using PilotAssessment.Users;

namespace PilotAssessment.EntityFrameworkCore.Results;

/// <summary>
/// Score sheets and their lines written in bulk on the DbContext's connection and in its current transaction
/// (<see cref="BulkInsert"/>: <c>MySqlBulkCopy</c> on MySQL, multi-row INSERTs on SQLite).
/// </summary>
public sealed class ScoreSheetBulkWriter(PilotAssessmentDbContext dbContext, ICurrentUser currentUser, TimeProvider clock) : IScoreSheetBulkWriter
{
    public async Task InsertAsync(IReadOnlyList<ScoreSheetRecord> records, CancellationToken cancellationToken = default)
    {
        if (records.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var lines = new List<ScoreSheetLineRecord>();
        foreach (var record in records)
        {
            record.CreationTime = record.CreationTime == default ? now : record.CreationTime;
            record.CreatorId ??= currentUser.Id;
            foreach (var line in record.Lines)
            {
                line.ScoreSheetRecordId = record.Id;
                line.TenantId = record.TenantId;
                lines.Add(line);
            }
        }

        await BulkInsert.InsertAsync(dbContext, records, cancellationToken);
        await BulkInsert.InsertAsync(dbContext, lines, cancellationToken);
    }
}

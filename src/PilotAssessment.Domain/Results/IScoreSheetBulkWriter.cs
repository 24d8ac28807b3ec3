namespace PilotAssessment.Results;

/// <summary>
/// Writes new score sheets and their lines in bulk, at once, inside the open unit of work's transaction (a failure
/// later in the same call rolls them back with everything else). The rows are stamped as a save would stamp them
/// (creation time and user); they are not tracked and do not enter the entity-change history.
/// </summary>
public interface IScoreSheetBulkWriter
{
    Task InsertAsync(IReadOnlyList<ScoreSheetRecord> records, CancellationToken cancellationToken = default);
}

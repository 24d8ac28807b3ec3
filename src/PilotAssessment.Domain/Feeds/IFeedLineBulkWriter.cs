using PilotAssessment.DataEntry;

namespace PilotAssessment.Feeds;

/// <summary>
/// Writes a feed's new entry lines and the history revisions of new and changed lines in bulk, in the current
/// transaction (docs/adr/0020): a province's 45,000 rows cost what the rows cost, not one tracked entity each. The
/// rows carry their city (TenantId) already; the writer stamps the creation time and creator as a save would.
/// Changed existing lines are saved by the unit of work as usual (batched updates).
/// </summary>
public interface IFeedLineBulkWriter
{
    Task InsertAsync(IReadOnlyList<EntryLine> lines, IReadOnlyList<EntryValueHistory> history, CancellationToken cancellationToken = default);
}

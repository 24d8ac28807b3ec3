namespace PilotAssessment;

/// <summary>
/// New ids that sort in the order they were made (UUID version 7: a millisecond timestamp, then random bits). Keys
/// are stored as text (<c>char(36)</c> on MySQL, TEXT on SQLite), whose order is the timestamp's, so a new row goes at
/// the end of its table's primary-key index. With random ids each of the 45,000 score lines of a publication went to
/// a random page of a table far bigger than the database's buffer pool (docs/adr/0026).
/// </summary>
public static class SequentialGuid
{
    public static Guid Next() => Guid.CreateVersion7();
}

using PilotAssessment.Results;

namespace PilotAssessment.EntityFrameworkCore.Results;

/// <summary>
/// One INSERT that does nothing when the same sheet, language and format is already stored (INSERT IGNORE on MySQL,
/// INSERT OR IGNORE on SQLite): readers of a sheet never read before may race to store it, and both store the same.
/// </summary>
public sealed class ScoreSheetDocumentWriter(PilotAssessmentDbContext dbContext) : IScoreSheetDocumentWriter
{
    private const string Columns = "INTO ScoreSheetDocuments (Id, TenantId, ScoreSheetRecordId, Language, Format, Content) VALUES ({0}, {1}, {2}, {3}, {4}, {5})";

    public async Task AddIfMissingAsync(ScoreSheetDocument document, CancellationToken cancellationToken = default)
    {
        var sql = dbContext.Database.IsMySql() ? "INSERT IGNORE " + Columns : "INSERT OR IGNORE " + Columns;
        object[] values = [document.Id, document.TenantId ?? (object)DBNull.Value, document.ScoreSheetRecordId, document.Language, document.Format, document.Content];
        await dbContext.Database.ExecuteSqlRawAsync(sql, values, cancellationToken);
    }
}

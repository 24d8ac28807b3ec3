using PilotAssessment.Auditing;

namespace PilotAssessment.Results;

/// <summary>
/// A published score sheet as it is served (UTF-8 JSON), stored once per language and format the first time it is
/// read: the sheet is never changed once written (a new version is a new sheet and gets its own documents). What can
/// change after publication (the city's name, whether the version is current or withdrawn, its appeals) is not in
/// it; the reader adds those to every response.
/// </summary>
[DisableEntityChangeAudit]
public class ScoreSheetDocument : Entity, IMultiTenant
{
    private ScoreSheetDocument()
    {
        Language = string.Empty;
        Content = [];
    }

    public ScoreSheetDocument(Guid id, Guid? tenantId, Guid scoreSheetRecordId, string language, int format, byte[] content)
        : base(id)
    {
        TenantId = tenantId;
        ScoreSheetRecordId = scoreSheetRecordId;
        Language = language;
        Format = format;
        Content = content;
    }

    public Guid? TenantId { get; set; }

    public Guid ScoreSheetRecordId { get; private set; }

    /// <summary>The culture the texts were written in (zh-Hans or en).</summary>
    public string Language { get; private set; }

    /// <summary>The serialization format; a document of an older format is ignored and written again.</summary>
    public int Format { get; private set; }

    public byte[] Content { get; private set; }
}

/// <summary>Stores a <see cref="ScoreSheetDocument"/> at once; when another reader stored the same one first, keeps theirs.</summary>
public interface IScoreSheetDocumentWriter
{
    Task AddIfMissingAsync(ScoreSheetDocument document, CancellationToken cancellationToken = default);
}

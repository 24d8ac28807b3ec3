namespace PilotAssessment.Files;

/// <summary>
/// A file kept in the database beside what it proves (佐证材料 of an entry line, an appeal or a supervision problem):
/// its name, declared type, size and bytes, the city it belongs to and when it came. Each kind keeps its own table
/// and limits (the columns stay those of the table); lists select the metadata and never load the content.
/// </summary>
public abstract class StoredFile : Entity, IMultiTenant, IHasCreationTime
{
    protected StoredFile()
    {
        FileName = ContentType = string.Empty;
        Content = [];
    }

    protected StoredFile(Guid id, string fileName, string contentType, byte[] content)
        : base(id)
    {
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Size = content.LongLength;
    }

    public Guid? TenantId { get; set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long Size { get; private set; }

    public byte[] Content { get; private set; }

    public DateTime CreationTime { get; set; }

    public Guid? CreatorId { get; set; }
}

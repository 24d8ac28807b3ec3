using PilotAssessment.Entities;
using PilotAssessment.MultiTenancy;

namespace PilotAssessment.Agreements;

/// <summary>A file of an agreement (the signed scan, or evidence of a key task's progress). The bytes live in <see cref="AgreementAttachmentContent"/> so listing does not load them.</summary>
public class AgreementAttachment : Entity, IMultiTenant, IHasCreationTime
{
    private AgreementAttachment()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
    }

    public AgreementAttachment(Guid id, Guid agreementId, AgreementAttachmentKind kind, string fileName, string contentType, long size)
        : base(id)
    {
        AgreementId = agreementId;
        Kind = kind;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
    }

    public Guid? TenantId { get; set; }

    public Guid AgreementId { get; private set; }

    public AgreementAttachmentKind Kind { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long Size { get; private set; }

    public DateTime CreationTime { get; set; }

    public Guid? CreatorId { get; set; }
}

/// <summary>The bytes of an <see cref="AgreementAttachment"/>, same Id.</summary>
public class AgreementAttachmentContent : Entity, IMultiTenant
{
    private AgreementAttachmentContent()
    {
        Bytes = [];
    }

    public AgreementAttachmentContent(Guid id, byte[] bytes)
        : base(id)
    {
        Bytes = bytes;
    }

    public Guid? TenantId { get; set; }

    public byte[] Bytes { get; private set; }
}

/// <summary>A progress report on a key task (or one of its milestones). The latest report gives the task's percentage.</summary>
public class KeyTaskProgress : Entity, IMultiTenant, IHasCreationTime
{
    private KeyTaskProgress()
    {
        TaskCode = string.Empty;
    }

    public KeyTaskProgress(Guid id, Guid seriesId, string taskCode, string? milestone, int percent, string? note, Guid? evidenceAttachmentId)
        : base(id)
    {
        SeriesId = seriesId;
        TaskCode = taskCode;
        Milestone = milestone;
        Percent = percent;
        Note = note;
        EvidenceAttachmentId = evidenceAttachmentId;
    }

    public Guid? TenantId { get; set; }

    /// <summary>Progress belongs to the agreement across amendments.</summary>
    public Guid SeriesId { get; private set; }

    public string TaskCode { get; private set; }

    public string? Milestone { get; private set; }

    public int Percent { get; private set; }

    public string? Note { get; private set; }

    public Guid? EvidenceAttachmentId { get; private set; }

    public DateTime CreationTime { get; set; }

    public Guid? CreatorId { get; set; }
}

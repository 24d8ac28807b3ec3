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

    /// <summary>
    /// A new file of the agreement from the uploaded bytes: PDF, PNG or JPEG judged by its content
    /// (<see cref="AttachmentFileType"/>), the name without any client path and at most
    /// <see cref="AgreementConsts.MaxFileNameLength"/> characters (its end, so the extension stays).
    /// </summary>
    /// <param name="declaredLength">The length the client announced, refused above the limit even if fewer bytes were read.</param>
    public static (AgreementAttachment Attachment, AgreementAttachmentContent Content) Create(
        Guid id, Guid agreementId, AgreementAttachmentKind kind, string? fileName, byte[] bytes, long declaredLength)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var contentType = AttachmentFileType.Validate(bytes, Math.Max(declaredLength, bytes.Length));
        var attachment = new AgreementAttachment(id, agreementId, kind, CleanFileName(fileName), contentType, bytes.Length);
        return (attachment, new AgreementAttachmentContent(id, bytes));
    }

    /// <summary>The file's own name (never a client path), "file" when none, at most <see cref="AgreementConsts.MaxFileNameLength"/> characters.</summary>
    public static string CleanFileName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/'));
        if (string.IsNullOrWhiteSpace(name))
        {
            return "file";
        }

        return name.Length > AgreementConsts.MaxFileNameLength ? name[^AgreementConsts.MaxFileNameLength..] : name;
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
        EnsurePercentInRange(percent);
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

    public const int MinPercent = 0;

    public const int MaxPercent = 100;

    /// <exception cref="BusinessException"><see cref="AgreementErrorCodes.PercentOutOfRange"/> outside 0–100, on the field <c>Percent</c>.</exception>
    public static void EnsurePercentInRange(int percent)
    {
        if (percent is < MinPercent or > MaxPercent)
        {
            throw new BusinessException(AgreementErrorCodes.PercentOutOfRange, percent)
                .WithError(nameof(Percent), AgreementErrorCodes.PercentOutOfRange, percent);
        }
    }

    /// <summary>The task's percentage: that of its latest report (by time, then id), 0 when nothing was reported.</summary>
    public static int LatestPercent(IEnumerable<KeyTaskProgress> reports, Guid seriesId, string taskCode) =>
        reports.Where(p => p.SeriesId == seriesId && p.TaskCode == taskCode)
            .OrderBy(p => p.CreationTime).ThenBy(p => p.Id).Select(p => (int?)p.Percent).LastOrDefault() ?? 0;

    /// <summary>
    /// A key task's state: done at 100 %; otherwise overdue once its due date has passed; in progress above 0 %;
    /// else not started.
    /// </summary>
    public static KeyTaskStatus StatusOf(AgreementKeyTask task, int percent, DateTime today)
    {
        ArgumentNullException.ThrowIfNull(task);
        return percent >= MaxPercent ? KeyTaskStatus.Done
            : task.DueDate is { } due && due.Date < today.Date ? KeyTaskStatus.Overdue
            : percent > MinPercent ? KeyTaskStatus.InProgress
            : KeyTaskStatus.NotStarted;
    }
}

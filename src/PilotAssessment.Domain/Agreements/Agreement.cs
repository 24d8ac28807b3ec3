namespace PilotAssessment.Agreements;

/// <summary>
/// A target-responsibility agreement (目标责任书) the province issues to one city for one year. The row belongs
/// to the city (TenantId = city, docs/adr/0005). Versions of one agreement share <see cref="SeriesId"/>; an
/// amendment is a new version linked by <see cref="PreviousVersionId"/>, the old one is kept read-only.
/// </summary>
public class Agreement : FullAuditedAggregateRoot, IMultiTenant
{
    private Agreement()
    {
        Title = string.Empty;
        Content = new AgreementContent();
    }

    public Agreement(Guid id, string title, int year, Guid schemeId, AgreementContent content)
        : base(id)
    {
        Title = string.Empty;
        SetTitle(title);
        if (year is < 2000 or > 2100)
        {
            throw new BusinessException(AgreementErrorCodes.InvalidYear, year);
        }

        Year = year;
        SchemeId = schemeId;
        SeriesId = id;
        Version = 1;
        Status = AgreementStatus.Draft;
        Content = content;
    }

    public Guid? TenantId { get; set; }

    public string Title { get; private set; }

    public int Year { get; private set; }

    public Guid SchemeId { get; private set; }

    /// <summary>The first version's id, shared by every version.</summary>
    public Guid SeriesId { get; private set; }

    public int Version { get; private set; }

    public Guid? PreviousVersionId { get; private set; }

    public AgreementStatus Status { get; private set; }

    public AgreementContent Content { get; private set; }

    public DateTime? IssuedTime { get; private set; }

    public DateTime? SignedTime { get; private set; }

    public Guid? SignedByUserId { get; private set; }

    /// <summary>The signing city official's name as entered (签字人).</summary>
    public string? SignedByName { get; private set; }

    public DateTime? InForceTime { get; private set; }

    public DateTime? ClosedTime { get; private set; }

    public void SetTitle(string title)
    {
        EnsureDraft();
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > AgreementConsts.MaxTitleLength)
        {
            throw new BusinessException(AgreementErrorCodes.TitleRequired, AgreementConsts.MaxTitleLength);
        }

        Title = title.Trim();
    }

    public void UpdateContent(AgreementContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        EnsureDraft();
        Content = content;
    }

    /// <summary>
    /// Replaces a draft's title and body with what the province entered, checked by
    /// <see cref="AgreementContentValidator"/> (key tasks fall due within <see cref="Year"/>); units already assigned
    /// stay with their lines and tasks.
    /// </summary>
    public void Redraft(string title, AgreementContentChange change)
    {
        SetTitle(title);
        UpdateContent(AgreementContentValidator.Apply(Content, change, Year));
    }

    /// <summary>The city's cascade: assigning lines and tasks to its units is not an amendment of the agreement.</summary>
    public void ReassignUnits(AgreementContent content)
    {
        EnsureOpen();
        Content = content;
    }

    /// <summary>
    /// Assigns lines and key tasks (by code) to the city's units; a null unit takes the item back to the city.
    /// Items not named keep their unit.
    /// </summary>
    public void AssignUnits(IEnumerable<UnitAssignment> lines, IEnumerable<UnitAssignment> keyTasks)
    {
        EnsureOpen();
        var newLines = Assign(Content.Lines, lines, l => l.Code, (l, unitId) => l with { AssignedUnitId = unitId }, AgreementErrorCodes.UnknownIndicator);
        var newTasks = Assign(Content.KeyTasks, keyTasks, t => t.Code, (t, unitId) => t with { AssignedUnitId = unitId }, AgreementErrorCodes.UnknownTask);
        Content = Content with { Lines = newLines, KeyTasks = newTasks };
    }

    /// <summary>The items with each named one given its unit; a code that is not an item is refused with <paramref name="unknownCode"/>.</summary>
    private static List<T> Assign<T>(
        IEnumerable<T> items, IEnumerable<UnitAssignment> assignments, Func<T, string> codeOf, Func<T, Guid?, T> withUnit, string unknownCode)
    {
        var result = items.ToList();
        foreach (var assignment in assignments)
        {
            var index = result.FindIndex(item => codeOf(item) == assignment.Code);
            if (index < 0)
            {
                throw new BusinessException(unknownCode, assignment.Code).WithError(assignment.Code, unknownCode, assignment.Code);
            }

            result[index] = withUnit(result[index], assignment.UnitId);
        }

        return result;
    }

    /// <summary>Only a draft can be deleted; an issued agreement is closed or amended instead.</summary>
    public void EnsureCanBeDeleted() => EnsureDraft();

    /// <summary>The signed scan is attached once the agreement is issued, until it is superseded or closed.</summary>
    public void EnsureScanCanBeAttached()
    {
        if (Status is not (AgreementStatus.Issued or AgreementStatus.Signed or AgreementStatus.InForce))
        {
            throw new BusinessException(AgreementErrorCodes.NotEditable, AgreementStatusText.Of(Status));
        }
    }

    /// <summary>Files of a superseded or closed agreement are kept as they are.</summary>
    public void EnsureAttachmentsCanBeRemoved() => EnsureOpen();

    /// <summary>
    /// A progress report on one of the agreement's key tasks (or one of its milestones): only once the agreement is
    /// signed, with a percentage from 0 to 100.
    /// </summary>
    public KeyTaskProgress ReportProgress(Guid id, string taskCode, string? milestone, int percent, string? note, Guid? evidenceAttachmentId)
    {
        var task = Content.KeyTasks.FirstOrDefault(t => t.Code == taskCode)
            ?? throw new BusinessException(AgreementErrorCodes.UnknownTask, taskCode);
        if (Status is not (AgreementStatus.Signed or AgreementStatus.InForce))
        {
            throw new BusinessException(AgreementErrorCodes.NotInForce, AgreementStatusText.Of(Status));
        }

        KeyTaskProgress.EnsurePercentInRange(percent);
        milestone = string.IsNullOrWhiteSpace(milestone) ? null : milestone.Trim();
        if (milestone is not null && task.Milestones.All(m => m.Title != milestone))
        {
            throw new BusinessException(AgreementErrorCodes.UnknownMilestone, milestone)
                .WithError("Milestone", AgreementErrorCodes.UnknownMilestone, milestone);
        }

        return new KeyTaskProgress(id, SeriesId, task.Code, milestone, percent, note?.Trim(), evidenceAttachmentId);
    }

    public void Issue(DateTime now)
    {
        Transition(AgreementStatus.Draft, AgreementStatus.Issued);
        IssuedTime = now;
    }

    public void Sign(Guid userId, string signatory, DateTime now)
    {
        Transition(AgreementStatus.Issued, AgreementStatus.Signed);
        SignedByUserId = userId;
        SignedByName = signatory;
        SignedTime = now;
    }

    public void PutInForce(DateTime now)
    {
        Transition(AgreementStatus.Signed, AgreementStatus.InForce);
        InForceTime = now;
    }

    public void Close(DateTime now)
    {
        Transition(AgreementStatus.InForce, AgreementStatus.Closed);
        ClosedTime = now;
    }

    /// <summary>Called on the previous version when its amendment goes in force.</summary>
    public void Supersede(DateTime now)
    {
        if (Status is not (AgreementStatus.Signed or AgreementStatus.InForce))
        {
            throw new BusinessException(AgreementErrorCodes.IllegalTransition, AgreementStatusText.Of(Status), AgreementStatusText.Of(AgreementStatus.Superseded));
        }

        Status = AgreementStatus.Superseded;
        ClosedTime = now;
    }

    /// <summary>A change after signing: the next version as a draft with the same content.</summary>
    public Agreement Amend(Guid newId)
    {
        if (Status is not (AgreementStatus.Signed or AgreementStatus.InForce))
        {
            throw new BusinessException(AgreementErrorCodes.IllegalTransition, AgreementStatusText.Of(Status), AgreementStatusText.Amended);
        }

        return new Agreement(newId, Title, Year, SchemeId, Content)
        {
            SeriesId = SeriesId,
            Version = Version + 1,
            PreviousVersionId = Id,
            TenantId = TenantId,
        };
    }

    private void Transition(AgreementStatus from, AgreementStatus to)
    {
        if (Status != from)
        {
            throw new BusinessException(AgreementErrorCodes.IllegalTransition, AgreementStatusText.Of(Status), AgreementStatusText.Of(to));
        }

        Status = to;
    }

    private void EnsureDraft()
    {
        if (Status != AgreementStatus.Draft)
        {
            throw new BusinessException(AgreementErrorCodes.NotEditable, AgreementStatusText.Of(Status));
        }
    }

    private void EnsureOpen()
    {
        if (Status is AgreementStatus.Superseded or AgreementStatus.Closed)
        {
            throw new BusinessException(AgreementErrorCodes.NotEditable, AgreementStatusText.Of(Status));
        }
    }
}

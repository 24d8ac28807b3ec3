using PilotAssessment.Entities;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.MultiTenancy;

namespace PilotAssessment.Supervision;

/// <summary>
/// A problem assigned to a city for rectification (交办问题). It belongs to the city (tenant) and, once the city hands
/// it on, to one of its units. Life cycle: 交办 → 整改中 → 已整改待核验 → 已销号, or back to 整改中 with a reason. Every
/// step returns the <see cref="ProblemEvent"/> that records it.
/// </summary>
public class Problem : FullAuditedAggregateRoot, IMultiTenant
{
    private Problem()
    {
        Title = Category = string.Empty;
    }

    public Problem(Guid id, Guid cityId, string title, string? description, string? category, ProblemSeverity severity, DateTime deadline, ProblemSource source)
        : base(id)
    {
        TenantId = cityId;
        Title = Category = string.Empty;
        Change(title, description, category, severity, deadline);
        Source = source;
        Status = ProblemStatus.Assigned;
    }

    public Guid? TenantId { get; set; }

    public string Title { get; private set; }

    public string? Description { get; private set; }

    public string Category { get; private set; }

    public ProblemSeverity Severity { get; private set; }

    public ProblemSource Source { get; private set; }

    /// <summary>The round that found it, if any.</summary>
    public Guid? RoundId { get; set; }

    /// <summary>The period and indicator (or category) of the early warning it was raised from.</summary>
    public Guid? PeriodId { get; set; }

    public string? IndicatorCode { get; set; }

    public string? CategoryCode { get; set; }

    /// <summary>Rectify by this moment (UTC; the end of a province day as the province gives it).</summary>
    public DateTime Deadline { get; private set; }

    public ProblemStatus Status { get; private set; }

    /// <summary>The unit responsible (one of the city's), chosen by the province or the city.</summary>
    public Guid? UnitId { get; private set; }

    /// <summary>Set once the deadline passed with the problem still open (the overdue job's mark, so it warns once).</summary>
    public DateTime? OverdueTime { get; private set; }

    /// <summary>The closed problem this one repeats (屡查屡犯).</summary>
    public Guid? PreviousProblemId { get; private set; }

    public string? RectificationNote { get; private set; }

    public DateTime? ReportedTime { get; private set; }

    public DateTime? ClosedTime { get; private set; }

    public string? RejectReason { get; private set; }

    public bool IsRepeat => PreviousProblemId is not null;

    /// <summary>Not yet closed: counted by indicators fed from the register.</summary>
    public bool IsOpen => Status != ProblemStatus.Closed;

    public bool IsOverdueAt(DateTime now) => IsOpen && Deadline < now;

    /// <exception cref="BusinessException">A missing title, a too long text or no deadline (400 on the field).</exception>
    public void Change(string title, string? description, string? category, ProblemSeverity severity, DateTime deadline)
    {
        if (Status == ProblemStatus.Closed)
        {
            throw new BusinessException(SupervisionErrorCodes.NotEditable, Status).WithError(nameof(Status), SupervisionErrorCodes.NotEditable, Status);
        }

        var trimmed = title?.Trim() ?? string.Empty;
        if (trimmed.Length == 0 || trimmed.Length > SupervisionConsts.MaxTitleLength)
        {
            throw new BusinessException(SupervisionErrorCodes.TitleRequired, SupervisionConsts.MaxTitleLength)
                .WithError(nameof(Title), SupervisionErrorCodes.TitleRequired, SupervisionConsts.MaxTitleLength);
        }

        Title = trimmed;
        Description = Text(description, SupervisionConsts.MaxTextLength, nameof(Description));
        Category = Text(category, SupervisionConsts.MaxCategoryLength, nameof(Category)) ?? string.Empty;
        if (!Enum.IsDefined(severity))
        {
            severity = ProblemSeverity.Normal;
        }

        Severity = severity;
        if (deadline == default)
        {
            throw new BusinessException(SupervisionErrorCodes.DeadlineRequired).WithError(nameof(Deadline), SupervisionErrorCodes.DeadlineRequired);
        }

        if (deadline != Deadline)
        {
            // A new deadline gives the city a new chance: it is overdue again only once that one has passed.
            OverdueTime = null;
        }

        Deadline = deadline;
    }

    /// <summary>The province names the responsible unit when assigning (the problem stays 交办 for the city to accept).</summary>
    public void SuggestUnit(Guid? unitId)
    {
        if (Status != ProblemStatus.Assigned)
        {
            throw Illegal(Status, ProblemStatus.Assigned);
        }

        UnitId = unitId;
    }

    /// <summary>The event of the assignment itself (the first line of the history).</summary>
    public ProblemEvent Assigned() => Event(ProblemEventKind.Assigned, null, ProblemStatus.Assigned, null);

    /// <summary>This problem is found again after <paramref name="previous"/> was closed (屡查屡犯).</summary>
    /// <exception cref="BusinessException">The previous problem is another city's or not closed.</exception>
    public void RepeatOf(Problem previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        if (previous.TenantId != TenantId || previous.Id == Id)
        {
            throw new BusinessException(SupervisionErrorCodes.UnknownPrevious)
                .WithError(nameof(PreviousProblemId), SupervisionErrorCodes.UnknownPrevious);
        }

        if (previous.Status != ProblemStatus.Closed)
        {
            throw new BusinessException(SupervisionErrorCodes.PreviousNotClosed, previous.Title)
                .WithError(nameof(PreviousProblemId), SupervisionErrorCodes.PreviousNotClosed, previous.Title);
        }

        PreviousProblemId = previous.Id;
    }

    /// <summary>整改中: the city accepts the problem and hands it to one of its units (again, to change the unit while rectifying).</summary>
    public ProblemEvent HandTo(Guid unitId, string? note)
    {
        if (Status is not (ProblemStatus.Assigned or ProblemStatus.Rectifying))
        {
            throw Illegal(Status, ProblemStatus.Rectifying);
        }

        var from = Status;
        UnitId = unitId;
        Status = ProblemStatus.Rectifying;
        return Event(ProblemEventKind.HandedToUnit, from, Status, Text(note, SupervisionConsts.MaxReasonLength, "note"));
    }

    /// <summary>已整改待核验: the unit reports what it did, with at least one evidence file of the rectification.</summary>
    public ProblemEvent ReportRectification(string note, int rectificationEvidenceCount, DateTime now)
    {
        if (Status != ProblemStatus.Rectifying)
        {
            throw Illegal(Status, ProblemStatus.AwaitingVerification);
        }

        var text = Text(note, SupervisionConsts.MaxTextLength, "note");
        if (text is null)
        {
            throw new BusinessException(SupervisionErrorCodes.NoteRequired).WithError("note", SupervisionErrorCodes.NoteRequired);
        }

        if (rectificationEvidenceCount <= 0)
        {
            throw new BusinessException(SupervisionErrorCodes.EvidenceRequired).WithError("file", SupervisionErrorCodes.EvidenceRequired);
        }

        RectificationNote = text;
        ReportedTime = now;
        Status = ProblemStatus.AwaitingVerification;
        return Event(ProblemEventKind.Reported, ProblemStatus.Rectifying, Status, text);
    }

    /// <summary>已销号: the province verifies the rectification and closes the problem.</summary>
    public ProblemEvent Close(string? note, DateTime now)
    {
        if (Status != ProblemStatus.AwaitingVerification)
        {
            throw Illegal(Status, ProblemStatus.Closed);
        }

        ClosedTime = now;
        RejectReason = null;
        Status = ProblemStatus.Closed;
        return Event(ProblemEventKind.Closed, ProblemStatus.AwaitingVerification, Status, Text(note, SupervisionConsts.MaxReasonLength, "note"));
    }

    /// <summary>Back to 整改中: the province refuses the rectification, saying why.</summary>
    public ProblemEvent Reject(string reason)
    {
        if (Status != ProblemStatus.AwaitingVerification)
        {
            throw Illegal(Status, ProblemStatus.Rectifying);
        }

        var text = Text(reason, SupervisionConsts.MaxReasonLength, "reason")
            ?? throw new BusinessException(SupervisionErrorCodes.ReasonRequired).WithError("reason", SupervisionErrorCodes.ReasonRequired);
        RejectReason = text;
        Status = ProblemStatus.Rectifying;
        return Event(ProblemEventKind.Rejected, ProblemStatus.AwaitingVerification, Status, text);
    }

    /// <summary>The deadline passed with the problem open: marked once (null when already marked or not overdue).</summary>
    public ProblemEvent? MarkOverdue(DateTime now)
    {
        if (!IsOverdueAt(now) || OverdueTime is not null)
        {
            return null;
        }

        OverdueTime = now;
        return Event(ProblemEventKind.Overdue, Status, Status, null);
    }

    /// <summary>Who may add evidence now: the province while finding (any open state), the city while rectifying.</summary>
    public ProblemEvent AddEvidence(ProblemEvidenceStage stage, string fileName)
    {
        var allowed = stage == ProblemEvidenceStage.Finding ? IsOpen : Status == ProblemStatus.Rectifying;
        if (!allowed)
        {
            throw new BusinessException(SupervisionErrorCodes.EvidenceNotNow, Status).WithError("file", SupervisionErrorCodes.EvidenceNotNow, Status);
        }

        return Event(ProblemEventKind.EvidenceAdded, Status, Status, fileName);
    }

    private ProblemEvent Event(ProblemEventKind kind, ProblemStatus? from, ProblemStatus to, string? note) =>
        new(SequentialGuid.Next(), Id, kind, from, to, UnitId, note) { TenantId = TenantId };

    private static BusinessException Illegal(ProblemStatus from, ProblemStatus to) =>
        new BusinessException(SupervisionErrorCodes.IllegalTransition, from, to)
            .WithError(nameof(Status), SupervisionErrorCodes.IllegalTransition, from, to);

    private static string? Text(string? value, int max, string field)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > max)
        {
            throw new BusinessException(SupervisionErrorCodes.TextTooLong, max).WithError(field, SupervisionErrorCodes.TextTooLong, max);
        }

        return trimmed;
    }
}

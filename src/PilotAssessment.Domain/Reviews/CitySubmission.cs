namespace PilotAssessment.Reviews;

/// <summary>A city's self-assessment of one period moving through review (like DHIS2 data approval).</summary>
public class CitySubmission : FullAuditedAggregateRoot, IMultiTenant
{
    private CitySubmission()
    {
    }

    public CitySubmission(Guid id, Guid periodId)
        : base(id)
    {
        PeriodId = periodId;
        Status = SubmissionStatus.Draft;
    }

    public Guid? TenantId { get; set; }

    public Guid PeriodId { get; private set; }

    public SubmissionStatus Status { get; private set; }

    public DateTime? FirstSubmittedTime { get; private set; }

    public DateTime? SubmittedTime { get; private set; }

    public Guid? SubmittedByUserId { get; private set; }

    public decimal? SelfTotal { get; set; }

    /// <summary>The total with the auditors' scores, set when the sheet is approved (审核总分).</summary>
    public decimal? AuditedTotal { get; set; }

    public string? ReturnComment { get; private set; }

    public DateTime? ApprovedTime { get; private set; }

    public Guid? ApprovedByUserId { get; private set; }

    public string? WithdrawReason { get; private set; }

    /// <summary>Lines and facts may change only while the city holds the sheet.</summary>
    public bool CityMayEdit => Status is SubmissionStatus.Draft or SubmissionStatus.Returned;

    public void Submit(Guid? userId, DateTime now)
    {
        if (!CityMayEdit)
        {
            throw new BusinessException(ReviewErrorCodes.CannotSubmit, Status);
        }

        Status = SubmissionStatus.Submitted;
        FirstSubmittedTime ??= now;
        SubmittedTime = now;
        SubmittedByUserId = userId;
        ReturnComment = null;
    }

    public void Return(string comment)
    {
        EnsureSubmitted();
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new BusinessException(ReviewErrorCodes.CommentRequired).WithError("comment", ReviewErrorCodes.CommentRequired);
        }

        Status = SubmissionStatus.Returned;
        ReturnComment = comment.Trim();
    }

    public void Approve(Guid? userId, DateTime now)
    {
        EnsureSubmitted();
        Status = SubmissionStatus.Approved;
        ApprovedTime = now;
        ApprovedByUserId = userId;
    }

    public void Withdraw(string reason)
    {
        if (Status != SubmissionStatus.Approved)
        {
            throw new BusinessException(Results.ResultErrorCodes.AlreadyWithdrawn, Status);
        }

        Status = SubmissionStatus.Withdrawn;
        WithdrawReason = reason;
    }

    public void EnsureSubmitted()
    {
        if (Status != SubmissionStatus.Submitted)
        {
            throw new BusinessException(ReviewErrorCodes.NotSubmitted, Status);
        }
    }
}

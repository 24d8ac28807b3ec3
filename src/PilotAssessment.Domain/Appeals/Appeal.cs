using PilotAssessment.Entities;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.Files;
using PilotAssessment.MultiTenancy;

namespace PilotAssessment.Appeals;

/// <summary>
/// A city's appeal (申诉) against one line of its published score sheet, or against the total, during the public
/// notice. The auditor upholds it (the line gets a new score: a new sheet version and a re-ranking) or rejects it,
/// always with a reason. Decided once.
/// </summary>
public class Appeal : Entity, IMultiTenant, IHasCreationTime
{
    private Appeal()
    {
        Reason = string.Empty;
    }

    public Appeal(Guid id, Guid tenantId, Guid periodId, Guid publicityId, Guid sheetId, int sheetVersion, string? indicatorCode, string? indicatorName, decimal currentScore, decimal? requestedScore, string? reason)
        : base(id)
    {
        TenantId = tenantId;
        PeriodId = periodId;
        PublicityId = publicityId;
        SheetId = sheetId;
        SheetVersion = sheetVersion;
        IndicatorCode = indicatorCode;
        IndicatorName = indicatorName;
        CurrentScore = currentScore;
        RequestedScore = requestedScore;
        Reason = RequireReason(reason);
        Status = AppealStatus.Open;
    }

    public Guid? TenantId { get; set; }

    public Guid PeriodId { get; private set; }

    public Guid PublicityId { get; private set; }

    /// <summary>The sheet version appealed against.</summary>
    public Guid SheetId { get; private set; }

    public int SheetVersion { get; private set; }

    /// <summary>The line appealed against; null for the total.</summary>
    public string? IndicatorCode { get; private set; }

    public string? IndicatorName { get; private set; }

    /// <summary>The line's points (or the total) when the appeal was filed.</summary>
    public decimal CurrentScore { get; private set; }

    /// <summary>The score the city asks for, if it names one.</summary>
    public decimal? RequestedScore { get; private set; }

    public string Reason { get; private set; }

    public AppealStatus Status { get; private set; }

    public string? DecisionReason { get; private set; }

    /// <summary>The line whose score the decision changed (the appealed one, or for a total appeal the one the auditor names).</summary>
    public string? DecidedIndicatorCode { get; private set; }

    public decimal? DecidedScore { get; private set; }

    public DateTime? DecidedTime { get; private set; }

    public Guid? DeciderId { get; private set; }

    /// <summary>The sheet version the upheld decision produced.</summary>
    public Guid? ResultSheetId { get; private set; }

    public int? ResultVersion { get; private set; }

    public DateTime CreationTime { get; set; }

    public Guid? CreatorId { get; set; }

    public bool IsTotal => IndicatorCode is null;

    /// <summary>Upholds the appeal: <paramref name="indicatorCode"/>'s score becomes <paramref name="score"/> (0 to <paramref name="maxPoints"/>).</summary>
    public void Uphold(string indicatorCode, decimal? score, decimal maxPoints, string? reason, Guid? deciderId, DateTime now)
    {
        EnsureOpen();
        var why = RequireReason(reason);
        if (score is not { } value)
        {
            throw new BusinessException(AppealErrorCodes.ScoreRequired).WithError("score", AppealErrorCodes.ScoreRequired);
        }

        if (value < 0 || value > maxPoints)
        {
            throw new BusinessException(AppealErrorCodes.ScoreOutOfRange, maxPoints).WithError("score", AppealErrorCodes.ScoreOutOfRange, maxPoints);
        }

        Status = AppealStatus.Upheld;
        DecisionReason = why;
        DecidedIndicatorCode = indicatorCode;
        DecidedScore = value;
        DecidedTime = now;
        DeciderId = deciderId;
    }

    /// <summary>Rejects the appeal: the score stays, the reason is recorded.</summary>
    public void Reject(string? reason, Guid? deciderId, DateTime now)
    {
        EnsureOpen();
        DecisionReason = RequireReason(reason);
        Status = AppealStatus.Rejected;
        DecidedTime = now;
        DeciderId = deciderId;
    }

    /// <summary>The sheet version written for the upheld decision.</summary>
    public void RecordResult(Guid sheetId, int version)
    {
        if (Status != AppealStatus.Upheld)
        {
            throw new InvalidOperationException("Only an upheld appeal has a resulting sheet.");
        }

        ResultSheetId = sheetId;
        ResultVersion = version;
    }

    private void EnsureOpen()
    {
        if (Status != AppealStatus.Open)
        {
            throw new BusinessException(AppealErrorCodes.AlreadyDecided, Status);
        }
    }

    private static string RequireReason(string? reason) => string.IsNullOrWhiteSpace(reason)
        ? throw new BusinessException(AppealErrorCodes.ReasonRequired).WithError("reason", AppealErrorCodes.ReasonRequired)
        : reason.Trim();
}

/// <summary>A file the city attaches to its appeal (佐证材料), checked and counted like the entry evidence.</summary>
public class AppealEvidence : StoredFile
{
    private AppealEvidence()
    {
    }

    public AppealEvidence(Guid id, Guid appealId, string fileName, string contentType, byte[] content)
        : base(id, fileName, contentType, content)
    {
        AppealId = appealId;
    }

    public Guid AppealId { get; private set; }
}

namespace PilotAssessment.Reviews;

/// <summary>A city's self-assessment for one period: Draft → Submitted → (Returned → Submitted)* → Approved (→ Withdrawn after publishing).</summary>
public enum SubmissionStatus
{
    Draft = 0,
    Submitted = 1,
    Returned = 2,
    Approved = 3,
    Withdrawn = 4,
}

public static class ReviewErrorCodes
{
    public const string NotSubmitted = "Review:NotSubmitted";
    public const string CannotSubmit = "Review:CannotSubmit";
    public const string ReasonRequired = "Review:ReasonRequired";
    public const string CommentRequired = "Review:CommentRequired";
    public const string ScoreOutOfRange = "Review:ScoreOutOfRange";
    public const string UnknownLine = "Review:UnknownLine";
    public const string PeriodNotOpen = "Review:PeriodNotOpen";
    public const string NotAdjusted = "Review:NotAdjusted";
}

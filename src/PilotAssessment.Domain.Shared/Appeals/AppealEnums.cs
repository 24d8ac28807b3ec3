namespace PilotAssessment.Appeals;

public enum AppealStatus
{
    /// <summary>Filed by the city, waiting for the auditor (待裁决).</summary>
    Open = 0,

    /// <summary>The auditor changed the line's score (申诉改判); a new sheet version exists.</summary>
    Upheld = 1,

    /// <summary>The auditor kept the score; the reason is recorded (驳回).</summary>
    Rejected = 2,
}

public static class AppealConsts
{
    public const int MaxReasonLength = 1000;
    public const int MinDays = 1;
    public const int MaxDays = 30;
}

public static class AppealErrorCodes
{
    public const string NotInPublicity = "Appeal:NotInPublicity";
    public const string WindowEnded = "Appeal:WindowEnded";
    public const string ReasonRequired = "Appeal:ReasonRequired";
    public const string UnknownLine = "Appeal:UnknownLine";
    public const string AlreadyDecided = "Appeal:AlreadyDecided";
    public const string ScoreRequired = "Appeal:ScoreRequired";
    public const string ScoreOutOfRange = "Appeal:ScoreOutOfRange";
    public const string DaysOutOfRange = "Appeal:DaysOutOfRange";
    public const string AppealsOpen = "Appeal:AppealsOpen";
    public const string WindowNotEnded = "Appeal:WindowNotEnded";
    public const string AlreadyOpen = "Appeal:AlreadyOpen";
    public const string NotAssessed = "Appeal:NotAssessed";
    public const string AlreadyFinal = "Appeal:AlreadyFinal";
    public const string WindowClosed = "Appeal:WindowClosed";
}

namespace PilotAssessment.Periods;

public enum PeriodKind
{
    Annual = 0,
    HalfYear = 1,
    Quarterly = 2,
    Monthly = 3,
}

/// <summary>Planned → Open → Locked → Published.</summary>
public enum PeriodStatus
{
    Planned = 0,
    Open = 1,
    Locked = 2,
    Published = 3,
}

public static class PeriodConsts
{
    /// <summary>Entry windows are given in the province's time; they are stored in UTC.</summary>
    public const string TimeZoneId = "Asia/Shanghai";

    public const int MaxReasonLength = 1000;

    public const int MaxNameLength = 128;
}

public static class PeriodErrorCodes
{
    public const string SchemeNotPublished = "Period:SchemeNotPublished";
    public const string InvalidNumber = "Period:InvalidNumber";
    public const string InvalidWindow = "Period:InvalidWindow";
    public const string Duplicate = "Period:Duplicate";
    public const string CannotOpen = "Period:CannotOpen";
    public const string CannotClose = "Period:CannotClose";
    public const string CannotChange = "Period:CannotChange";
    public const string ReasonRequired = "Period:ReasonRequired";
    public const string DeadlineInPast = "Period:DeadlineInPast";
    public const string NotLocked = "Period:NotLocked";
    public const string UnknownCity = "Period:UnknownCity";
    public const string UnknownUnit = "Period:UnknownUnit";
    public const string ReminderTitle = "Period:ReminderTitle";
    public const string ReminderBody = "Period:ReminderBody";
}

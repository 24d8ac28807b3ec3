namespace PilotAssessment.Todo;

public static class TodoConsts
{
    /// <summary>Most items of a list the to-do page shows (the rest is counted, and opened from its own page).</summary>
    public const int MaxItems = 20;

    /// <summary>Key of a 催报 notification: one per period, city user and Beijing day, so a city is urged at most once a day.</summary>
    public static string UrgeKey(Guid periodId, DateTime beijingDay) => $"urge:{periodId:N}:{beijingDay:yyyyMMdd}";

    /// <summary>The part of <see cref="UrgeKey"/> shared by every day of one period.</summary>
    public static string UrgeKeyPrefix(Guid periodId) => $"urge:{periodId:N}:";
}

public static class TodoErrorCodes
{
    public const string AlreadyUrged = "Todo:AlreadyUrged";
    public const string PeriodNotOpen = "Todo:PeriodNotOpen";
    public const string NothingToUrge = "Todo:NothingToUrge";
    public const string UnknownCity = "Todo:UnknownCity";
    public const string NoRecipients = "Todo:NoRecipients";
    public const string UrgeTitle = "Todo:UrgeTitle";
    public const string UrgeBody = "Todo:UrgeBody";
    public const string UrgeListLine = "Todo:UrgeListLine";
    public const string UrgeListHeader = "Todo:UrgeListHeader";
}

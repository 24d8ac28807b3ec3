namespace PilotAssessment.Supervision;

/// <summary>交办 → 整改中 → 已整改待核验 → 已销号, or back to 整改中 when the province refuses the rectification.</summary>
public enum ProblemStatus
{
    /// <summary>交办: the province assigned it to the city.</summary>
    Assigned = 0,

    /// <summary>整改中: the city accepted it and handed it to a unit.</summary>
    Rectifying = 1,

    /// <summary>已整改待核验: the unit reported the rectification.</summary>
    AwaitingVerification = 2,

    /// <summary>已销号: the province verified and closed it.</summary>
    Closed = 3,
}

public enum ProblemSeverity
{
    /// <summary>一般</summary>
    Normal = 0,

    /// <summary>较重</summary>
    Major = 1,

    /// <summary>严重</summary>
    Severe = 2,
}

/// <summary>Where a problem was found.</summary>
public enum ProblemSource
{
    /// <summary>In a supervision round (督导).</summary>
    Round = 0,

    /// <summary>From an early warning of the monitoring index (预警).</summary>
    EarlyWarning = 1,

    /// <summary>Raised by the province otherwise.</summary>
    Other = 2,
}

/// <summary>One step of a problem's history.</summary>
public enum ProblemEventKind
{
    Assigned = 0,
    HandedToUnit = 1,
    Reported = 2,
    Closed = 3,
    Rejected = 4,
    Overdue = 5,
    EvidenceAdded = 6,
}

/// <summary>Who added an evidence file: the province when finding the problem, the city when rectifying it.</summary>
public enum ProblemEvidenceStage
{
    Finding = 0,
    Rectification = 1,
}

/// <summary>
/// Where a per-occurrence indicator takes its occurrences from (<c>occurrence_source</c> in the scheme definition):
/// typed by the clerk (the default), or counted from the supervision register (each unrectified problem one occurrence).
/// </summary>
public enum IndicatorOccurrenceSource
{
    Entry = 0,
    Supervision = 1,
}

public static class SupervisionConsts
{
    public const int MaxNameLength = 128;

    public const int MaxTitleLength = 200;

    public const int MaxCategoryLength = 64;

    public const int MaxTextLength = 2000;

    public const int MaxReasonLength = 1000;

    public const int MaxFileNameLength = 128;

    public const int MaxCodeLength = 32;

    /// <summary>One evidence file of a problem: 10 MB.</summary>
    public const long MaxEvidenceBytes = 10L * 1024 * 1024;

    /// <summary>The occurrence flag of a problem found again after it was closed (屡查屡犯); a rule's <c>double_when</c> may name it.</summary>
    public const string RepeatedFlag = "repeated_problem";
}

public static class SupervisionErrorCodes
{
    public const string IllegalTransition = "Supervision:IllegalTransition";
    public const string NotEditable = "Supervision:NotEditable";
    public const string EvidenceNotNow = "Supervision:EvidenceNotNow";
    public const string TitleRequired = "Supervision:TitleRequired";
    public const string NameRequired = "Supervision:NameRequired";
    public const string TextTooLong = "Supervision:TextTooLong";
    public const string DeadlineRequired = "Supervision:DeadlineRequired";
    public const string InvalidDates = "Supervision:InvalidDates";
    public const string UnknownCity = "Supervision:UnknownCity";
    public const string UnknownUnit = "Supervision:UnknownUnit";
    public const string UnknownUser = "Supervision:UnknownUser";
    public const string UnknownRound = "Supervision:UnknownRound";
    public const string UnknownPeriod = "Supervision:UnknownPeriod";
    public const string UnknownPrevious = "Supervision:UnknownPrevious";
    public const string PreviousNotClosed = "Supervision:PreviousNotClosed";
    public const string NoSuchWarning = "Supervision:NoSuchWarning";
    public const string NoteRequired = "Supervision:NoteRequired";
    public const string ReasonRequired = "Supervision:ReasonRequired";
    public const string EvidenceRequired = "Supervision:EvidenceRequired";
    public const string EvidenceEmpty = "Supervision:EvidenceEmpty";
    public const string EvidenceTooLarge = "Supervision:EvidenceTooLarge";
    public const string EvidenceType = "Supervision:EvidenceType";
    public const string ProvinceOnly = "Supervision:ProvinceOnly";
    public const string CityOnly = "Supervision:CityOnly";
    public const string RoundHasProblems = "Supervision:RoundHasProblems";
    public const string LineFromRegister = "Supervision:LineFromRegister";
    public const string WarningTitle = "Supervision:WarningTitle";
    public const string WarningDescription = "Supervision:WarningDescription";
    public const string WarningCategory = "Supervision:WarningCategory";
    public const string OverdueTitle = "Supervision:OverdueTitle";
    public const string OverdueBody = "Supervision:OverdueBody";
}

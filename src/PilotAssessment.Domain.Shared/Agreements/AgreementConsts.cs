using PilotAssessment.ExceptionHandling;

namespace PilotAssessment.Agreements;

public static class AgreementConsts
{
    public const int MaxCodeLength = 32;

    public const int MaxNameLength = 256;

    public const int MaxTitleLength = 256;

    /// <summary>A signed scan or an evidence file is at most 10 MB.</summary>
    public const long MaxAttachmentBytes = 10 * 1024 * 1024;

    public const int MaxFileNameLength = 200;
}

/// <summary>Draft → Issued (province) → Signed (city) → InForce (province) → Closed; an amended version supersedes its predecessor when it goes in force.</summary>
public enum AgreementStatus
{
    Draft,
    Issued,
    Signed,
    InForce,
    Superseded,
    Closed,
}

public enum AgreementAttachmentKind
{
    SignedScan,
    Evidence,
}

/// <summary>A key task's state in the province's matrix.</summary>
public enum KeyTaskStatus
{
    NotStarted,
    InProgress,
    Done,
    Overdue,
}

/// <summary>Statuses and actions of an agreement as message arguments: shown by their label (已下达, issued), never by name.</summary>
public static class AgreementStatusText
{
    /// <summary>The action of starting an amendment (变更), refused like a transition.</summary>
    public static readonly LocalizableText Amended = new("Agreement:Status:Amended");

    public static LocalizableText Of(AgreementStatus status) => new("Agreement:Status:" + status);
}

/// <summary>Localization codes of the agreement feature.</summary>
public static class AgreementErrorCodes
{
    public const string IllegalTransition = "Agreement:IllegalTransition";
    public const string SchemeNotPublished = "Agreement:SchemeNotPublished";
    public const string CityNotFound = "Agreement:CityNotFound";
    public const string InvalidYear = "Agreement:InvalidYear";
    public const string TitleRequired = "Agreement:TitleRequired";
    public const string NotEditable = "Agreement:NotEditable";
    public const string UnknownIndicator = "Agreement:UnknownIndicator";
    public const string DuplicateCode = "Agreement:DuplicateCode";
    public const string CodeRequired = "Agreement:CodeRequired";
    public const string NameRequired = "Agreement:NameRequired";
    public const string MaxPointsNotPositive = "Agreement:MaxPointsNotPositive";
    public const string AlreadyAmended = "Agreement:AlreadyAmended";
    public const string NotSameAgreement = "Agreement:NotSameAgreement";
    public const string FileEmpty = "Agreement:FileEmpty";
    public const string FileTooLarge = "Agreement:FileTooLarge";
    public const string FileTypeNotAllowed = "Agreement:FileTypeNotAllowed";
    public const string PercentOutOfRange = "Agreement:PercentOutOfRange";
    public const string UnknownTask = "Agreement:UnknownTask";
    public const string UnknownUnit = "Agreement:UnknownUnit";
    public const string NotInForce = "Agreement:NotInForce";
    public const string UnknownMilestone = "Agreement:UnknownMilestone";
    public const string ProvinceOnly = "Agreement:ProvinceOnly";
    public const string Invalid = "Agreement:Invalid";
    public const string AlreadyExists = "Agreement:AlreadyExists";
    public const string DefaultTitle = "Agreement:DefaultTitle";
    public const string DueDateOutsideYear = "Agreement:DueDateOutsideYear";
    public const string MilestoneDueOutsideYear = "Agreement:MilestoneDueOutsideYear";
    public const string BulkInvalid = "Agreement:BulkInvalid";
    public const string BulkCityCount = "Agreement:BulkCityCount";
    public const string BulkDuplicateCity = "Agreement:BulkDuplicateCity";
    public const string BulkAlreadyIssued = "Agreement:BulkAlreadyIssued";
}

namespace PilotAssessment.DataEntry;

public enum EntryLineStatus
{
    Draft = 0,

    /// <summary>Part of a submitted self-assessment.</summary>
    Submitted = 1,

    /// <summary>Sent back by the auditors with a comment; the city edits it and resubmits.</summary>
    Returned = 2,

    /// <summary>Reported by its unit (clerk) to the city administrator, who checks it and submits the city; clerks no longer edit it.</summary>
    UnitSubmitted = 3,

    /// <summary>Part of a self-assessment the province approved.</summary>
    Approved = 4,
}

public static class DataEntryConsts
{
    public const long MaxEvidenceBytes = 20 * 1024 * 1024;

    /// <summary>Most bytes of an uploaded entry workbook, as for a scheme workbook.</summary>
    public const long MaxXlsxBytes = 5 * 1024 * 1024;

    public const int MaxNoteLength = 2000;

    /// <summary>Largest magnitude of a reported data item (a population, a count of cases): far above any real one.</summary>
    public const decimal MaxDataItemValue = 1_000_000_000_000m;

    public const int MaxFileNameLength = 255;
}

public static class DataEntryErrorCodes
{
    public const string WindowClosed = "DataEntry:WindowClosed";
    public const string NotEditable = "DataEntry:NotEditable";
    public const string UnknownIndicator = "DataEntry:UnknownIndicator";
    public const string LineOfAnotherUnit = "DataEntry:LineOfAnotherUnit";

    public const string FactsOfTheCity = "DataEntry:FactsOfTheCity";
    public const string ComputedIndicator = "DataEntry:ComputedIndicator";
    public const string Invalid = "DataEntry:Invalid";
    public const string NumberRequired = "DataEntry:NumberRequired";
    public const string PercentOutOfRange = "DataEntry:PercentOutOfRange";
    public const string MustNotBeNegative = "DataEntry:MustNotBeNegative";
    public const string RankInvalid = "DataEntry:RankInvalid";
    public const string UnknownOccurrenceType = "DataEntry:UnknownOccurrenceType";
    public const string UnknownGrade = "DataEntry:UnknownGrade";
    public const string UnknownChecklistItem = "DataEntry:UnknownChecklistItem";
    public const string UnknownSurveyComponent = "DataEntry:UnknownSurveyComponent";
    public const string UnknownVetoFact = "DataEntry:UnknownVetoFact";
    public const string UnknownBonusItem = "DataEntry:UnknownBonusItem";
    public const string UnknownDataItem = "DataEntry:UnknownDataItem";
    public const string DataItemOutOfRange = "DataEntry:DataItemOutOfRange";
    public const string EvidenceQuotaExceeded = "DataEntry:EvidenceQuotaExceeded";
    public const string NoteTooLong = "DataEntry:NoteTooLong";
    public const string EvidenceRequired = "DataEntry:EvidenceRequired";
    public const string EvidenceTooLarge = "DataEntry:EvidenceTooLarge";
    public const string EvidenceType = "DataEntry:EvidenceType";
    public const string EvidenceEmpty = "DataEntry:EvidenceEmpty";
    public const string StaleLine = "DataEntry:StaleLine";
    public const string UnitLocked = "DataEntry:UnitLocked";
    public const string XlsxUnreadable = "DataEntry:XlsxUnreadable";
    public const string XlsxInvalid = "DataEntry:XlsxInvalid";
    public const string XlsxNoSheet = "DataEntry:XlsxNoSheet";
    public const string XlsxTooLarge = "DataEntry:XlsxTooLarge";
    public const string XlsxTooManyRows = "DataEntry:XlsxTooManyRows";
    public const string XlsxCellTooLong = "DataEntry:XlsxCellTooLong";
    public const string XlsxDuplicateIndicator = "DataEntry:XlsxDuplicateIndicator";
    public const string LineSubmittedByUnit = "DataEntry:LineSubmittedByUnit";
    public const string NothingToSubmit = "DataEntry:NothingToSubmit";
    public const string LineNotReported = "DataEntry:LineNotReported";
    public const string LineNotWithUnit = "DataEntry:LineNotWithUnit";
    public const string ReturnCommentRequired = "DataEntry:ReturnCommentRequired";
    public const string XlsxOccurrenceFormat = "DataEntry:XlsxOccurrenceFormat";
    public const string XlsxSurveyFormat = "DataEntry:XlsxSurveyFormat";
    public const string XlsxCountTwice = "DataEntry:XlsxCountTwice";

    public const string XlsxTypeTwice = "DataEntry:XlsxTypeTwice";
    public const string XlsxColumnNotForRule = "DataEntry:XlsxColumnNotForRule";
    public const string UnknownFlag = "DataEntry:UnknownFlag";
    public const string WindowNotOpenYet = "DataEntry:WindowNotOpenYet";
    public const string WindowNotOpened = "DataEntry:WindowNotOpened";
    public const string StampRequired = "DataEntry:StampRequired";
    public const string FieldNotForRule = "DataEntry:FieldNotForRule";
    public const string OccurrenceTypeRequired = "DataEntry:OccurrenceTypeRequired";
    public const string CountWholeNumber = "DataEntry:CountWholeNumber";
    public const string LastYearMissing = "DataEntry:LastYearMissing";
    public const string SurveyRateMissing = "DataEntry:SurveyRateMissing";
    public const string LineIncomplete = "DataEntry:LineIncomplete";

    /// <summary>Lines cannot be reported: the message names them and what each lacks (F01、G03 缺少佐证材料).</summary>
    public const string CannotReport = "DataEntry:CannotReport";

    /// <summary>The city cannot be submitted: the message names the lines and what each lacks.</summary>
    public const string CannotSubmit = "DataEntry:CannotSubmit";
}

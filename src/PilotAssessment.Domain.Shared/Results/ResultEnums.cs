namespace PilotAssessment.Results;

public enum ScoreSheetKind
{
    /// <summary>Computed when the period was published.</summary>
    Published = 0,

    /// <summary>Re-graded after a veto applied after publishing (追溯否决).</summary>
    RetroactiveVeto = 1,

    /// <summary>Re-graded after the approval was withdrawn.</summary>
    ApprovalWithdrawn = 2,

    /// <summary>The same figures with a new rank, because another city's total changed.</summary>
    Reranked = 3,

    /// <summary>A line's score changed by an upheld appeal during the public notice (申诉改判).</summary>
    AppealUpheld = 4,
}

public static class ResultErrorCodes
{
    public const string NotPublished = "Result:NotPublished";
    public const string CannotPublish = "Result:CannotPublish";
    public const string PendingReviews = "Result:PendingReviews";
    public const string ReasonRequired = "Result:ReasonRequired";
    public const string UnknownVeto = "Result:UnknownVeto";
    public const string AlreadyWithdrawn = "Result:AlreadyWithdrawn";
    public const string PdfFontMissing = "Result:PdfFontMissing";
    public const string WindowOpen = "Result:WindowOpen";
    public const string CitiesNotApproved = "Result:CitiesNotApproved";
    public const string CityNotApproved = "Result:CityNotApproved";
    public const string UnknownCity = "Result:UnknownCity";
    public const string DuplicateCity = "Result:DuplicateCity";
    public const string LeftOutReasonRequired = "Result:LeftOutReasonRequired";
    public const string AlreadyFinal = "Result:AlreadyFinal";
    public const string NotAssessed = "Result:NotAssessed";
}

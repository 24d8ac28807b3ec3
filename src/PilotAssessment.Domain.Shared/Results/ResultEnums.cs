namespace PilotAssessment.Results;

public enum ScoreSheetKind
{
    /// <summary>Computed when the period was published.</summary>
    Published = 0,

    /// <summary>Re-graded after a veto applied after publishing (追溯否决).</summary>
    RetroactiveVeto = 1,

    /// <summary>Re-graded after the approval was withdrawn.</summary>
    ApprovalWithdrawn = 2,
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
}

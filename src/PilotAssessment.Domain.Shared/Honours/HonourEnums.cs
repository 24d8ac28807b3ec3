namespace PilotAssessment.Honours;

/// <summary>How an honour rule is earned.</summary>
public enum HonourRuleKind
{
    /// <summary>连续获评: the grade in N consecutive annual periods of the series (e.g. 优秀 three years running → 平安鼎).</summary>
    ConsecutiveGrade = 0,

    /// <summary>累计星级: one star for every N annual periods with the grade, consecutive or not.</summary>
    GradeCount = 1,
}

/// <summary>Why an award was revoked.</summary>
public enum HonourRevocationKind
{
    /// <summary>The province revoked it by hand, with a reason; a re-evaluation does not award it again.</summary>
    Manual = 0,

    /// <summary>A re-evaluation found it no longer earned (a retroactive veto, a withdrawn approval, a changed rule).</summary>
    NoLongerEarned = 1,
}

public static class HonourConsts
{
    public const int MaxNameLength = 64;

    public const int MaxSeriesLength = 128;

    public const int MaxGradeLength = 32;

    public const int MaxReasonLength = 1000;

    public const int MaxKeyLength = 512;

    /// <summary>The most periods a rule may ask for (N).</summary>
    public const int MaxCount = 20;
}

public static class HonourErrorCodes
{
    public const string NameRequired = "Honours:NameRequired";
    public const string SeriesRequired = "Honours:SeriesRequired";
    public const string UnknownSeries = "Honours:UnknownSeries";
    public const string GradeRequired = "Honours:GradeRequired";
    public const string UnknownGrade = "Honours:UnknownGrade";
    public const string InvalidCount = "Honours:InvalidCount";
    public const string InvalidKind = "Honours:InvalidKind";
    public const string ReasonRequired = "Honours:ReasonRequired";
    public const string AlreadyRevoked = "Honours:AlreadyRevoked";
    public const string RuleHasAwards = "Honours:RuleHasAwards";
    public const string RuleChanged = "Honours:RuleChanged";
}

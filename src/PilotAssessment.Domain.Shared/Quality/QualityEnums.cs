namespace PilotAssessment.Quality;

/// <summary>What the data-quality check found in a saved value (docs/adr/0024).</summary>
public enum QualityFlag
{
    /// <summary>Nothing unusual, or nothing to compare with.</summary>
    None = 0,

    /// <summary>Far from the city's own history of the indicator (modified z-score beyond the threshold).</summary>
    Outlier = 1,

    /// <summary>Outside the minimum/maximum the scheme sets for the indicator.</summary>
    OutOfBounds = 2,
}

public static class QualityConsts
{
    /// <summary>How many earlier periods of the series the history looks at (the most recent first).</summary>
    public const int HistoryPeriods = 6;

    /// <summary>Fewer history points than this and only the bounds are checked.</summary>
    public const int MinHistoryPoints = 3;

    /// <summary>A modified z-score beyond this (in absolute value) flags the value (Iglewicz and Hoaglin).</summary>
    public const decimal ZThreshold = 3.5m;

    /// <summary>Most cities one page of the completeness table holds.</summary>
    public const int MaxPageSize = 100;
}

public static class QualityErrorCodes
{
    public const string NoteRequired = "Quality:NoteRequired";
    public const string NeedsNote = "Quality:NeedsNote";
    public const string BoundsInverted = "Quality:BoundsInverted";
    public const string OutlierWarning = "Quality:OutlierWarning";
    public const string BelowMin = "Quality:BelowMin";
    public const string AboveMax = "Quality:AboveMax";
}

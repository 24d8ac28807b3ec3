namespace PilotAssessment.DataEntry;

/// <summary>A value typed for a line and not saved yet: only the fields of the line's rule.</summary>
public sealed class PreviewLineInput
{
    public EntryValueDto Value { get; set; } = new();
}

/// <summary>What a line would get with the typed value, and the city's total with it.</summary>
public sealed class LineScorePreviewDto
{
    public string IndicatorCode { get; set; } = string.Empty;

    public decimal Points { get; set; }

    public decimal MaxPoints { get; set; }

    /// <summary>Scored, Unreported (nothing to score yet) or Error (cannot be scored, the explanation says why).</summary>
    public string Status { get; set; } = string.Empty;

    /// <summary>How the points come about, in the user's language.</summary>
    public string Explanation { get; set; } = string.Empty;

    /// <summary>自评总分 of the city with this value and every other line as saved.</summary>
    public decimal Total { get; set; }

    /// <summary>The scheme's full marks.</summary>
    public decimal MaxTotal { get; set; }

    /// <summary>What the typed value still lacks to be scored (e.g. 缺少上年同期值), beside its field.</summary>
    public List<EntryLineGapDto> Incomplete { get; set; } = [];
}

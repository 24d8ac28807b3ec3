namespace PilotAssessment.Quality;

/// <summary>What the data-quality check found in a line's saved value (docs/adr/0024), beside the value.</summary>
public sealed class EntryLineQualityDto
{
    /// <summary>None, Outlier or OutOfBounds.</summary>
    public string Flag { get; set; } = nameof(QualityFlag.None);

    /// <summary>The flag in the user's language (正常 / 异常值 / 超出范围).</summary>
    public string FlagText { get; set; } = string.Empty;

    /// <summary>Why the value is flagged, in the user's language ("与本市近5期中位数 120 相差过大（修正z分数 4.2）"); null when not flagged.</summary>
    public string? Warning { get; set; }

    /// <summary>The checked number (occurrences counted for a per-occurrence rule).</summary>
    public decimal? Value { get; set; }

    public decimal? Median { get; set; }

    public decimal? ZScore { get; set; }

    public decimal? Min { get; set; }

    public decimal? Max { get; set; }

    /// <summary>How many earlier periods' values the check compared with.</summary>
    public int HistoryCount { get; set; }

    /// <summary>A flagged line needs a note before it can be reported.</summary>
    public bool NoteRequired { get; set; }

    /// <summary>The city's values of the indicator in the earlier periods of the series (oldest first); filled on the auditor's review sheet.</summary>
    public List<QualityHistoryPointDto>? History { get; set; }
}

/// <summary>The city's checked number of an indicator in one earlier period.</summary>
public sealed class QualityHistoryPointDto
{
    public Guid PeriodId { get; set; }

    public string PeriodName { get; set; } = string.Empty;

    public int Year { get; set; }

    public int Number { get; set; }

    public decimal Value { get; set; }
}

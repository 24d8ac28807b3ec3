namespace PilotAssessment.DataEntry;

/// <summary>A value in the scoring engine's input shape; which parts matter depends on the indicator's rule.</summary>
public sealed class EntryValueDto
{
    public decimal? Number { get; set; }

    public List<EntryOccurrenceDto>? Occurrences { get; set; }

    public List<string>? Flags { get; set; }

    [StringLength(Schemes.SchemeConsts.MaxNameLength)]
    public string? Grade { get; set; }

    public List<string>? ChecklistPresent { get; set; }

    public Dictionary<string, decimal>? SurveyRates { get; set; }

    /// <summary>上年同期值 given by the city; used only when the system has no previous period's number.</summary>
    public decimal? LastYearNumber { get; set; }
}

public sealed class EntryOccurrenceDto
{
    [StringLength(Schemes.SchemeConsts.MaxNameLength)]
    public string? Type { get; set; }

    public int Count { get; set; }

    public List<string>? Flags { get; set; }
}

public sealed class EntryLineDto
{
    public Guid? Id { get; set; }

    public Guid PeriodId { get; set; }

    public string IndicatorCode { get; set; } = string.Empty;

    public string IndicatorName { get; set; } = string.Empty;

    public string? Unit { get; set; }

    public string RuleKind { get; set; } = string.Empty;

    /// <summary>The figure the line is scored against (province average or last year's), when its rule needs one and it is known.</summary>
    public decimal? ReferenceValue { get; set; }

    /// <summary>ProvinceAverage, PreviousPeriod, Entered, or null.</summary>
    public string? ReferenceSource { get; set; }

    public decimal MaxPoints { get; set; }

    public bool EvidenceRequired { get; set; }

    /// <summary>How the line is scored, in words: the scheme's official wording, or the rule described in the user's language.</summary>
    public string? RuleDescription { get; set; }

    /// <summary>The line's occurrences are counted from the supervision problem register: read-only for the city.</summary>
    public bool FromRegister { get; set; }

    public Guid? UnitId { get; set; }

    public EntryValueDto Value { get; set; } = new();

    public bool Reported { get; set; }

    public string? Note { get; set; }

    public string Status { get; set; } = string.Empty;

    public Guid? ReportedByUserId { get; set; }

    public DateTime? ReportedTime { get; set; }

    public decimal? SelfScore { get; set; }

    public decimal? AuditorScore { get; set; }

    public string? AdjustReason { get; set; }

    /// <summary>Why the auditor's adjustment was cleared (the line is back to its self score).</summary>
    public string? AdjustClearReason { get; set; }

    public string? ReturnComment { get; set; }

    /// <summary>The points the saved value gets now (自评), on a sheet read; null on a single line.</summary>
    public decimal? Points { get; set; }

    /// <summary>How <see cref="Points"/> come about, in the user's language.</summary>
    public string? Explanation { get; set; }

    public List<EvidenceDto> Evidence { get; set; } = [];

    /// <summary>The data feed (数据接口) the value came from, as department · name; null when a person entered it.</summary>
    public string? SourceName { get; set; }

    /// <summary>Where the feed says the evidence is (a reference in the department's system).</summary>
    public string? SourceEvidence { get; set; }

    /// <summary>A person replaced a fed value: the reason, and the feed the replaced value came from (人工修改，原值来自…).</summary>
    public string? OverrideReason { get; set; }

    public string? OverriddenSourceName { get; set; }

    /// <summary>What the grid and the sheet show about the value's source, in the user's language (数据接口：… / 人工修改，原值来自…).</summary>
    public string? SourceText { get; set; }

    /// <summary>What the saved draft still lacks to be scored (e.g. 缺少上年同期值), beside its field; such a line cannot be reported.</summary>
    public List<EntryLineGapDto> Incomplete { get; set; } = [];

    /// <summary>The data-quality flag of the saved value and what it was compared with; null before a value is saved.</summary>
    public Quality.EntryLineQualityDto? Quality { get; set; }

    public string? ConcurrencyStamp { get; set; }
}

/// <summary>One thing a line lacks to be scored: the field (e.g. "value.lastYearNumber") and the message in the user's language.</summary>
public sealed class EntryLineGapDto
{
    public string Field { get; set; } = string.Empty;

    public string Message { get; set; } = string.Empty;
}

public sealed class EvidenceDto
{
    public Guid Id { get; set; }

    public Guid EntryLineId { get; set; }

    public string FileName { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public long Size { get; set; }

    public DateTime CreationTime { get; set; }
}

public sealed class CityFactsDto
{
    public Dictionary<string, bool> VetoFacts { get; set; } = [];

    public Dictionary<string, int> BonusCounts { get; set; } = [];

    public Dictionary<string, decimal> DataItems { get; set; } = [];

    [StringLength(DataEntryConsts.MaxNoteLength)]
    public string? Note { get; set; }

    public string? ConcurrencyStamp { get; set; }
}

public sealed class EntrySheetDto
{
    public Guid PeriodId { get; set; }

    public Guid CityId { get; set; }

    public string PeriodStatus { get; set; } = string.Empty;

    /// <summary>Draft, Submitted, Returned, Approved, Withdrawn.</summary>
    public string SubmissionStatus { get; set; } = string.Empty;

    public string? ReturnComment { get; set; }

    /// <summary>自评总分.</summary>
    public decimal? SelfTotal { get; set; }

    /// <summary>审核总分: the total with the auditors' scores, once the sheet is approved.</summary>
    public decimal? AuditedTotal { get; set; }

    /// <summary>自评总分 of the saved values as they stand now, before submission too.</summary>
    public decimal RunningTotal { get; set; }

    /// <summary>The scheme's full marks.</summary>
    public decimal MaxTotal { get; set; }

    /// <summary>Whether the city may write now (window open or a lock exception), and the sheet is with the city.</summary>
    public bool Writable { get; set; }

    /// <summary>Whether this user may save the city's facts: only users of no unit, while the sheet is writable.</summary>
    public bool FactsWritable { get; set; }

    public List<EntryLineDto> Lines { get; set; } = [];

    public CityFactsDto Facts { get; set; } = new();

    /// <summary>A copy sharing the lines and facts (a kept sheet is copied before its per-request fields are set).</summary>
    public EntrySheetDto ShallowCopy() => (EntrySheetDto)MemberwiseClone();
}

public sealed class SaveEntryLineInput
{
    public EntryValueDto Value { get; set; } = new();

    [StringLength(DataEntryConsts.MaxNoteLength)]
    public string? Note { get; set; }

    /// <summary>Ignored: the unit of a line is the one the agreement hands it to.</summary>
    public Guid? UnitId { get; set; }

    /// <summary>The stamp last read; null only when creating the line.</summary>
    public string? ConcurrencyStamp { get; set; }

    /// <summary>Why a value that came from a data feed is changed by hand (required then).</summary>
    [StringLength(Feeds.FeedConsts.MaxReasonLength)]
    public string? OverrideReason { get; set; }
}

/// <summary>A unit's clerk reports lines to the city administrator (单位报送).</summary>
public sealed class SubmitLinesInput
{
    public List<string> IndicatorCodes { get; set; } = [];
}

/// <summary>The city administrator sends reported lines back to their unit with a comment.</summary>
public sealed class ReturnLinesInput
{
    public List<string> IndicatorCodes { get; set; } = [];

    [StringLength(DataEntryConsts.MaxNoteLength)]
    public string? Comment { get; set; }
}

public sealed class ValueHistoryDto
{
    public Guid Id { get; set; }

    public Guid? UserId { get; set; }

    public string? UserName { get; set; }

    public DateTime Time { get; set; }

    public EntryValueDto? OldValue { get; set; }

    public EntryValueDto NewValue { get; set; } = new();

    public string? OldNote { get; set; }

    public string? NewNote { get; set; }

    /// <summary>An auditor's adjustment of the score: the confirmed score, null when the adjustment was cleared.</summary>
    public decimal? AuditorScore { get; set; }

    /// <summary>Why the auditor adjusted the score.</summary>
    public string? AdjustReason { get; set; }

    /// <summary>Why the auditor cleared the adjustment.</summary>
    public string? AdjustClearReason { get; set; }

    /// <summary>The data feed that wrote this revision (its name is then the <see cref="UserName"/>).</summary>
    public string? SourceName { get; set; }

    /// <summary>Why a person replaced a fed value in this revision.</summary>
    public string? OverrideReason { get; set; }
}

public sealed class SubmissionDto
{
    public Guid CityId { get; set; }

    public string? CityName { get; set; }

    public Guid PeriodId { get; set; }

    public string Status { get; set; } = string.Empty;

    public DateTime? SubmittedTime { get; set; }

    public decimal? SelfTotal { get; set; }

    /// <summary>审核总分, once approved.</summary>
    public decimal? AuditedTotal { get; set; }

    public string? ReturnComment { get; set; }

    public DateTime? ApprovedTime { get; set; }
}

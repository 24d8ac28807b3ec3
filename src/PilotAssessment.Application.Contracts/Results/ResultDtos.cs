using System.Text.Json;

namespace PilotAssessment.Results;

public sealed class ScoreSheetRecordDto
{
    public Guid Id { get; set; }

    public Guid CityId { get; set; }

    public string? CityName { get; set; }

    public Guid PeriodId { get; set; }

    public int Version { get; set; }

    public string Kind { get; set; } = string.Empty;

    public bool IsCurrent { get; set; }

    public string? Reason { get; set; }

    /// <summary>The city was left out of the publication (未参评): <see cref="Total"/>, <see cref="Rank"/> and <see cref="Grade"/> are null.</summary>
    public bool NotAssessed { get; set; }

    /// <summary>When the publication of this sheet was withdrawn (UTC); the sheet stays readable as a version.</summary>
    public DateTime? WithdrawnTime { get; set; }

    /// <summary>自评总分: the total the city computed when it submitted.</summary>
    public decimal? SelfTotal { get; set; }

    /// <summary>审核总分: the total with the auditors' scores (the published total).</summary>
    public decimal? AuditedTotal { get; set; }

    /// <summary>The period whose figures were the 上期 reference.</summary>
    public string? ReferencePeriodName { get; set; }

    public decimal IndicatorPoints { get; set; }

    public decimal MaxPoints { get; set; }

    public decimal Bonus { get; set; }

    public decimal VetoDeduction { get; set; }

    public decimal? Total { get; set; }

    public decimal Percent { get; set; }

    public string? ScoreGrade { get; set; }

    public string? Grade { get; set; }

    public string? Colour { get; set; }

    public bool AwardEligible { get; set; }

    public int? Rank { get; set; }

    public decimal? PreviousTotal { get; set; }

    /// <summary>Total minus the previous period's total.</summary>
    public decimal? Change { get; set; }

    public int UnreportedCount { get; set; }

    public JsonElement? Categories { get; set; }

    public JsonElement? BonusLines { get; set; }

    public JsonElement? Vetoes { get; set; }

    public List<ScoreSheetLineDto> Lines { get; set; } = [];

    /// <summary>The city's appeals of the period and their decisions, oldest first (the sheet's history and PDF annex).</summary>
    public List<Appeals.AppealDto> Appeals { get; set; } = [];

    public DateTime CreationTime { get; set; }

    /// <summary><see cref="CreationTime"/> in Beijing time ("yyyy-MM-dd HH:mm").</summary>
    public string CreationTimeLocal { get; set; } = string.Empty;
}

public sealed class ScoreSheetLineDto
{
    public string IndicatorCode { get; set; } = string.Empty;

    public string IndicatorName { get; set; } = string.Empty;

    public string CategoryCode { get; set; } = string.Empty;

    public decimal MaxPoints { get; set; }

    public decimal? Value { get; set; }

    /// <summary>填报值 as text, for every rule kind (a count, a checklist, a grade, rates, a number).</summary>
    public string? ValueText { get; set; }

    /// <summary>参考值: the figure the line was compared with when published.</summary>
    public decimal? ReferenceValue { get; set; }

    /// <summary>Where <see cref="ReferenceValue"/> came from, as a code (ProvinceAverage, PreviousPeriod, Entered, ProvinceAverageUnavailable).</summary>
    public string? ReferenceSource { get; set; }

    /// <summary>The source in words (全省平均值（审核通过城市）, 上期……).</summary>
    public string? ReferenceSourceText { get; set; }

    public decimal? SelfScore { get; set; }

    public decimal? AuditorScore { get; set; }

    public string? AdjustReason { get; set; }

    public decimal Points { get; set; }

    public string Status { get; set; } = string.Empty;

    public string ExplanationZh { get; set; } = string.Empty;

    public string ExplanationEn { get; set; } = string.Empty;

    /// <summary>Where the value came from, as a code: Entered (by a person), Fed (a data feed), Overridden (fed, then changed by a person); null when unreported.</summary>
    public string? Source { get; set; }

    /// <summary>The data feed (department · name) that wrote the value; for Overridden, the feed whose value was replaced.</summary>
    public string? SourceName { get; set; }

    /// <summary>When the feed wrote the value (UTC); null unless <see cref="Source"/> is Fed.</summary>
    public DateTime? SourceTime { get; set; }

    /// <summary><see cref="SourceTime"/> in Beijing time (yyyy-MM-dd HH:mm).</summary>
    public string? SourceTimeLocal { get; set; }

    /// <summary>Why a person replaced the fed value (Overridden only).</summary>
    public string? OverrideReason { get; set; }

    /// <summary>The source in words, in the reader's language (人工录入, 数据接口：公安局 · 警情推送（…）, 人工修改，原值来自…（原因：…）).</summary>
    public string? SourceText { get; set; }
}

public sealed class RankingRowDto
{
    public int? Rank { get; set; }

    public Guid CityId { get; set; }

    public string? CityName { get; set; }

    public Guid SheetId { get; set; }

    public int Version { get; set; }

    /// <summary>Null for a city left out (未参评).</summary>
    public decimal? Total { get; set; }

    public string? Grade { get; set; }

    public string? Colour { get; set; }

    public decimal? Change { get; set; }

    /// <summary>The city was left out of the publication (未参评).</summary>
    public bool NotAssessed { get; set; }

    /// <summary>Why the city was left out, or why its current version exists.</summary>
    public string? Reason { get; set; }
}

public sealed class CompletenessRowDto
{
    public Guid CityId { get; set; }

    public string? CityName { get; set; }

    public int Reported { get; set; }

    public int Expected { get; set; }

    public decimal Percent { get; set; }

    public string SubmissionStatus { get; set; } = string.Empty;

    public DateTime? FirstSubmittedTime { get; set; }

    /// <summary>First submitted before the entry window closed.</summary>
    public bool OnTime { get; set; }
}

public sealed class RetroactiveVetoInput
{
    [StringLength(Schemes.SchemeConsts.MaxCodeLength)]
    public string VetoCode { get; set; } = string.Empty;

    [StringLength(Schemes.SchemeConsts.MaxNameLength * 4)]
    public string? Reason { get; set; }
}

public sealed class WithdrawApprovalInput
{
    [StringLength(1000)]
    public string? Reason { get; set; }
}

public sealed class PublishPeriodInput
{
    /// <summary>Needed when the entry window has not closed yet: why the results are published early.</summary>
    [StringLength(Periods.PeriodConsts.MaxReasonLength)]
    public string? EarlyCloseReason { get; set; }

    /// <summary>Cities left out of the publication (未参评), each with a reason; every other city must be approved.</summary>
    public List<LeftOutCityInput> LeftOut { get; set; } = [];

    /// <summary>
    /// Publishes in public notice (公示): the cities see their results and may appeal for this many days before the
    /// province makes them final. Null publishes without a notice.
    /// </summary>
    public int? AppealDays { get; set; }
}

public sealed class LeftOutCityInput
{
    public Guid CityId { get; set; }

    [StringLength(DataEntry.DataEntryConsts.MaxNoteLength)]
    public string? Reason { get; set; }
}

public sealed class WithdrawPublicationInput
{
    [StringLength(Periods.PeriodConsts.MaxReasonLength)]
    public string? Reason { get; set; }
}

/// <summary>A published score sheet as served over HTTP: its UTF-8 JSON (a <see cref="ScoreSheetRecordDto"/>) and its entity tag.</summary>
public sealed class ScoreSheetJsonDto
{
    /// <summary>The strong entity tag, quoted, as sent in the ETag header.</summary>
    public string ETag { get; set; } = string.Empty;

    /// <summary>
    /// The JSON in parts, to be written one after the other: the stored part is the host's kept copy, so a 200 does not
    /// copy about 100 KiB into a new array per request. Null when the client's copy (If-None-Match) is current: the
    /// answer is 304 Not Modified.
    /// </summary>
    public IReadOnlyList<ReadOnlyMemory<byte>>? Content { get; set; }
}

using PilotAssessment.Auditing;
using PilotAssessment.Schemes;

namespace PilotAssessment.Results;

/// <summary>
/// A city's published score sheet of one period. Never changed once written: a retroactive veto or a withdrawn
/// approval adds a new version and the old one stays readable. Not in the entity-change history: a computed,
/// never-updated output (its creator and time are on the row) whose history would be a copy of every line per city.
/// </summary>
[DisableEntityChangeAudit]
public class ScoreSheetRecord : Entity, IMultiTenant, IHasCreationTime
{
    private ScoreSheetRecord()
    {
        CategoriesJson = BonusJson = VetoesJson = string.Empty;
    }

    public ScoreSheetRecord(Guid id, Guid tenantId, Guid periodId, int version, ScoreSheetKind kind)
        : base(id)
    {
        TenantId = tenantId;
        PeriodId = periodId;
        Version = version;
        Kind = kind;
        IsCurrent = true;
        CategoriesJson = BonusJson = VetoesJson = "[]";
    }

    public Guid? TenantId { get; set; }

    public Guid PeriodId { get; private set; }

    public int Version { get; private set; }

    public ScoreSheetKind Kind { get; private set; }

    /// <summary>Only the latest version of a city's sheet is current.</summary>
    public bool IsCurrent { get; set; }

    /// <summary>Why this version exists (the veto or withdrawal reason); null for the first.</summary>
    public string? Reason { get; set; }

    /// <summary>The city was left out of the publication (未参评): no score, no rank, no grade; <see cref="Reason"/> says why.</summary>
    public bool NotAssessed { get; set; }

    /// <summary>When the publication this sheet belongs to was withdrawn; the sheet stays readable as a version.</summary>
    public DateTime? WithdrawnTime { get; set; }

    /// <summary>The city's self-assessed total when it submitted (自评总分).</summary>
    public decimal? SelfTotal { get; set; }

    /// <summary>The period whose figures were the 上期 reference, when one was used.</summary>
    public string? ReferencePeriodName { get; set; }

    public decimal IndicatorPoints { get; set; }

    public decimal MaxPoints { get; set; }

    public decimal Bonus { get; set; }

    public decimal VetoDeduction { get; set; }

    public decimal Total { get; set; }

    public decimal Percent { get; set; }

    public string? ScoreGrade { get; set; }

    public string? Grade { get; set; }

    public string? Colour { get; set; }

    public bool AwardEligible { get; set; }

    public int? Rank { get; set; }

    /// <summary>Total of the city's current sheet of the previous period of the same kind.</summary>
    public decimal? PreviousTotal { get; set; }

    public int UnreportedCount { get; set; }

    public string CategoriesJson { get; set; }

    public string BonusJson { get; set; }

    public string VetoesJson { get; set; }

    public List<ScoreSheetLineRecord> Lines { get; private set; } = [];

    public DateTime CreationTime { get; set; }

    public Guid? CreatorId { get; set; }
}

[DisableEntityChangeAudit]
public class ScoreSheetLineRecord : Entity, IMultiTenant
{
    private ScoreSheetLineRecord()
    {
        IndicatorCode = IndicatorName = CategoryCode = ExplanationZh = ExplanationEn = string.Empty;
    }

    public ScoreSheetLineRecord(Guid id, Guid? tenantId, string indicatorCode, string indicatorName, string categoryCode)
        : base(id)
    {
        TenantId = tenantId;
        IndicatorCode = indicatorCode;
        IndicatorName = indicatorName;
        CategoryCode = categoryCode;
        ExplanationZh = ExplanationEn = string.Empty;
    }

    public Guid? TenantId { get; set; }

    public Guid ScoreSheetRecordId { get; set; }

    public int Order { get; set; }

    public string IndicatorCode { get; private set; }

    public string IndicatorName { get; private set; }

    public string CategoryCode { get; private set; }

    public decimal MaxPoints { get; set; }

    public decimal? Value { get; set; }

    /// <summary>What the city entered, as text, for every rule kind (a count, the checklist, a grade, rates).</summary>
    public string? ValueText { get; set; }

    /// <summary>The figure the line was compared with when published (参考值), frozen with the sheet.</summary>
    public decimal? ReferenceValue { get; set; }

    /// <summary>Where <see cref="ReferenceValue"/> came from (<see cref="ReferenceSources"/>).</summary>
    public string? ReferenceSource { get; set; }

    public decimal? SelfScore { get; set; }

    public decimal? AuditorScore { get; set; }

    public string? AdjustReason { get; set; }

    public decimal Points { get; set; }

    public LineStatus Status { get; set; }

    public string ExplanationZh { get; set; }

    public string ExplanationEn { get; set; }
}

/// <summary>The nightly monitoring index (平安指数) of a city in an open or locked period: one row per day.</summary>
public class MonitoringIndexSnapshot : Entity, IMultiTenant
{
    private MonitoringIndexSnapshot()
    {
    }

    public MonitoringIndexSnapshot(Guid id, Guid tenantId, Guid periodId, DateTime day)
        : base(id)
    {
        TenantId = tenantId;
        PeriodId = periodId;
        Day = day;
    }

    public Guid? TenantId { get; set; }

    public Guid PeriodId { get; private set; }

    /// <summary>The date in Asia/Shanghai at midnight, kind UTC.</summary>
    public DateTime Day { get; private set; }

    public decimal Total { get; set; }

    public decimal Percent { get; set; }

    public string? Colour { get; set; }

    public int ReportedLines { get; set; }

    public DateTime ComputedTime { get; set; }
}

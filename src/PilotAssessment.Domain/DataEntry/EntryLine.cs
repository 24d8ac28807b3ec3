using PilotAssessment.Files;

namespace PilotAssessment.DataEntry;

/// <summary>
/// One city's value for one indicator of one period (填报), with the review state of the line: the city's self
/// score (engine score at submission) and the auditor's confirmed score with its reason.
/// </summary>
public class EntryLine : FullAuditedAggregateRoot, IMultiTenant
{
    private EntryLine()
    {
        IndicatorCode = ValueJson = string.Empty;
    }

    public EntryLine(Guid id, Guid periodId, string indicatorCode)
        : base(id)
    {
        PeriodId = periodId;
        IndicatorCode = indicatorCode;
        ValueJson = new EntryValue().ToJson();
    }

    /// <summary>
    /// A line as scoring reads it in a province view (value and auditor score, none of the note, review or feed
    /// columns): read only, never saved.
    /// </summary>
    public static EntryLine ForScoring(Guid id, Guid? tenantId, Guid periodId, string indicatorCode, string valueJson, decimal? auditorScore, EntryLineStatus status) =>
        new() { Id = id, TenantId = tenantId, PeriodId = periodId, IndicatorCode = indicatorCode, ValueJson = valueJson, AuditorScore = auditorScore, Status = status };

    public Guid? TenantId { get; set; }

    public Guid PeriodId { get; private set; }

    public string IndicatorCode { get; private set; }

    /// <summary>The reporting unit (department or district), when units are used.</summary>
    public Guid? UnitId { get; set; }

    /// <summary><see cref="EntryValue"/> as JSON.</summary>
    public string ValueJson { get; private set; }

    public string? Note { get; set; }

    public EntryLineStatus Status { get; set; }

    public Guid? ReportedByUserId { get; private set; }

    public DateTime? ReportedTime { get; private set; }

    public decimal? SelfScore { get; set; }

    public decimal? AuditorScore { get; set; }

    public string? AdjustReason { get; set; }

    public Guid? AdjustedByUserId { get; set; }

    /// <summary>Why the auditor's adjustment was cleared (the line is back to its self score).</summary>
    public string? AdjustClearReason { get; set; }

    public string? ReturnComment { get; set; }

    /// <summary>What the data-quality check found in the saved value (docs/adr/0024).</summary>
    public Quality.QualityFlag QualityFlag { get; private set; }

    /// <summary><see cref="Quality.QualityDetail"/> as JSON: median, modified z-score and bounds the check saw; null when not checked.</summary>
    public string? QualityDetailJson { get; private set; }

    /// <summary>A flagged line needs a note before it is reported.</summary>
    public bool NeedsQualityNote => QualityFlag != Quality.QualityFlag.None && string.IsNullOrWhiteSpace(Note);

    public void SetQuality(Quality.QualityDetail? detail)
    {
        QualityFlag = detail?.Flag ?? Quality.QualityFlag.None;
        QualityDetailJson = detail?.ToJson();
    }

    /// <summary>The data feed (数据接口) that wrote the value now on the line; null when a person entered it.</summary>
    public Guid? SourceClientId { get; private set; }

    /// <summary>The feed's department and name as they were when it wrote (shown as 数据接口：公安局).</summary>
    public string? SourceName { get; private set; }

    /// <summary>Where the feed says the value's evidence is (a reference in the department's own system).</summary>
    public string? SourceEvidence { get; private set; }

    /// <summary>A person changed a fed value: why, and where the value they replaced came from (人工修改，原值来自…).</summary>
    public string? OverrideReason { get; private set; }

    public string? OverriddenSourceName { get; private set; }

    /// <summary>
    /// The number of the line's latest history revision (0: none yet), kept on the line so a save numbers its revision
    /// without counting the history; written with the value, so the line's concurrency stamp guards it too.
    /// </summary>
    public int Revision { get; private set; }

    /// <summary>The value parsed from <see cref="ValueJson"/>, once per stored JSON (scoring, the reference figures and the DTO each read it); treat it as read-only.</summary>
    public EntryValue Value
    {
        get
        {
            // One reference read: the JSON and its parse are swapped together, so a line read on two threads never mixes them.
            var parsed = _parsed;
            if (parsed is null || !ReferenceEquals(parsed.Json, ValueJson))
            {
                parsed = new ParsedValue(ValueJson, EntryValue.FromJson(ValueJson));
                _parsed = parsed;
            }

            return parsed.Value;
        }
    }

    private ParsedValue? _parsed;

    private sealed record ParsedValue(string Json, EntryValue Value);

    public bool IsReported => !Value.IsEmpty;

    /// <summary>Returns the previous JSON when the value changed, else null.</summary>
    public string? SetValue(EntryValue value, Guid? userId, DateTime now)
    {
        var json = value.ToJson();
        ReportedByUserId = userId;
        ReportedTime = now;
        if (json == ValueJson)
        {
            return null;
        }

        var old = ValueJson;
        ValueJson = json;
        return old;
    }

    /// <summary>
    /// A user saves the value and note of the line. The first save of a line, and every save that changes the value or
    /// the note, is a revision of its history: returned to be stored, numbered after the line's <see cref="Revision"/>
    /// (the one source of the numbering: every writer goes through here or <see cref="AdjustmentRevision"/>, and the
    /// migration that added the counter set it from the history). Null when nothing changed.
    /// </summary>
    public EntryValueHistory? ChangeValue(EntryValue value, string? note, Guid? userId, DateTime now)
    {
        var first = ReportedTime is null && Revision == 0;
        var oldValue = first ? null : ValueJson;
        var oldNote = Note;
        var changed = SetValue(value, userId, now) is not null;
        Note = note;
        if (!first && !changed && oldNote == note)
        {
            return null;
        }

        Revision++;
        return new EntryValueHistory(SequentialGuid.Next(), Id, Revision, oldValue, ValueJson, oldNote, note);
    }

    /// <summary>The value now on the line came from a data feed; a later person's save must give a reason.</summary>
    public void MarkFed(Guid clientId, string sourceName, string? evidence)
    {
        SourceClientId = clientId;
        SourceName = sourceName;
        SourceEvidence = evidence;
        OverrideReason = OverriddenSourceName = null;
    }

    /// <summary>A person replaced a fed value with a reason: the line no longer has a feed as its source.</summary>
    public void OverrideFed(string reason)
    {
        OverriddenSourceName = SourceName;
        OverrideReason = reason;
        SourceClientId = null;
        SourceName = null;
        SourceEvidence = null;
    }

    /// <summary>
    /// An auditor adjusted the line's score or cleared the adjustment: a revision of its history with the value as it
    /// is, the confirmed score and the reason given (<see cref="AdjustReason"/> or <see cref="AdjustClearReason"/>).
    /// </summary>
    public EntryValueHistory AdjustmentRevision()
    {
        Revision++;
        return new(SequentialGuid.Next(), Id, Revision, ValueJson, ValueJson, Note, Note)
        {
            AuditorScore = AuditorScore,
            AdjustReason = AdjustReason,
            AdjustClearReason = AdjustClearReason,
        };
    }
}

/// <summary>One change of a line's value: who, when, old and new (kept for the history view).</summary>
public class EntryValueHistory : Entity, IMultiTenant, IHasCreationTime
{
    private EntryValueHistory()
    {
        NewValueJson = string.Empty;
    }

    public EntryValueHistory(Guid id, Guid entryLineId, int revision, string? oldValueJson, string newValueJson, string? oldNote, string? newNote)
        : base(id)
    {
        EntryLineId = entryLineId;
        Revision = revision;
        OldValueJson = oldValueJson;
        NewValueJson = newValueJson;
        OldNote = oldNote;
        NewNote = newNote;
    }

    public Guid? TenantId { get; set; }

    public Guid EntryLineId { get; private set; }

    /// <summary>1 for the first value of the line; orders changes made within the same clock tick.</summary>
    public int Revision { get; private set; }

    public string? OldValueJson { get; private set; }

    public string NewValueJson { get; private set; }

    public string? OldNote { get; private set; }

    public string? NewNote { get; private set; }

    /// <summary>An auditor's adjustment: the confirmed score (null when the adjustment was cleared).</summary>
    public decimal? AuditorScore { get; init; }

    /// <summary>Why the auditor adjusted the score.</summary>
    public string? AdjustReason { get; init; }

    /// <summary>Why the auditor cleared an adjustment (the line is back to its self score).</summary>
    public string? AdjustClearReason { get; init; }

    /// <summary>The data feed that wrote this revision (its creator is then the feed client, not a user).</summary>
    public Guid? SourceClientId { get; set; }

    public string? SourceName { get; set; }

    /// <summary>Why a person replaced a fed value in this revision.</summary>
    public string? OverrideReason { get; set; }

    public DateTime CreationTime { get; set; }

    public Guid? CreatorId { get; set; }
}

/// <summary>A file proving a line (佐证材料), kept in the database apart from the line so lists never load content.</summary>
public class EvidenceFile : StoredFile, ISoftDelete
{
    private EvidenceFile()
    {
    }

    public EvidenceFile(Guid id, Guid entryLineId, string fileName, string contentType, byte[] content)
        : base(id, fileName, contentType, content)
    {
        EntryLineId = entryLineId;
    }

    public Guid EntryLineId { get; private set; }

    public bool IsDeleted { get; set; }
}

/// <summary>A city's facts of one period beyond indicator lines: veto facts, bonus counts, data items.</summary>
public class CityPeriodFacts : FullAuditedAggregateRoot, IMultiTenant
{
    private CityPeriodFacts()
    {
    }

    public CityPeriodFacts(Guid id, Guid periodId)
        : base(id)
    {
        PeriodId = periodId;
    }

    public Guid? TenantId { get; set; }

    public Guid PeriodId { get; private set; }

    public Dictionary<string, bool> VetoFacts { get; set; } = [];

    public Dictionary<string, int> BonusCounts { get; set; } = [];

    public Dictionary<string, decimal> DataItems { get; set; } = [];

    public string? Note { get; set; }
}

namespace PilotAssessment.Periods;

/// <summary>
/// An assessment period of a published scheme, owned by the province (no tenant). Planned → Open → Locked →
/// Published. Times are UTC; the entry window is given to the user in Asia/Shanghai.
/// </summary>
public class AssessmentPeriod : FullAuditedAggregateRoot
{
    private AssessmentPeriod()
    {
        Name = string.Empty;
    }

    public AssessmentPeriod(Guid id, Guid schemeId, string name, PeriodKind kind, int year, int number, DateTime entryOpensAt, DateTime entryClosesAt)
        : base(id)
    {
        SchemeId = schemeId;
        Name = name;
        Kind = kind;
        Year = year;
        Number = number;
        Status = PeriodStatus.Planned;
        SetWindow(entryOpensAt, entryClosesAt);
        if (number < 1 || number > MaxNumber(kind))
        {
            throw new BusinessException(PeriodErrorCodes.InvalidNumber, number, MaxNumber(kind));
        }
    }

    public Guid SchemeId { get; private set; }

    public string Name { get; private set; }

    public PeriodKind Kind { get; private set; }

    public int Year { get; private set; }

    /// <summary>1 for annual; 1–2 half-year; 1–4 quarter; 1–12 month.</summary>
    public int Number { get; private set; }

    public DateTime EntryOpensAt { get; private set; }

    public DateTime EntryClosesAt { get; private set; }

    public PeriodStatus Status { get; private set; }

    public DateTime? OpenedTime { get; private set; }

    public DateTime? LockedTime { get; private set; }

    public DateTime? PublishedTime { get; private set; }

    /// <summary>Why the results were published before the entry window closed; null when it had closed.</summary>
    public string? EarlyCloseReason { get; private set; }

    /// <summary>When the published results became final: no withdrawal after this.</summary>
    public DateTime? FinalizedTime { get; private set; }

    /// <summary>When the last publication was withdrawn, and why; the withdrawn sheets stay as versions.</summary>
    public DateTime? PublicationWithdrawnTime { get; private set; }

    public string? PublicationWithdrawReason { get; private set; }

    public static int MaxNumber(PeriodKind kind) => kind switch
    {
        PeriodKind.Annual => 1,
        PeriodKind.HalfYear => 2,
        PeriodKind.Quarterly => 4,
        _ => 12,
    };

    /// <summary>Ordering key of periods of the same kind (previous period = the largest smaller key).</summary>
    public int Sequence => (Year * 100) + Number;

    public void UpdateWindow(DateTime entryOpensAt, DateTime entryClosesAt)
    {
        if (Status is PeriodStatus.Published)
        {
            throw new BusinessException(PeriodErrorCodes.CannotChange, Status);
        }

        SetWindow(entryOpensAt, entryClosesAt);
    }

    public void Open(DateTime now)
    {
        if (Status != PeriodStatus.Planned)
        {
            throw new BusinessException(PeriodErrorCodes.CannotOpen, Status);
        }

        Status = PeriodStatus.Open;
        OpenedTime = now;
    }

    public void Lock(DateTime now)
    {
        if (Status != PeriodStatus.Open)
        {
            throw new BusinessException(PeriodErrorCodes.CannotClose, Status);
        }

        Status = PeriodStatus.Locked;
        LockedTime = now;
    }

    public void MarkPublished(DateTime now, string? earlyCloseReason = null)
    {
        if (Status is not (PeriodStatus.Open or PeriodStatus.Locked))
        {
            throw new BusinessException(Results.ResultErrorCodes.CannotPublish, Status);
        }

        Status = PeriodStatus.Published;
        LockedTime ??= now;
        PublishedTime = now;
        EarlyCloseReason = earlyCloseReason;
    }

    /// <summary>Whether the regular entry window has ended at <paramref name="now"/> (publishing before it needs a reason).</summary>
    public bool WindowClosed(DateTime now) => now >= EntryClosesAt;

    /// <summary>The province takes the publication back: the period is locked again and can be published anew.</summary>
    public void WithdrawPublication(string reason, DateTime now)
    {
        if (Status != PeriodStatus.Published)
        {
            throw new BusinessException(Results.ResultErrorCodes.NotPublished, Name);
        }

        if (FinalizedTime is not null)
        {
            throw new BusinessException(Results.ResultErrorCodes.AlreadyFinal, Name);
        }

        Status = PeriodStatus.Locked;
        PublishedTime = null;
        PublicationWithdrawnTime = now;
        PublicationWithdrawReason = reason;
    }

    /// <summary>The published results become final; they can no longer be withdrawn.</summary>
    public void MarkFinal(DateTime now)
    {
        if (Status != PeriodStatus.Published)
        {
            throw new BusinessException(Results.ResultErrorCodes.NotPublished, Name);
        }

        if (FinalizedTime is not null)
        {
            throw new BusinessException(Results.ResultErrorCodes.AlreadyFinal, Name);
        }

        FinalizedTime = now;
    }

    /// <summary>Whether the regular entry window admits writes at <paramref name="now"/>.</summary>
    public bool AcceptsEntries(DateTime now) => Status == PeriodStatus.Open && now >= EntryOpensAt && now < EntryClosesAt;

    private void SetWindow(DateTime opensAt, DateTime closesAt)
    {
        if (closesAt <= opensAt)
        {
            throw new BusinessException(PeriodErrorCodes.InvalidWindow);
        }

        EntryOpensAt = DateTime.SpecifyKind(opensAt, DateTimeKind.Utc);
        EntryClosesAt = DateTime.SpecifyKind(closesAt, DateTimeKind.Utc);
    }
}

/// <summary>The province reopens one city (optionally one of its units) after the close, until a new deadline.</summary>
public class PeriodLockException : Entity, IHasCreationTime
{
    private PeriodLockException()
    {
        Reason = string.Empty;
    }

    public PeriodLockException(Guid id, Guid periodId, Guid cityId, Guid? unitId, string reason, DateTime deadline)
        : base(id)
    {
        PeriodId = periodId;
        CityId = cityId;
        UnitId = unitId;
        Reason = reason;
        Deadline = DateTime.SpecifyKind(deadline, DateTimeKind.Utc);
    }

    public Guid PeriodId { get; private set; }

    /// <summary>The city (tenant id) reopened.</summary>
    public Guid CityId { get; private set; }

    /// <summary>When set, only this unit's lines reopen.</summary>
    public Guid? UnitId { get; private set; }

    public string Reason { get; private set; }

    public DateTime Deadline { get; private set; }

    public DateTime CreationTime { get; set; }

    public Guid? CreatorId { get; set; }

    public bool Admits(Guid cityId, Guid? unitId, DateTime now) =>
        CityId == cityId && now < Deadline && (UnitId is null || UnitId == unitId);
}

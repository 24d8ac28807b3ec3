namespace PilotAssessment.Periods;

public sealed class PeriodDto
{
    public Guid Id { get; set; }

    public Guid SchemeId { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public int Year { get; set; }

    public int Number { get; set; }

    public string Status { get; set; } = string.Empty;

    /// <summary>UTC.</summary>
    public DateTime EntryOpensAt { get; set; }

    public DateTime EntryClosesAt { get; set; }

    /// <summary>The same instants in Asia/Shanghai wall-clock time ("yyyy-MM-ddTHH:mm").</summary>
    public string EntryOpensAtLocal { get; set; } = string.Empty;

    public string EntryClosesAtLocal { get; set; } = string.Empty;

    public DateTime? PublishedTime { get; set; }

    /// <summary>Why the results were published before the entry window closed.</summary>
    public string? EarlyCloseReason { get; set; }

    /// <summary>When the published results became final (no withdrawal after it).</summary>
    public DateTime? FinalizedTime { get; set; }

    /// <summary>When the last publication was withdrawn, and why.</summary>
    public DateTime? PublicationWithdrawnTime { get; set; }

    public string? PublicationWithdrawReason { get; set; }

    public string? ConcurrencyStamp { get; set; }
}

public sealed class GetPeriodsInput
{
    public Guid? SchemeId { get; set; }

    public string? Status { get; set; }
}

public sealed class CreatePeriodInput
{
    public Guid SchemeId { get; set; }

    [StringLength(PeriodConsts.MaxNameLength)]
    public string? Name { get; set; }

    public PeriodKind Kind { get; set; }

    [Range(2000, 2100)]
    public int Year { get; set; }

    [Range(1, 12)]
    public int Number { get; set; } = 1;

    /// <summary>Asia/Shanghai wall-clock time.</summary>
    public DateTime EntryOpensAt { get; set; }

    /// <summary>Asia/Shanghai wall-clock time.</summary>
    public DateTime EntryClosesAt { get; set; }
}

public sealed class UpdatePeriodWindowInput
{
    public DateTime EntryOpensAt { get; set; }

    public DateTime EntryClosesAt { get; set; }

    public string? ConcurrencyStamp { get; set; }
}

public sealed class LockExceptionDto
{
    public Guid Id { get; set; }

    public Guid PeriodId { get; set; }

    public Guid CityId { get; set; }

    public Guid? UnitId { get; set; }

    public string Reason { get; set; } = string.Empty;

    public DateTime Deadline { get; set; }

    public string DeadlineLocal { get; set; } = string.Empty;

    public DateTime CreationTime { get; set; }
}

public sealed class CreateLockExceptionInput
{
    public Guid CityId { get; set; }

    public Guid? UnitId { get; set; }

    [StringLength(PeriodConsts.MaxReasonLength)]
    public string Reason { get; set; } = string.Empty;

    /// <summary>Asia/Shanghai wall-clock time.</summary>
    public DateTime Deadline { get; set; }
}

/// <summary>An open unit of a city, for choosing the unit of a lock exception.</summary>
public sealed class CityUnitDto
{
    public Guid Id { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>Names from the top unit down, e.g. "兰州市 / 城关区 / 政法委".</summary>
    public string Path { get; set; } = string.Empty;
}

public sealed class NotificationDto
{
    public Guid Id { get; set; }

    public string Key { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public DateTime CreationTime { get; set; }

    public DateTime? ReadTime { get; set; }
}

public interface IPeriodAppService : IApplicationService
{
    Task<List<PeriodDto>> GetListAsync(GetPeriodsInput input);

    Task<PeriodDto> GetAsync(Guid id);

    Task<PeriodDto> CreateAsync(CreatePeriodInput input);

    Task<PeriodDto> UpdateWindowAsync(Guid id, UpdatePeriodWindowInput input);

    Task<PeriodDto> OpenAsync(Guid id);

    Task<PeriodDto> CloseAsync(Guid id);

    Task<List<LockExceptionDto>> GetLockExceptionsAsync(Guid id);

    Task<LockExceptionDto> CreateLockExceptionAsync(Guid id, CreateLockExceptionInput input);

    Task<List<CityUnitDto>> GetCityUnitsAsync(Guid id, Guid cityId);
}

public interface INotificationAppService : IApplicationService
{
    Task<List<NotificationDto>> GetMineAsync(bool unreadOnly);

    Task MarkReadAsync(Guid id);
}

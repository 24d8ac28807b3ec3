using PilotAssessment.Services;

namespace PilotAssessment.Todo;

/// <summary>
/// The signed-in person's to-do (待办): each part is filled only for those whose permissions make it theirs — lines
/// to enter and returned lines (a city's users, a clerk only the lines of their unit), lines to check and the
/// submission (the city administrator), the review queue (auditors), periods by state and late cities (officials),
/// overdue problems (whoever reads supervision problems).
/// </summary>
public sealed class TodoDto
{
    public List<EntryTodoDto> Entry { get; set; } = [];

    public List<ReviewTodoDto> Review { get; set; } = [];

    public List<PeriodStateCountDto> PeriodStates { get; set; } = [];

    public List<LatePeriodDto> Late { get; set; } = [];

    /// <summary>Null when the person does not follow supervision problems.</summary>
    public OverdueProblemsDto? OverdueProblems { get; set; }
}

/// <summary>One open period of the caller's city: what is left to enter before the close.</summary>
public sealed class EntryTodoDto
{
    public Guid PeriodId { get; set; }

    public string PeriodName { get; set; } = string.Empty;

    public DateTime EntryClosesAt { get; set; }

    /// <summary>The close in Beijing time, "yyyy-MM-dd HH:mm".</summary>
    public string EntryClosesAtLocal { get; set; } = string.Empty;

    /// <summary>Whole Beijing days until the close (0: closes today; negative: closed that many days ago).</summary>
    public int DaysLeft { get; set; }

    /// <summary>The window still admits entries (or a lock exception does).</summary>
    public bool MayWrite { get; set; }

    /// <summary>Lines the caller enters (a clerk: their unit's).</summary>
    public int Expected { get; set; }

    public int Reported { get; set; }

    public int Missing { get; set; }

    /// <summary>Lines the auditors sent back, with their comments (at most <see cref="TodoConsts.MaxItems"/>).</summary>
    public int ReturnedCount { get; set; }

    public List<TodoLineDto> Returned { get; set; } = [];

    /// <summary>City administrator: lines the units reported, waiting for the city's check.</summary>
    public int? ToCheck { get; set; }

    /// <summary>City administrator: the city's submission state (Draft, Submitted, Returned, Approved, Withdrawn).</summary>
    public string? SubmissionStatus { get; set; }

    public string? SubmissionStatusText { get; set; }

    public string? SubmissionReturnComment { get; set; }
}

public sealed class TodoLineDto
{
    public string IndicatorCode { get; set; } = string.Empty;

    public string IndicatorName { get; set; } = string.Empty;

    public string? Comment { get; set; }
}

/// <summary>Auditors: the submissions of one period waiting for review.</summary>
public sealed class ReviewTodoDto
{
    public Guid PeriodId { get; set; }

    public string PeriodName { get; set; } = string.Empty;

    public int Submitted { get; set; }

    /// <summary>The longest waiting first (at most <see cref="TodoConsts.MaxItems"/>).</summary>
    public List<TodoCityDto> Cities { get; set; } = [];
}

public sealed class TodoCityDto
{
    public Guid CityId { get; set; }

    public string CityName { get; set; } = string.Empty;

    /// <summary>Beijing time, "yyyy-MM-dd HH:mm".</summary>
    public string? TimeLocal { get; set; }
}

public sealed class PeriodStateCountDto
{
    public string Status { get; set; } = string.Empty;

    public string StatusText { get; set; } = string.Empty;

    public int Count { get; set; }
}

/// <summary>Officials: one open period and the cities that have not submitted yet.</summary>
public sealed class LatePeriodDto
{
    public Guid PeriodId { get; set; }

    public string PeriodName { get; set; } = string.Empty;

    public string EntryClosesAtLocal { get; set; } = string.Empty;

    public int DaysLeft { get; set; }

    public int Expected { get; set; }

    public int CityCount { get; set; }

    /// <summary>Fewest reported lines first.</summary>
    public List<LateCityDto> Cities { get; set; } = [];

    /// <summary>The late cities as a message to paste into 政务微信 or 钉钉.</summary>
    public string CopyText { get; set; } = string.Empty;
}

public sealed class LateCityDto
{
    public Guid CityId { get; set; }

    public string CityName { get; set; } = string.Empty;

    public int Reported { get; set; }

    public string SubmissionStatus { get; set; } = string.Empty;

    public string SubmissionStatusText { get; set; } = string.Empty;

    /// <summary>Beijing time of the last 催报 of this period, if any.</summary>
    public string? LastUrgedLocal { get; set; }

    /// <summary>Already urged today (Beijing day): a new 催报 is refused until tomorrow.</summary>
    public bool UrgedToday { get; set; }
}

public sealed class OverdueProblemsDto
{
    public int Count { get; set; }

    public List<TodoProblemDto> Items { get; set; } = [];
}

public sealed class TodoProblemDto
{
    public Guid Id { get; set; }

    public string Title { get; set; } = string.Empty;

    public Guid? CityId { get; set; }

    public string CityName { get; set; } = string.Empty;

    /// <summary>Beijing date, "yyyy-MM-dd".</summary>
    public string DeadlineLocal { get; set; } = string.Empty;

    public int OverdueDays { get; set; }
}

/// <summary>What one 催报 did.</summary>
public sealed class UrgeResultDto
{
    public string CityName { get; set; } = string.Empty;

    /// <summary>In-app notifications written (one per clerk and administrator of the city).</summary>
    public int Notified { get; set; }

    /// <summary>E-mails handed to the sender (0 when e-mail is not configured).</summary>
    public int Emailed { get; set; }

    /// <summary>The message as sent, to paste into 政务微信 or 钉钉.</summary>
    public string CopyText { get; set; } = string.Empty;
}

public interface ITodoAppService : IApplicationService
{
    /// <summary>The caller's to-do, by their permissions, city and unit.</summary>
    Task<TodoDto> GetMineAsync();

    /// <summary>催报: tells every clerk and administrator of a city that has not submitted an open period (once a Beijing day).</summary>
    Task<UrgeResultDto> UrgeAsync(Guid periodId, Guid cityId);
}

using PilotAssessment.Dtos;

namespace PilotAssessment.Supervision;

/// <summary>A problem of the register (交办问题).</summary>
public sealed class ProblemDto
{
    public Guid Id { get; set; }

    public Guid CityId { get; set; }

    public string? CityName { get; set; }

    public string Title { get; set; } = string.Empty;

    public string? Description { get; set; }

    public string Category { get; set; } = string.Empty;

    /// <summary>Normal, Major or Severe.</summary>
    public string Severity { get; set; } = string.Empty;

    /// <summary>Round, EarlyWarning or Other.</summary>
    public string Source { get; set; } = string.Empty;

    public Guid? RoundId { get; set; }

    public string? RoundName { get; set; }

    public Guid? PeriodId { get; set; }

    public string? IndicatorCode { get; set; }

    public string? CategoryCode { get; set; }

    public Guid? UnitId { get; set; }

    public string? UnitName { get; set; }

    /// <summary>The last province day to rectify.</summary>
    public DateOnly Deadline { get; set; }

    /// <summary>Assigned (交办), Rectifying (整改中), AwaitingVerification (已整改待核验) or Closed (已销号).</summary>
    public string Status { get; set; } = string.Empty;

    /// <summary>Open with its deadline passed.</summary>
    public bool Overdue { get; set; }

    public Guid? PreviousProblemId { get; set; }

    /// <summary>Found again after a closed one (屡查屡犯).</summary>
    public bool Repeat { get; set; }

    public string? RectificationNote { get; set; }

    public string? RejectReason { get; set; }

    public DateTime CreationTime { get; set; }

    public DateTime? ReportedTime { get; set; }

    public DateTime? ClosedTime { get; set; }

    public string? ConcurrencyStamp { get; set; }
}

/// <summary>A problem with its evidence and full history.</summary>
public sealed class ProblemDetailDto
{
    public ProblemDto Problem { get; set; } = new();

    public List<ProblemEvidenceDto> Evidence { get; set; } = [];

    public List<ProblemEventDto> History { get; set; } = [];

    /// <summary>Closed problems of the same city the province may name as the first occurrence (屡查屡犯); province only.</summary>
    public List<ProblemDto> Repeats { get; set; } = [];
}

public sealed class ProblemEvidenceDto
{
    public Guid Id { get; set; }

    /// <summary>Finding (the province's) or Rectification (the city's).</summary>
    public string Stage { get; set; } = string.Empty;

    public string FileName { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public long Size { get; set; }

    public DateTime CreationTime { get; set; }
}

public sealed class ProblemEventDto
{
    public Guid Id { get; set; }

    /// <summary>Assigned, HandedToUnit, Reported, Closed, Rejected, Overdue or EvidenceAdded.</summary>
    public string Kind { get; set; } = string.Empty;

    public string? FromStatus { get; set; }

    public string ToStatus { get; set; } = string.Empty;

    public Guid? UnitId { get; set; }

    public string? UnitName { get; set; }

    public string? Note { get; set; }

    public Guid? UserId { get; set; }

    public string? UserName { get; set; }

    public DateTime Time { get; set; }
}

public sealed class GetProblemsInput : PagedAndFilteredRequestDto
{
    public Guid? CityId { get; set; }

    public Guid? UnitId { get; set; }

    public Guid? RoundId { get; set; }

    /// <summary>Assigned, Rectifying, AwaitingVerification or Closed.</summary>
    public ProblemStatus? Status { get; set; }

    public bool? Overdue { get; set; }
}

public sealed class CreateProblemInput
{
    public Guid CityId { get; set; }

    public string Title { get; set; } = string.Empty;

    public string? Description { get; set; }

    public string? Category { get; set; }

    public ProblemSeverity Severity { get; set; }

    /// <summary>The last province day to rectify.</summary>
    public DateOnly? Deadline { get; set; }

    /// <summary>The responsible unit, when the province names it (the city may hand it to another).</summary>
    public Guid? UnitId { get; set; }

    public Guid? RoundId { get; set; }

    /// <summary>A closed problem of the same city this one repeats (屡查屡犯).</summary>
    public Guid? PreviousProblemId { get; set; }
}

/// <summary>One click on an early warning: a problem for that city, linked to the period and the line or category.</summary>
public sealed class RaiseFromWarningInput
{
    public Guid PeriodId { get; set; }

    public Guid CityId { get; set; }

    /// <summary>Line or Category, as the warning gives it.</summary>
    public string Scope { get; set; } = string.Empty;

    public string Code { get; set; } = string.Empty;

    public DateOnly? Deadline { get; set; }

    public ProblemSeverity Severity { get; set; }

    /// <summary>Words of the province beyond the warning itself.</summary>
    public string? Description { get; set; }
}

public sealed class HandToUnitInput
{
    public Guid UnitId { get; set; }

    public string? Note { get; set; }
}

public sealed class ReportRectificationInput
{
    public string Note { get; set; } = string.Empty;
}

public sealed class CloseProblemInput
{
    public string? Note { get; set; }
}

public sealed class RejectRectificationInput
{
    public string Reason { get; set; } = string.Empty;
}

/// <summary>The province's matrix: each city's problems by state, with the overdue ones.</summary>
public sealed class ProblemMatrixDto
{
    public List<ProblemMatrixRowDto> Rows { get; set; } = [];

    public ProblemMatrixRowDto Total { get; set; } = new();
}

public sealed class ProblemMatrixRowDto
{
    public Guid? CityId { get; set; }

    public string? CityName { get; set; }

    /// <summary>Count per state (Assigned, Rectifying, AwaitingVerification, Closed).</summary>
    public Dictionary<string, int> Counts { get; set; } = [];

    public int Overdue { get; set; }

    public int Repeat { get; set; }

    public int Total { get; set; }
}

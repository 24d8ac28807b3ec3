namespace PilotAssessment.Results;

/// <summary>Which numbers a city's monitoring row was computed from.</summary>
public static class MonitoringSources
{
    /// <summary>The city's current published score sheet.</summary>
    public const string Published = "Published";

    /// <summary>Live: entered values with the auditor's scores where given (the sheet is submitted, approved or adjusted).</summary>
    public const string Review = "Review";

    /// <summary>Live: the city's entered values (self-assessment) only.</summary>
    public const string Self = "Self";

    /// <summary>Nothing entered yet.</summary>
    public const string None = "None";
}

/// <summary>One pilot city's current figures in a period, with its colour and early warnings (预警).</summary>
public sealed class CityMonitoringDto
{
    public Guid CityId { get; set; }

    public string? CityName { get; set; }

    /// <summary>The published sheet's version when <see cref="Source"/> is Published.</summary>
    public int? SheetVersion { get; set; }

    /// <summary>Published, Review, Self or None (<see cref="MonitoringSources"/>).</summary>
    public string Source { get; set; } = MonitoringSources.None;

    public decimal Total { get; set; }

    public decimal MaxPoints { get; set; }

    public decimal Percent { get; set; }

    public string? Grade { get; set; }

    /// <summary>The scheme's colour band name (e.g. 绿 蓝 橙 红); null when nothing was entered.</summary>
    public string? Colour { get; set; }

    /// <summary>Every category of the scheme, parents before children.</summary>
    public List<CategoryMonitoringDto> Categories { get; set; } = [];

    /// <summary>Categories first, then lines; each in the scheme's order.</summary>
    public List<MonitoringWarningDto> Warnings { get; set; } = [];
}

public sealed class CategoryMonitoringDto
{
    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public decimal Points { get; set; }

    public decimal MaxPoints { get; set; }

    public decimal Percent { get; set; }

    public string? Colour { get; set; }
}

/// <summary>A category or line whose percentage falls in one of the scheme's two worst colour bands.</summary>
public sealed class MonitoringWarningDto
{
    /// <summary>Line or Category.</summary>
    public string Scope { get; set; } = string.Empty;

    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public decimal Percent { get; set; }

    public string? Colour { get; set; }

    /// <summary>Red for the worst colour band, Orange for the one above it.</summary>
    public string Level { get; set; } = string.Empty;
}

/// <summary>A city's published result in one period of a scheme, for trend charts.</summary>
public sealed class TrendPointDto
{
    public Guid PeriodId { get; set; }

    public string PeriodName { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public int Year { get; set; }

    public int Number { get; set; }

    public Guid CityId { get; set; }

    public string? CityName { get; set; }

    public decimal Total { get; set; }

    public decimal Percent { get; set; }

    public string? Grade { get; set; }

    public string? Colour { get; set; }

    /// <summary>Rank among every city's current sheet of the period (ties share).</summary>
    public int Rank { get; set; }
}

/// <summary>Monitoring (平安指数 and early warnings) and trends for the dashboards.</summary>
public interface IResultMonitoringAppService : IApplicationService
{
    /// <summary>Each pilot city's current figures (a city sees only its own row).</summary>
    Task<List<CityMonitoringDto>> GetMonitoringAsync(Guid periodId);

    /// <summary>Every published period of the scheme, each city's current sheet, ordered by period then rank.</summary>
    Task<List<TrendPointDto>> GetTrendsAsync(Guid schemeId);
}

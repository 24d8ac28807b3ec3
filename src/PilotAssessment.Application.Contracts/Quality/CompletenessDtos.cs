using PilotAssessment.Dtos;

namespace PilotAssessment.Quality;

/// <summary>
/// How complete and timely a city's (or a unit's) lines of a period are: expected lines (the indicators entered by
/// the city), reported, reported on time (last saved before the period's entry deadline), late, missing, flagged.
/// </summary>
public class CompletenessFigures
{
    public int Expected { get; set; }

    public int Reported { get; set; }

    public int OnTime { get; set; }

    public int Late { get; set; }

    public int Missing { get; set; }

    /// <summary>Reported lines the data-quality check flagged.</summary>
    public int Flagged { get; set; }

    /// <summary>Reported / expected, in percent (two decimals).</summary>
    public decimal ReportedPercent { get; set; }

    /// <summary>On time / expected, in percent (two decimals).</summary>
    public decimal OnTimePercent { get; set; }
}

public sealed class CityCompletenessDto : CompletenessFigures
{
    public Guid CityId { get; set; }

    public string CityName { get; set; } = string.Empty;
}

public sealed class UnitCompletenessDto : CompletenessFigures
{
    /// <summary>Null: the lines handed to no unit (the city's own).</summary>
    public Guid? UnitId { get; set; }

    public string UnitName { get; set; } = string.Empty;
}

/// <summary>The figures of one period of the series, for the trend chart.</summary>
public sealed class CompletenessTrendPointDto : CompletenessFigures
{
    public Guid PeriodId { get; set; }

    public string PeriodName { get; set; } = string.Empty;

    public int Year { get; set; }

    public int Number { get; set; }
}

public sealed class GetCityCompletenessInput : PagedResultRequestDto;

public interface IQualityAppService : IApplicationService
{
    /// <summary>Each pilot city's figures of the period, a page at a time (a city: its own row).</summary>
    Task<PagedResultDto<CityCompletenessDto>> GetCitiesAsync(Guid periodId, GetCityCompletenessInput input);

    /// <summary>One city's figures per unit.</summary>
    Task<List<UnitCompletenessDto>> GetUnitsAsync(Guid periodId, Guid cityId);

    /// <summary>The figures of the period and the earlier periods of its series (oldest first): every city's, or one city's.</summary>
    Task<List<CompletenessTrendPointDto>> GetTrendAsync(Guid periodId, Guid? cityId);
}

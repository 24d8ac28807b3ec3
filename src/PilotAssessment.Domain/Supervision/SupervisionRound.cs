using PilotAssessment.Entities;
using PilotAssessment.ExceptionHandling;

namespace PilotAssessment.Supervision;

/// <summary>
/// A supervision round (督导轮次) planned by the province: its name and period, the cities and units it visits, the
/// members of the group (users of the province) and its dates (province days, stored as dates).
/// </summary>
public class SupervisionRound : FullAuditedAggregateRoot
{
    private SupervisionRound()
    {
        Name = PeriodLabel = string.Empty;
    }

    public SupervisionRound(Guid id, string name, string? periodLabel, DateTime startDate, DateTime endDate)
        : base(id)
    {
        Name = string.Empty;
        PeriodLabel = string.Empty;
        Change(name, periodLabel, startDate, endDate);
    }

    public string Name { get; private set; }

    /// <summary>The assessment period the round belongs to, in words (2026年上半年).</summary>
    public string PeriodLabel { get; private set; }

    public DateTime StartDate { get; private set; }

    public DateTime EndDate { get; private set; }

    public string? Note { get; set; }

    /// <summary>The cities visited, each with the units visited there (none: the city as a whole).</summary>
    public List<RoundVisit> Visits { get; set; } = [];

    /// <summary>The group's members (users of the province).</summary>
    public List<Guid> MemberUserIds { get; set; } = [];

    /// <exception cref="BusinessException">A missing name, a too long label or an end before the start (400 on the field).</exception>
    public void Change(string name, string? periodLabel, DateTime startDate, DateTime endDate)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length == 0 || trimmed.Length > SupervisionConsts.MaxNameLength)
        {
            throw new BusinessException(SupervisionErrorCodes.NameRequired, SupervisionConsts.MaxNameLength)
                .WithError(nameof(Name), SupervisionErrorCodes.NameRequired, SupervisionConsts.MaxNameLength);
        }

        var label = periodLabel?.Trim() ?? string.Empty;
        if (label.Length > SupervisionConsts.MaxNameLength)
        {
            throw new BusinessException(SupervisionErrorCodes.TextTooLong, SupervisionConsts.MaxNameLength)
                .WithError(nameof(PeriodLabel), SupervisionErrorCodes.TextTooLong, SupervisionConsts.MaxNameLength);
        }

        if (endDate.Date < startDate.Date)
        {
            throw new BusinessException(SupervisionErrorCodes.InvalidDates)
                .WithError(nameof(EndDate), SupervisionErrorCodes.InvalidDates);
        }

        Name = trimmed;
        PeriodLabel = label;
        StartDate = startDate.Date;
        EndDate = endDate.Date;
    }
}

/// <summary>A city a round visits and the units it visits there.</summary>
public sealed record RoundVisit
{
    public Guid CityId { get; init; }

    public List<Guid> UnitIds { get; init; } = [];
}

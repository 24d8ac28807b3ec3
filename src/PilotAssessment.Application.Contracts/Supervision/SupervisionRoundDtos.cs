namespace PilotAssessment.Supervision;

/// <summary>A supervision round (督导轮次).</summary>
public sealed class SupervisionRoundDto
{
    public Guid Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string PeriodLabel { get; set; } = string.Empty;

    /// <summary>Province days.</summary>
    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    public string? Note { get; set; }

    public List<RoundVisitDto> Visits { get; set; } = [];

    public List<RoundMemberDto> Members { get; set; } = [];

    /// <summary>Problems found in the round.</summary>
    public int ProblemCount { get; set; }

    public string? ConcurrencyStamp { get; set; }
}

public sealed class RoundVisitDto
{
    public Guid CityId { get; set; }

    public string? CityName { get; set; }

    public List<Guid> UnitIds { get; set; } = [];

    public List<string> UnitNames { get; set; } = [];
}

public sealed class RoundUnitDto
{
    public Guid Id { get; set; }

    public string Name { get; set; } = string.Empty;
}

public sealed class RoundMemberDto
{
    public Guid UserId { get; set; }

    public string? Name { get; set; }
}

public sealed class SaveRoundInput
{
    public string Name { get; set; } = string.Empty;

    public string? PeriodLabel { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    public string? Note { get; set; }

    public List<RoundVisitInput> Visits { get; set; } = [];

    /// <summary>Users of the province.</summary>
    public List<Guid> MemberUserIds { get; set; } = [];

    /// <summary>The stamp read, when changing a round.</summary>
    public string? ConcurrencyStamp { get; set; }
}

public sealed class RoundVisitInput
{
    public Guid CityId { get; set; }

    public List<Guid> UnitIds { get; set; } = [];
}

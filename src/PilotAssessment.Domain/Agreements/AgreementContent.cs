namespace PilotAssessment.Agreements;

/// <summary>
/// One line of an agreement: a scheme indicator (with the city's target, null = the scheme's) or an extra,
/// city-specific indicator. <see cref="AssignedUnitId"/> cascades it to one of the city's units.
/// </summary>
public sealed record AgreementLine
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public decimal MaxPoints { get; init; }

    /// <summary>The scheme's target when the agreement was drafted (extra lines: null).</summary>
    public decimal? SchemeTarget { get; init; }

    /// <summary>The city's target; on a scheme line it overrides <see cref="SchemeTarget"/> in scoring.</summary>
    public decimal? Target { get; init; }

    public string? Note { get; init; }

    public bool IsExtra { get; init; }

    public Guid? AssignedUnitId { get; init; }

    public decimal? EffectiveTarget => Target ?? SchemeTarget;
}

public sealed record KeyTaskMilestone
{
    public required string Title { get; init; }

    public DateTime? DueDate { get; init; }
}

/// <summary>A key task (重点任务) of the pilot written into the agreement.</summary>
public sealed record AgreementKeyTask
{
    public required string Code { get; init; }

    public string Area { get; init; } = string.Empty;

    public required string Task { get; init; }

    /// <summary>The responsible unit as written (e.g. 市委政法委) or the name of <see cref="ResponsibleUnitId"/>.</summary>
    public string? ResponsibleUnit { get; init; }

    public Guid? ResponsibleUnitId { get; init; }

    public DateTime? DueDate { get; init; }

    public IReadOnlyList<KeyTaskMilestone> Milestones { get; init; } = [];

    public Guid? AssignedUnitId { get; init; }
}

/// <summary>The body of an agreement: replaced as a whole (stored as one JSON column).</summary>
public sealed record AgreementContent
{
    public IReadOnlyList<AgreementLine> Lines { get; init; } = [];

    public IReadOnlyList<AgreementKeyTask> KeyTasks { get; init; } = [];

    /// <summary>责任清单.</summary>
    public IReadOnlyList<string> Duties { get; init; } = [];

    /// <summary>负面清单.</summary>
    public IReadOnlyList<string> Prohibitions { get; init; } = [];

    /// <summary>规则清单.</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];
}

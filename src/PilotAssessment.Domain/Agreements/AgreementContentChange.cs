namespace PilotAssessment.Agreements;

/// <summary>
/// A draft's body as the province entered it, before <see cref="AgreementContentValidator"/> checks it. Scheme
/// lines not named in <see cref="Targets"/> keep their values.
/// </summary>
public sealed record AgreementContentChange
{
    public IReadOnlyList<TargetChange> Targets { get; init; } = [];

    public IReadOnlyList<ExtraLineChange> ExtraLines { get; init; } = [];

    public IReadOnlyList<KeyTaskChange> KeyTasks { get; init; } = [];

    public IReadOnlyList<string> Duties { get; init; } = [];

    public IReadOnlyList<string> Prohibitions { get; init; } = [];

    public IReadOnlyList<string> Rules { get; init; } = [];
}

/// <summary>The city's target of a scheme line (null = the scheme's).</summary>
public sealed record TargetChange(string Code, decimal? Target, string? Note);

/// <summary>A city-specific indicator, not in the scheme.</summary>
public sealed record ExtraLineChange(string Code, string Name, decimal MaxPoints, decimal? Target, string? Note);

public sealed record KeyTaskChange(
    string Code,
    string Area,
    string Task,
    string? ResponsibleUnit,
    Guid? ResponsibleUnitId,
    DateTime? DueDate,
    IReadOnlyList<KeyTaskMilestone> Milestones);

/// <summary>One line or key task (by code) to one of the city's units; a null unit takes it back to the city.</summary>
public sealed record UnitAssignment(string Code, Guid? UnitId);

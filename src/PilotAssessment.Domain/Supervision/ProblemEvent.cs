using PilotAssessment.Entities;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.MultiTenancy;

namespace PilotAssessment.Supervision;

/// <summary>One step of a problem's history: what happened, from which state to which, for which unit, with the note or reason.</summary>
public class ProblemEvent : Entity, IMultiTenant, IHasCreationTime
{
    private ProblemEvent()
    {
    }

    public ProblemEvent(Guid id, Guid problemId, ProblemEventKind kind, ProblemStatus? fromStatus, ProblemStatus toStatus, Guid? unitId, string? note)
        : base(id)
    {
        ProblemId = problemId;
        Kind = kind;
        FromStatus = fromStatus;
        ToStatus = toStatus;
        UnitId = unitId;
        Note = note;
    }

    public Guid? TenantId { get; set; }

    public Guid ProblemId { get; private set; }

    public ProblemEventKind Kind { get; private set; }

    public ProblemStatus? FromStatus { get; private set; }

    public ProblemStatus ToStatus { get; private set; }

    public Guid? UnitId { get; private set; }

    public string? Note { get; private set; }

    public DateTime CreationTime { get; set; }

    public Guid? CreatorId { get; set; }
}

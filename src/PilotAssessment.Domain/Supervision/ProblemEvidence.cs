using PilotAssessment.Entities;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.Files;
using PilotAssessment.MultiTenancy;

namespace PilotAssessment.Supervision;

/// <summary>An evidence file of a problem (佐证材料): found by the province, or proving the rectification. Lists never load the content.</summary>
public class ProblemEvidence : StoredFile
{
    private ProblemEvidence()
    {
    }

    public ProblemEvidence(Guid id, Guid problemId, ProblemEvidenceStage stage, string fileName, string contentType, byte[] content)
        : base(id, fileName, contentType, content)
    {
        ProblemId = problemId;
        Stage = stage;
    }

    public Guid ProblemId { get; private set; }

    public ProblemEvidenceStage Stage { get; private set; }
}

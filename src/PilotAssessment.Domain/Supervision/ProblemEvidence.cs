using PilotAssessment.Entities;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.MultiTenancy;

namespace PilotAssessment.Supervision;

/// <summary>An evidence file of a problem (佐证材料): found by the province, or proving the rectification. Lists never load the content.</summary>
public class ProblemEvidence : Entity, IMultiTenant, IHasCreationTime
{
    private ProblemEvidence()
    {
        FileName = ContentType = string.Empty;
        Content = [];
    }

    public ProblemEvidence(Guid id, Guid problemId, ProblemEvidenceStage stage, string fileName, string contentType, byte[] content)
        : base(id)
    {
        ProblemId = problemId;
        Stage = stage;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Size = content.LongLength;
    }

    public Guid? TenantId { get; set; }

    public Guid ProblemId { get; private set; }

    public ProblemEvidenceStage Stage { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long Size { get; private set; }

    public byte[] Content { get; private set; }

    public DateTime CreationTime { get; set; }

    public Guid? CreatorId { get; set; }
}

namespace PilotAssessment.Agreements;

public sealed class ReportProgressInput
{
    /// <summary>0–100; checked by the service so the message is the product's own.</summary>
    public int Percent { get; set; }

    [StringLength(AgreementConsts.MaxTitleLength)]
    public string? Milestone { get; set; }

    [StringLength(1000)]
    public string? Note { get; set; }
}

public sealed record KeyTaskProgressDto(Guid Id, string TaskCode, string? Milestone, int Percent, string? Note, Guid? EvidenceAttachmentId, DateTime CreationTime, Guid? CreatorId);

public sealed record KeyTaskCellDto(string Code, string Task, DateTime? DueDate, int Percent, string Status);

public sealed record CityKeyTasksDto(Guid CityId, string CityName, Guid? AgreementId, int? Version, IReadOnlyList<KeyTaskCellDto> Tasks, IReadOnlyDictionary<string, int> Counts);

public sealed record KeyTaskMatrixDto(int Year, IReadOnlyList<CityKeyTasksDto> Cities);

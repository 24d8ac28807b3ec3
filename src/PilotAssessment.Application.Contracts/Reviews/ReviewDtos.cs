using PilotAssessment.DataEntry;

namespace PilotAssessment.Reviews;

public sealed class AdjustLineInput
{
    public decimal Score { get; set; }

    [StringLength(DataEntryConsts.MaxNoteLength)]
    public string? Reason { get; set; }
}

public sealed class ClearAdjustmentInput
{
    [StringLength(DataEntryConsts.MaxNoteLength)]
    public string? Reason { get; set; }
}

public sealed class ReturnSubmissionInput
{
    [StringLength(DataEntryConsts.MaxNoteLength)]
    public string? Comment { get; set; }

    /// <summary>Lines returned with their own comment; empty returns the whole sheet.</summary>
    public List<ReturnLineInput> Lines { get; set; } = [];
}

public sealed class ReturnLineInput
{
    public string IndicatorCode { get; set; } = string.Empty;

    [StringLength(DataEntryConsts.MaxNoteLength)]
    public string? Comment { get; set; }
}

public interface IReviewAppService : IApplicationService
{
    Task<List<SubmissionDto>> GetSubmissionsAsync(Guid periodId);

    Task<EntrySheetDto> GetCitySheetAsync(Guid periodId, Guid cityId);

    Task<EntryLineDto> AdjustLineAsync(Guid lineId, AdjustLineInput input);

    /// <summary>Clears the auditor's adjustment with a reason: the line is scored by its self score again.</summary>
    Task<EntryLineDto> ClearAdjustmentAsync(Guid lineId, ClearAdjustmentInput input);

    Task<SubmissionDto> ReturnAsync(Guid periodId, Guid cityId, ReturnSubmissionInput input);

    Task<SubmissionDto> ApproveAsync(Guid periodId, Guid cityId);

    Task<Schemes.FileDto> DownloadEvidenceAsync(Guid evidenceId);
}

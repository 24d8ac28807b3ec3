using System.ComponentModel.DataAnnotations;
using PilotAssessment.Schemes;
using PilotAssessment.Services;

namespace PilotAssessment.Appeals;

/// <summary>The public notice (公示) of a period, or <see cref="Staged"/> false when its results were published without one.</summary>
public sealed class PublicityDto
{
    public Guid PeriodId { get; set; }

    public bool Staged { get; set; }

    public int Days { get; set; }

    public DateTime? StartsAt { get; set; }

    /// <summary>When the appeal window ends (or was closed early), UTC.</summary>
    public DateTime? EndsAt { get; set; }

    /// <summary><see cref="EndsAt"/> in Beijing time ("yyyy-MM-dd HH:mm").</summary>
    public string? EndsAtLocal { get; set; }

    /// <summary>Cities may still appeal.</summary>
    public bool AcceptsAppeals { get; set; }

    public string? ClosedReason { get; set; }

    public bool Final { get; set; }

    public int OpenAppeals { get; set; }
}

public sealed class AppealDto
{
    public Guid Id { get; set; }

    public Guid PeriodId { get; set; }

    public Guid CityId { get; set; }

    public string? CityName { get; set; }

    public Guid SheetId { get; set; }

    public int SheetVersion { get; set; }

    /// <summary>The appealed line; null for the total.</summary>
    public string? IndicatorCode { get; set; }

    public string? IndicatorName { get; set; }

    /// <summary>The target in words: "B04 群众安全感" or "总分".</summary>
    public string Target { get; set; } = string.Empty;

    public decimal CurrentScore { get; set; }

    public decimal? RequestedScore { get; set; }

    public string Reason { get; set; } = string.Empty;

    /// <summary>Open, Upheld or Rejected; <see cref="StatusText"/> in words.</summary>
    public string Status { get; set; } = string.Empty;

    public string StatusText { get; set; } = string.Empty;

    public string? DecisionReason { get; set; }

    public string? DecidedIndicatorCode { get; set; }

    public decimal? DecidedScore { get; set; }

    public DateTime? DecidedTime { get; set; }

    public string? DecidedTimeLocal { get; set; }

    public Guid? ResultSheetId { get; set; }

    public int? ResultVersion { get; set; }

    public DateTime CreationTime { get; set; }

    public string CreationTimeLocal { get; set; } = string.Empty;

    public List<AppealEvidenceDto> Evidence { get; set; } = [];
}

public sealed class AppealEvidenceDto
{
    public Guid Id { get; set; }

    public Guid AppealId { get; set; }

    public string FileName { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public long Size { get; set; }
}

public sealed class CreateAppealInput
{
    public Guid PeriodId { get; set; }

    /// <summary>The line appealed against; empty for the total.</summary>
    [StringLength(32)]
    public string? IndicatorCode { get; set; }

    public decimal? RequestedScore { get; set; }

    [StringLength(AppealConsts.MaxReasonLength)]
    public string? Reason { get; set; }
}

public sealed class UpholdAppealInput
{
    /// <summary>The line whose score changes; defaults to the appealed line, required for an appeal on the total.</summary>
    [StringLength(32)]
    public string? IndicatorCode { get; set; }

    public decimal? Score { get; set; }

    [StringLength(AppealConsts.MaxReasonLength)]
    public string? Reason { get; set; }
}

public sealed class RejectAppealInput
{
    [StringLength(AppealConsts.MaxReasonLength)]
    public string? Reason { get; set; }
}

public sealed class ClosePublicityInput
{
    [StringLength(AppealConsts.MaxReasonLength)]
    public string? Reason { get; set; }
}

public sealed class GetAppealsInput
{
    public Guid? PeriodId { get; set; }

    /// <summary>Open, Upheld or Rejected.</summary>
    public AppealStatus? Status { get; set; }
}

/// <summary>Appeals during the public notice: the city files them, the auditor decides, the province closes the notice.</summary>
public interface IAppealAppService : IApplicationService
{
    Task<PublicityDto> GetPublicityAsync(Guid periodId);

    /// <summary>The province ends the notice early, with a reason; refused while an appeal is open.</summary>
    Task<PublicityDto> ClosePublicityAsync(Guid periodId, ClosePublicityInput input);

    /// <summary>A city its own appeals, the province every city's (the auditor's queue).</summary>
    Task<List<AppealDto>> GetListAsync(GetAppealsInput input);

    Task<AppealDto> GetAsync(Guid id);

    Task<AppealDto> CreateAsync(CreateAppealInput input);

    Task<AppealEvidenceDto> UploadEvidenceAsync(Guid id, string fileName, Stream content, long length);

    Task<FileDto> DownloadEvidenceAsync(Guid evidenceId);

    /// <summary>Upholds: the line's new score as a new sheet version (申诉改判) and every city re-ranked.</summary>
    Task<AppealDto> UpholdAsync(Guid id, UpholdAppealInput input);

    Task<AppealDto> RejectAsync(Guid id, RejectAppealInput input);
}

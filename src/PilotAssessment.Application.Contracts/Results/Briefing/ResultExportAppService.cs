using System.ComponentModel.DataAnnotations;
using PilotAssessment.Schemes;
using PilotAssessment.Services;

namespace PilotAssessment.Results.Briefing;

/// <summary>The province's files of a period: warnings and completeness as xlsx, and the 通报 (briefing) as docx.</summary>
public interface IResultExportAppService : IApplicationService
{
    /// <summary>Every city's early warnings (预警) of the period, formula-safe.</summary>
    Task<FileDto> ExportWarningsXlsxAsync(Guid periodId);

    /// <summary>How complete each city's entries are and whether it submitted on time.</summary>
    Task<FileDto> ExportCompletenessXlsxAsync(Guid periodId);

    /// <summary>The 通报 in the official document format: ranking, category table and warnings.</summary>
    Task<FileDto> ExportBriefingDocxAsync(Guid periodId, BriefingInput input);
}

/// <summary>What the province fills in on a 通报 before printing it.</summary>
public sealed class BriefingInput
{
    /// <summary>发文字号, e.g. 甘平安办〔2026〕12号; left blank to be written by hand when empty.</summary>
    [StringLength(BriefingConsts.MaxDocumentNumberLength)]
    public string? DocumentNumber { get; set; }

    /// <summary>The title; by default "关于{period}市域社会治理现代化试点考评情况的通报".</summary>
    [StringLength(BriefingConsts.MaxTitleLength)]
    public string? Title { get; set; }
}

public static class BriefingConsts
{
    public const int MaxDocumentNumberLength = 64;

    public const int MaxTitleLength = 200;
}

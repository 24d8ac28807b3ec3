using PilotAssessment.Periods;
using PilotAssessment.Schemes;
using PilotAssessment.Services;

namespace PilotAssessment.Results;

/// <summary>Publishing a period, taking the publication back, making it final.</summary>
public interface IResultPublicationAppService : IApplicationService
{
    /// <summary>Publishes the period: the window closed (or an early-close reason), every city approved or left out with a reason.</summary>
    Task<List<RankingRowDto>> PublishAsync(Guid periodId, PublishPeriodInput input);

    /// <summary>Takes a publication back before the results are final; the period can be published again.</summary>
    Task<PeriodDto> WithdrawPublicationAsync(Guid periodId, WithdrawPublicationInput input);

    /// <summary>Makes the published results final: they can no longer be withdrawn.</summary>
    Task<PeriodDto> FinalizeAsync(Guid periodId);
}

/// <summary>Changes to one city's published result, each a new version of its sheet and a re-ranking.</summary>
public interface IResultChangeAppService : IApplicationService
{
    Task<ScoreSheetRecordDto> ApplyRetroactiveVetoAsync(Guid periodId, Guid cityId, RetroactiveVetoInput input);

    Task<ScoreSheetRecordDto> WithdrawApprovalAsync(Guid periodId, Guid cityId, WithdrawApprovalInput input);
}

/// <summary>Reading published score sheets and their versions, as data, xlsx and PDF.</summary>
public interface IScoreSheetAppService : IApplicationService
{
    /// <summary>The current city's sheet of a published period (a given version, or the current one).</summary>
    Task<ScoreSheetRecordDto> GetMySheetAsync(Guid periodId, int? version);

    Task<ScoreSheetRecordDto> GetSheetAsync(Guid sheetId);

    /// <summary>
    /// The sheet as stored JSON in the current language with its entity tag; without content when
    /// <paramref name="ifNoneMatch"/> names the current tag. Another city's sheet is not found, whatever the tag.
    /// </summary>
    Task<ScoreSheetJsonDto> GetSheetJsonAsync(Guid sheetId, string? ifNoneMatch);

    /// <summary>The sheet as xlsx; texts are never formulas.</summary>
    Task<FileDto> ExportSheetXlsxAsync(Guid sheetId);

    /// <summary>The sheet as a printable A4 PDF with embedded CJK glyphs (503 when the server has no CJK font).</summary>
    Task<FileDto> ExportSheetPdfAsync(Guid sheetId);

    /// <summary>Every version of a city's sheet (a city sees only its own).</summary>
    Task<List<ScoreSheetRecordDto>> GetVersionsAsync(Guid periodId, Guid cityId);
}

/// <summary>The province's tables of a period: ranking and completeness.</summary>
public interface IResultRankingAppService : IApplicationService
{
    Task<List<RankingRowDto>> GetRankingAsync(Guid periodId);

    /// <summary>The ranking table as xlsx, formula-safe.</summary>
    Task<FileDto> ExportRankingXlsxAsync(Guid periodId);

    Task<List<CompletenessRowDto>> GetCompletenessAsync(Guid periodId);
}


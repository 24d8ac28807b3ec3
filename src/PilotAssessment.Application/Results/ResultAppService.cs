using PilotAssessment.Periods;
using PilotAssessment.Permissions;
using PilotAssessment.Schemes;

namespace PilotAssessment.Results;

/// <summary>
/// The results use cases behind one interface: each call goes to the use case's own service, which checks its own
/// permission and joins this call's unit of work.
/// </summary>
[RequiresSignIn]
public sealed class ResultAppService(
    IResultPublicationAppService publication,
    IResultChangeAppService changes,
    IScoreSheetAppService sheets,
    IResultRankingAppService ranking) : IResultAppService
{
    public Task<List<RankingRowDto>> PublishAsync(Guid periodId, PublishPeriodInput input) => publication.PublishAsync(periodId, input);

    public Task<PeriodDto> WithdrawPublicationAsync(Guid periodId, WithdrawPublicationInput input) => publication.WithdrawPublicationAsync(periodId, input);

    public Task<PeriodDto> FinalizeAsync(Guid periodId) => publication.FinalizeAsync(periodId);

    public Task<ScoreSheetRecordDto> ApplyRetroactiveVetoAsync(Guid periodId, Guid cityId, RetroactiveVetoInput input) => changes.ApplyRetroactiveVetoAsync(periodId, cityId, input);

    public Task<ScoreSheetRecordDto> WithdrawApprovalAsync(Guid periodId, Guid cityId, WithdrawApprovalInput input) => changes.WithdrawApprovalAsync(periodId, cityId, input);

    public Task<ScoreSheetRecordDto> GetMySheetAsync(Guid periodId, int? version) => sheets.GetMySheetAsync(periodId, version);

    public Task<ScoreSheetRecordDto> GetSheetAsync(Guid sheetId) => sheets.GetSheetAsync(sheetId);

    public Task<FileDto> ExportSheetXlsxAsync(Guid sheetId) => sheets.ExportSheetXlsxAsync(sheetId);

    public Task<FileDto> ExportSheetPdfAsync(Guid sheetId) => sheets.ExportSheetPdfAsync(sheetId);

    public Task<List<ScoreSheetRecordDto>> GetVersionsAsync(Guid periodId, Guid cityId) => sheets.GetVersionsAsync(periodId, cityId);

    public Task<List<RankingRowDto>> GetRankingAsync(Guid periodId) => ranking.GetRankingAsync(periodId);

    public Task<FileDto> ExportRankingXlsxAsync(Guid periodId) => ranking.ExportRankingXlsxAsync(periodId);

    public Task<List<CompletenessRowDto>> GetCompletenessAsync(Guid periodId) => ranking.GetCompletenessAsync(periodId);
}

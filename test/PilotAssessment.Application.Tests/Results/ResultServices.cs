using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.Periods;
using PilotAssessment.Schemes;

namespace PilotAssessment.Results;

/// <summary>The results use cases of one test scope, each call through its own service (and so its pipeline).</summary>
public sealed class ResultServices(IServiceProvider services)
{
    private IResultPublicationAppService publication => services.GetRequiredService<IResultPublicationAppService>();

    private IResultChangeAppService changes => services.GetRequiredService<IResultChangeAppService>();

    private IScoreSheetAppService sheets => services.GetRequiredService<IScoreSheetAppService>();

    private IResultRankingAppService ranking => services.GetRequiredService<IResultRankingAppService>();

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

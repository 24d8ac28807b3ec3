using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.Schemes;

namespace PilotAssessment.DataEntry;

/// <summary>The data-entry application services of one scope, called by the names the HTTP API gives their operations.</summary>
public sealed class DataEntryServices(IServiceProvider services)
{
    public IEntrySheetAppService Sheet => services.GetRequiredService<IEntrySheetAppService>();

    public IEntryReportingAppService Reporting => services.GetRequiredService<IEntryReportingAppService>();

    public ICityFactsAppService Facts => services.GetRequiredService<ICityFactsAppService>();

    public IEvidenceAppService Evidence => services.GetRequiredService<IEvidenceAppService>();

    public IEntryXlsxAppService Xlsx => services.GetRequiredService<IEntryXlsxAppService>();

    public Task<EntrySheetDto> GetSheetAsync(Guid periodId) => Sheet.GetSheetAsync(periodId);

    public Task<EntryLineDto> GetLineAsync(Guid lineId) => Sheet.GetLineAsync(lineId);

    public Task<EntryLineDto> SaveLineAsync(Guid periodId, string indicatorCode, SaveEntryLineInput input) => Sheet.SaveLineAsync(periodId, indicatorCode, input);

    public Task<List<ValueHistoryDto>> GetHistoryAsync(Guid lineId) => Sheet.GetHistoryAsync(lineId);

    public Task<EntrySheetDto> SubmitLinesAsync(Guid periodId, SubmitLinesInput input) => Reporting.SubmitLinesAsync(periodId, input);

    public Task<EntrySheetDto> ReturnLinesAsync(Guid periodId, ReturnLinesInput input) => Reporting.ReturnLinesAsync(periodId, input);

    public Task<SubmissionDto> SubmitAsync(Guid periodId) => Reporting.SubmitAsync(periodId);

    public Task<CityFactsDto> SaveFactsAsync(Guid periodId, CityFactsDto input) => Facts.SaveFactsAsync(periodId, input);

    public Task<EvidenceDto> UploadEvidenceAsync(Guid lineId, string fileName, Stream content, long length) => Evidence.UploadEvidenceAsync(lineId, fileName, content, length);

    public Task<FileDto> DownloadEvidenceAsync(Guid evidenceId) => Evidence.DownloadEvidenceAsync(evidenceId);

    public Task DeleteEvidenceAsync(Guid evidenceId) => Evidence.DeleteEvidenceAsync(evidenceId);

    public Task<FileDto> DownloadTemplateAsync(Guid periodId) => Xlsx.DownloadTemplateAsync(periodId);

    public Task<EntrySheetDto> UploadXlsxAsync(Guid periodId, Stream content) => Xlsx.UploadXlsxAsync(periodId, content);
}

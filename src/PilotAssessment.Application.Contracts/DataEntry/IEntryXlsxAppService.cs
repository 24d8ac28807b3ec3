namespace PilotAssessment.DataEntry;

/// <summary>Bulk entry through a workbook: the template with the city's current values, and its upload.</summary>
public interface IEntryXlsxAppService : IApplicationService
{
    /// <summary>The bulk-entry workbook with the city's current values.</summary>
    Task<Schemes.FileDto> DownloadTemplateAsync(Guid periodId);

    /// <summary>Saves every row of the workbook, or nothing when any cell is wrong (errors keyed by cell, e.g. "E5").</summary>
    Task<EntrySheetDto> UploadXlsxAsync(Guid periodId, Stream content);
}

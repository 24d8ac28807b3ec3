namespace PilotAssessment.DataEntry;

/// <summary>A city's entry sheet of a period and its lines: reading them, saving a draft of a line, a line's history.</summary>
public interface IEntrySheetAppService : IApplicationService
{
    Task<EntrySheetDto> GetSheetAsync(Guid periodId);

    Task<EntryLineDto> GetLineAsync(Guid lineId);

    /// <summary>Saves a draft of the line (creates it on first save).</summary>
    Task<EntryLineDto> SaveLineAsync(Guid periodId, string indicatorCode, SaveEntryLineInput input);

    Task<List<ValueHistoryDto>> GetHistoryAsync(Guid lineId);
}

namespace PilotAssessment.DataEntry;

/// <summary>Lines reported by units to the city administrator, returned to them, and the city's submission to the province.</summary>
public interface IEntryReportingAppService : IApplicationService
{
    /// <summary>A clerk reports lines to the city administrator; they are no longer editable by clerks.</summary>
    Task<EntrySheetDto> SubmitLinesAsync(Guid periodId, SubmitLinesInput input);

    /// <summary>The city administrator returns reported lines to their unit with a comment.</summary>
    Task<EntrySheetDto> ReturnLinesAsync(Guid periodId, ReturnLinesInput input);

    /// <summary>The city administrator submits the city's self-assessment to the province.</summary>
    Task<SubmissionDto> SubmitAsync(Guid periodId);
}

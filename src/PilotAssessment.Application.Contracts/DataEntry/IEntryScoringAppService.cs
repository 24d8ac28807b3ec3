using PilotAssessment.Services;

namespace PilotAssessment.DataEntry;

/// <summary>The points a line would get with a value not saved yet, and the city's 自评总分 with it; nothing is saved.</summary>
public interface IEntryScoringAppService : IApplicationService
{
    /// <summary>Scores the city's saved values with <paramref name="indicatorCode"/>'s value replaced by the typed one.</summary>
    Task<LineScorePreviewDto> PreviewLineAsync(Guid periodId, string indicatorCode, PreviewLineInput input);
}

namespace PilotAssessment.DataEntry;

/// <summary>A city's facts of a period beyond its lines: veto facts, bonus counts and data items.</summary>
public interface ICityFactsAppService : IApplicationService
{
    Task<CityFactsDto> SaveFactsAsync(Guid periodId, CityFactsDto input);
}

using PilotAssessment.Dtos;

namespace PilotAssessment.Quality;

/// <remarks>Completeness and timeliness of entry: the province sees every city, a city its own figures and units.</remarks>
[Route("api/app/quality")]
[Authorize(PermissionPolicies.Monitoring)]
public sealed class QualityController(IQualityAppService quality) : PilotAssessmentController
{
    /// <summary>各城市填报完整性与及时性（分页）</summary>
    [HttpGet("periods/{periodId:guid}/cities")]
    public Task<PagedResultDto<CityCompletenessDto>> GetCitiesAsync(Guid periodId, [FromQuery] GetCityCompletenessInput input) => quality.GetCitiesAsync(periodId, input);

    /// <summary>城市各单位填报完整性与及时性</summary>
    [HttpGet("periods/{periodId:guid}/cities/{cityId:guid}/units")]
    public Task<List<UnitCompletenessDto>> GetUnitsAsync(Guid periodId, Guid cityId) => quality.GetUnitsAsync(periodId, cityId);

    /// <summary>近几期填报完整性与及时性趋势</summary>
    [HttpGet("periods/{periodId:guid}/trend")]
    public Task<List<CompletenessTrendPointDto>> GetTrendAsync(Guid periodId, [FromQuery] Guid? cityId) => quality.GetTrendAsync(periodId, cityId);
}

namespace PilotAssessment.ApplicationConfiguration;

[Route("api/app/application-configuration")]
[AllowAnonymous]
public sealed class ApplicationConfigurationController(IApplicationConfigurationAppService service) : PilotAssessmentController
{
    [HttpGet]
    public Task<ApplicationConfigurationDto> GetAsync() => service.GetAsync();
}

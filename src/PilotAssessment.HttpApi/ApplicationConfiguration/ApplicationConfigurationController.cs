namespace PilotAssessment.ApplicationConfiguration;

/// <summary>界面配置</summary>
[Route("api/app/application-configuration")]
[AllowAnonymous]
public sealed class ApplicationConfigurationController(IApplicationConfigurationAppService service) : PilotAssessmentController
{
    /// <summary>当前用户的权限、城市和界面设置</summary>
    [HttpGet]
    public Task<ApplicationConfigurationDto> GetAsync() => service.GetAsync();
}

using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.Authorization;
using PilotAssessment.Permissions;

namespace PilotAssessment;

public static class PilotAssessmentApplicationContractsModule
{
    public static IServiceCollection AddPilotAssessmentApplicationContracts(this IServiceCollection services)
    {
        services.AddSingleton<IPermissionDefinitionProvider, PilotAssessmentPermissionDefinitionProvider>();
        return services;
    }
}

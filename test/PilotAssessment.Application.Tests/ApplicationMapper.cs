using AutoMapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PilotAssessment;

/// <summary>The mapper exactly as the application module registers it: every profile of the application assembly, no licence key.</summary>
internal static class ApplicationMapper
{
    private static readonly Lazy<ServiceProvider> Services = new(() =>
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPilotAssessmentApplication(new ConfigurationBuilder().Build());
        return services.BuildServiceProvider();
    });

    public static IMapper Mapper => Services.Value.GetRequiredService<IMapper>();
}

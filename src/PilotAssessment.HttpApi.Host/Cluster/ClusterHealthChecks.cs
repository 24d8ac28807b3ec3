using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using PilotAssessment.EntityFrameworkCore;

namespace PilotAssessment.Cluster;

/// <summary>
/// What the load balancer in front of several hosts asks: <c>/health/live</c> (the process answers) and
/// <c>/health/ready</c> (it reaches the database, 503 while it does not, ready again as soon as it does).
/// </summary>
public static class ClusterHealthChecks
{
    public static IServiceCollection AddClusterHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<PilotAssessmentDbContext>("database", tags: ["ready"]);
        return services;
    }

    public static void MapClusterHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
    }
}

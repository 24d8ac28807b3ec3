using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.Account;
using PilotAssessment.Agreements;
using PilotAssessment.ApplicationConfiguration;
using PilotAssessment.Auditing;
using PilotAssessment.Identity;
using PilotAssessment.OrganizationUnits;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Scoring;
using PilotAssessment.Seeding;
using PilotAssessment.Tenants;

namespace PilotAssessment;

/// <summary>Registers the application layer: application services, object mapping, data seed contributors.</summary>
public static class PilotAssessmentApplicationModule
{
    public static IServiceCollection AddPilotAssessmentApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPilotAssessmentDomain(configuration);
        services.AddPilotAssessmentApplicationContracts();

        services.AddAutoMapper(cfg =>
        {
            cfg.LicenseKey = configuration["AutoMapper:LicenseKey"];
            cfg.AddProfile<PilotAssessmentApplicationAutoMapperProfile>();
        });

        services.Configure<JwtOptions>(configuration.GetSection(JwtOptions.SectionName));
        services.AddScoped<TokenService>();
        services.AddScoped<IdentityDataSeeder>();
        services.AddScoped<TenantManager>();
        services.AddScoped<IDataSeedContributor, TenantDataSeedContributor>();
        services.AddScoped<IDataSeedContributor, SchemeDataSeedContributor>();
        services.AddSingleton<ScoringEngine>();
        services.AddScoped<ISchemeAppService, SchemeAppService>();

        // Organisation units and agreements (目标责任书, key tasks)
        services.AddScoped<IOrganizationUnitAppService, OrganizationUnitAppService>();
        services.AddScoped<IAgreementTargetProvider, AgreementTargetProvider>();
        services.AddScoped<IAgreementAppService, AgreementAppService>();

        services.AddScoped<IAccountAppService, AccountAppService>();
        services.AddScoped<IApplicationConfigurationAppService, ApplicationConfigurationAppService>();
        services.AddScoped<ITenantAppService, TenantAppService>();
        services.AddScoped<IUserAppService, UserAppService>();
        services.AddScoped<IRoleAppService, RoleAppService>();
        services.AddScoped<IAuditLogAppService, AuditLogAppService>();
        return services;
    }
}

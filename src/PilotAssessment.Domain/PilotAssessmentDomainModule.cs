using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using PilotAssessment.Auditing;
using PilotAssessment.Authorization;
using PilotAssessment.Data;
using PilotAssessment.Identity;
using PilotAssessment.Localization;
using PilotAssessment.Permissions;
using PilotAssessment.Seeding;
using PilotAssessment.Users;

namespace PilotAssessment;

/// <summary>Registers the domain's cross-cutting services: tenancy, data filters, current user, identity, permissions.</summary>
public static class PilotAssessmentDomainModule
{
    public static IServiceCollection AddPilotAssessmentDomain(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ICurrentTenant, CurrentTenant>();
        services.AddSingleton<IDataFilter, DataFilter>();
        services.TryAddSingleton<ICurrentPrincipalAccessor, ThreadCurrentPrincipalAccessor>();
        services.AddSingleton<ICurrentUser, CurrentUser>();
        services.AddScoped<IAuditScope, AuditScope>();

        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.AddSingleton(typeof(IStringLocalizer<>), typeof(JsonStringLocalizer<>));

        services.AddSingleton<IPermissionDefinitionManager, PermissionDefinitionManager>();
        services.AddScoped<IPermissionChecker, PermissionChecker>();
        services.AddScoped<PermissionGrantStore>();
        services.AddScoped<IPermissionGrantStore>(sp => sp.GetRequiredService<PermissionGrantStore>());
        services.AddTransient<IDataSeeder, DataSeeder>();

        var lockout = configuration.GetSection("Identity:Lockout");
        services.AddIdentityCore<AppUser>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = lockout.GetValue("MaxFailedAccessAttempts", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(lockout.GetValue("LockoutMinutes", 15));
            })
            .AddRoles<AppRole>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();

        return services;
    }
}

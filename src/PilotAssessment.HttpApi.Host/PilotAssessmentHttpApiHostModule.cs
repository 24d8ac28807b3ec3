using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.IdentityModel.Tokens;
using Microsoft.OpenApi;
using PilotAssessment.Account;
using PilotAssessment.Auditing;
using PilotAssessment.Authorization;
using PilotAssessment.BackgroundJobs;
using PilotAssessment.Caching;
using PilotAssessment.Cluster;
using PilotAssessment.Emailing;
using PilotAssessment.EntityFrameworkCore;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.Feeds;
using PilotAssessment.Hardening;
using PilotAssessment.Identity;
using PilotAssessment.Localization;
using PilotAssessment.MultiTenancy;
using PilotAssessment.OpenApi;
using PilotAssessment.Periods;
using PilotAssessment.Security;
using PilotAssessment.Seeding;
using PilotAssessment.Users;
using Quartz;

namespace PilotAssessment;

/// <summary>Composes the host: every layer's registrations plus the HTTP pipeline.</summary>
public static class PilotAssessmentHttpApiHostModule
{
    public static void ConfigureServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        HostSecurity.ConfigureServices(builder);

        services.AddPilotAssessmentApplication(configuration);
        services.AddPilotAssessmentEntityFrameworkCore(configuration);
        services.AddHttpContextAccessor();
        services.Replace(ServiceDescriptor.Singleton<ICurrentPrincipalAccessor, HttpContextCurrentPrincipalAccessor>());
        services.AddEmailing(configuration);
        services.AddSharedState(configuration);

        services.AddControllers(o => o.ModelMetadataDetailsProviders.Add(new LocalizedValidationMetadataProvider()))
            .AddApplicationPart(typeof(PilotAssessmentController).Assembly)
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(PilotAssessmentResource)));
        services.AddLocalization();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = LocalizeStatusCodeProblem);
        services.AddExceptionHandler<ExceptionToProblemDetails>();
        services.AddInputHardening(configuration);
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => o.JsonSerializerOptions.Converters.Add(new DataEntry.FrozenEntryLineJsonConverter()));

        ConfigureAuthentication(services, configuration);
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<IAuthorizationHandler, PermissionAuthorizationHandler>();
        services.AddAuthorization();

        var signInPermits = configuration.GetValue("RateLimiting:SignInPermitsPerMinute", 30);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(AccountController.SignInRateLimitPolicy, context => SharedState.PerClientPerMinute(context, AccountController.SignInRateLimitPolicy, signInPermits));
            o.AddPolicy(Feeds.FeedsController.TokenRateLimitPolicy, context => SharedState.PerClientPerMinute(context, Feeds.FeedsController.TokenRateLimitPolicy, signInPermits));
        });

        services.AddClusterHealthChecks();

        services.AddPilotAssessmentOpenApi();

        services.AddBackgroundJobs(configuration, ChinaStandardTime);
    }

    public static TimeZoneInfo ChinaStandardTime { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static async Task ConfigureAsync(WebApplication app)
    {
        await InitializeDatabaseAsync(app);
        app.UseHostSecurity();

        app.UseRequestLocalization(o =>
        {
            var cultures = new[] { "zh-Hans", "zh-CN", "en" }.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture("zh-Hans");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.ApplyCurrentCultureToResponseHeaders = true;
        });

        // After localization, so error messages are written in the request's language.
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        if (HostSecurity.IsSwaggerEnabled(app))
        {
            app.UsePilotAssessmentOpenApi();
        }

        app.UseDefaultFiles();
        app.UseStaticFiles(StaticFiles.AdminUiCaching.Options());
        app.UseRouting();
        app.UseInputHardening();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseMiddleware<AuditLogMiddleware>();
        app.UsePasswordChangeRequirement();
        app.UseAuthorization();

        app.MapClusterHealthChecks();
        app.MapControllers();

        // The built admin UI (see README) is served from wwwroot; unknown non-API paths go to its index page.
        if (File.Exists(Path.Combine(app.Environment.WebRootPath ?? "wwwroot", "index.html")))
        {
            app.MapFallbackToFile("{*path:regex(^(?!api/|swagger|health).*$)}", "index.html", StaticFiles.AdminUiCaching.Options());
        }
    }

    private static void ConfigureAuthentication(IServiceCollection services, IConfiguration configuration)
    {
        var jwt = configuration.GetSection(JwtOptions.SectionName).Get<JwtOptions>() ?? new JwtOptions();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = jwt.Issuer,
                ValidAudience = jwt.Audience,
                IssuerSigningKey = TokenService.CreateSigningKey(jwt),
                NameClaimType = ClaimTypes.Name,
                RoleClaimType = ClaimTypes.Role,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            o.Events = HostSecurity.CreateJwtBearerEvents();
        }).AddFeedClients(services, jwt);
    }

    private static void LocalizeStatusCodeProblem(ProblemDetailsContext context)
    {
        var localizer = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<PilotAssessmentResource>>();
        var code = context.ProblemDetails.Status switch
        {
            StatusCodes.Status401Unauthorized => PilotAssessmentErrorCodes.Unauthorized,
            StatusCodes.Status403Forbidden => PilotAssessmentErrorCodes.Forbidden,
            StatusCodes.Status400BadRequest when context.ProblemDetails.Extensions.ContainsKey("errors") || context.ProblemDetails is Microsoft.AspNetCore.Mvc.ValidationProblemDetails => PilotAssessmentErrorCodes.Validation,
            _ => null,
        };
        if (code is not null && context.Exception is null)
        {
            context.ProblemDetails.Title = localizer[code];
            context.ProblemDetails.Detail ??= context.ProblemDetails.Title;
            context.ProblemDetails.Extensions["code"] = code;
        }
    }

    private static async Task InitializeDatabaseAsync(WebApplication app)
    {
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        var migrate = app.Configuration.GetValue<bool?>("Database:MigrateOnStartup") ?? options.Provider == DatabaseProvider.Sqlite;
        if (!migrate)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PilotAssessmentDbContext>().Database.MigrateAsync();
        var demo = app.Configuration.GetValue("Database:SeedDemoData", true);
        await scope.ServiceProvider.GetRequiredService<IDataSeeder>().SeedAsync(new DataSeedContext
        {
            IncludeDemoData = demo,
            InitialAdminPassword = app.Configuration["Identity:InitialAdminPassword"],
            // The embedded database of the run command also gets earlier published periods for the dashboards.
            IncludeDemoHistory = demo && app.Configuration.GetValue("Database:SeedDemoHistory", options.Provider == DatabaseProvider.Sqlite),
        });
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PilotAssessment.Account;
using PilotAssessment.Agreements;
using PilotAssessment.ApplicationConfiguration;
using PilotAssessment.Auditing;
using PilotAssessment.DataEntry;
using PilotAssessment.DataGeneration;
using PilotAssessment.Identity;
using PilotAssessment.OrganizationUnits;
using PilotAssessment.Periods;
using PilotAssessment.Results;
using PilotAssessment.Results.Pdf;
using PilotAssessment.Reviews;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Scoring;
using PilotAssessment.Seeding;
using PilotAssessment.Supervision;
using PilotAssessment.Tenants;

namespace PilotAssessment;

/// <summary>Registers the application layer: application services, object mapping, data seed contributors.</summary>
public static class PilotAssessmentApplicationModule
{
    public static IServiceCollection AddPilotAssessmentApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPilotAssessmentDomain(configuration);
        services.AddPilotAssessmentApplicationContracts();

        // One profile per feature folder (<Feature>/<Feature>AutoMapperProfile.cs), found by scanning this assembly
        // (docs/adr/0013). Without a licence key AutoMapper logs a warning at start-up and maps all the same.
        services.AddAutoMapper(cfg => cfg.LicenseKey = configuration["AutoMapper:LicenseKey"], typeof(PilotAssessmentApplicationModule).Assembly);

        services.Configure<JwtOptions>(configuration.GetSection(JwtOptions.SectionName));
        services.AddScoped<TokenService>();
        services.AddMemoryCache();

        // Short-lived caches of what every request reads; the host adds Redis as the shared second level when configured.
        services.AddHybridCache(o =>
        {
            o.DefaultEntryOptions = new Microsoft.Extensions.Caching.Hybrid.HybridCacheEntryOptions
            {
                Expiration = UserSessionCache.Lifetime,
                LocalCacheExpiration = TimeSpan.FromSeconds(configuration.GetValue("Caching:LocalSeconds", configuration["Redis:Configuration"] is { Length: > 0 } ? 5 : 30)),
            };
        });
        services.AddSingleton<UserSessionCache>();
        services.AddSingleton<PermissionGrantCache>();
        services.Replace(ServiceDescriptor.Scoped<IPermissionGrantStore, CachedPermissionGrantStore>());
        services.AddSingleton<TenantStateCache>();
        services.AddScoped<GrantGuard>();
        services.AddScoped<IdentityDataSeeder>();
        services.AddScoped<TenantManager>();
        services.AddScoped<Auditing.AuditEventText>();
        services.AddScoped<IDataSeedContributor, TenantDataSeedContributor>();
        services.AddScoped<IDataSeedContributor, SchemeDataSeedContributor>();
        services.AddSingleton<ScoringEngine>();
        services.AddScoped<ISchemeAppService, SchemeAppService>();

        // Organisation units and agreements (目标责任书, key tasks)
        services.AddScoped<IOrganizationUnitAppService, OrganizationUnitAppService>();
        services.AddScoped<IAgreementTargetProvider, AgreementTargetProvider>();
        services.AddScoped<AgreementReader>();
        services.AddScoped<IAgreementAppService, AgreementAppService>();
        services.AddScoped<IAgreementAttachmentAppService, AgreementAttachmentAppService>();
        services.AddScoped<IKeyTaskProgressAppService, KeyTaskProgressAppService>();
        services.AddScoped<IAgreementExportAppService, AgreementExportAppService>();
        services.AddScoped<IAgreementBulkIssueAppService, AgreementBulkIssueAppService>();

        // Periods, data entry, reviews and results; each city is scored with the targets of its agreement in force.
        services.AddScoped<IPeriodTargetProvider, AgreementPeriodTargetProvider>();
        services.AddScoped<EntryWindowPolicy>();
        services.AddScoped<PeriodScoringService>();

        // Period reference data (province averages, last year's figures) for every period scoring path
        services.AddScoped<PeriodReferenceDataProvider>();
        services.AddScoped<ReferenceFigureStore>();

        services.AddScoped<PeriodRecomputeService>();
        services.AddScoped<EntrySheetReader>();
        services.AddScoped<Quality.EntryQualityHistory>();
        services.AddScoped<EntryLineLatest>();
        services.AddScoped<EntrySelfScoring>();
        services.AddScoped<IEntryScoringAppService, EntryScoringAppService>();
        services.AddScoped<EntryLineAccess>();
        services.AddScoped<EntryPeriodLoader>();
        services.AddSingleton(configuration.GetSection(EvidenceOptions.SectionName).Get<EvidenceOptions>() ?? new EvidenceOptions());
        services.AddScoped<EvidenceQuota>();
        services.AddScoped<IPeriodAppService, PeriodAppService>();
        services.AddScoped<INotificationAppService, NotificationAppService>();
        services.AddScoped<EntryEditGuard>();
        services.AddScoped<IEntrySheetAppService, EntrySheetAppService>();
        services.AddScoped<IEntryReportingAppService, EntryReportingAppService>();
        services.AddScoped<ICityFactsAppService, CityFactsAppService>();
        services.AddScoped<IEvidenceAppService, EvidenceAppService>();
        services.AddScoped<IEntryXlsxAppService, EntryXlsxAppService>();
        services.AddScoped<IReviewAppService, ReviewAppService>();
        services.AddScoped<ScoreSheetStore>();
        services.AddScoped<ScoreSheetDocuments>();
        services.AddSingleton<ScoreSheetDocumentCache>();
        services.AddScoped<ScoreSheetLineSources>();
        services.AddScoped<IResultPublicationAppService, ResultPublicationAppService>();
        services.AddScoped<IResultChangeAppService, ResultChangeAppService>();
        services.AddScoped<IScoreSheetAppService, ScoreSheetAppService>();
        services.AddScoped<IResultRankingAppService, ResultRankingAppService>();
        services.AddScoped<Appeals.IAppealAppService, Appeals.AppealAppService>();
        services.AddScoped<IResultMonitoringAppService, ResultMonitoringAppService>();
        services.AddSingleton<LiveResultCache>();
        services.AddScoped<CityChangeStampStore>();
        services.AddScoped<LiveCompleteness>();
        services.AddSingleton<DataEntry.SchemeDefinitionCache>();
        services.AddSingleton<DataEntry.EntrySheetCache>();
        services.AddSingleton<Agreements.AgreementContentCache>();
        services.AddScoped<DataEntry.EntrySheetFingerprint>();
        services.AddScoped<Quality.IQualityAppService, Quality.QualityAppService>();
        services.AddSingleton<PdfFontProvider>();
        // The host replaces this with its SMTP sender when Smtp:Host is configured.
        services.AddSingleton<IEmailSender, NullEmailSender>();

        services.AddScoped<PeriodOpenJob>();
        services.AddScoped<PeriodLockJob>();
        services.AddScoped<EntryReminderJob>();
        services.AddScoped<MonitoringIndexJob>();
        services.AddScoped<RefreshTokenCleanupJob>();

        // Supervision rounds, assigned problems and their rectification; the register feeds configured indicators.
        services.AddScoped<ProblemRegister>();
        services.AddScoped<ProblemAccess>();
        services.AddScoped<ISupervisionRoundAppService, SupervisionRoundAppService>();
        services.AddScoped<IProblemAppService, ProblemAppService>();
        services.AddScoped<ProblemOverdueJob>();

        // Honours across years: rules per scheme series, awarded when an annual period becomes final; the city profile.
        services.AddScoped<Honours.HonourAwardingService>();
        services.AddScoped<Honours.HonourAwarding>();
        services.AddScoped<Honours.HonourAwardReader>();
        services.AddScoped<Honours.IHonourAppService, Honours.HonourAppService>();
        services.AddScoped<Honours.ICityProfileAppService, Honours.CityProfileAppService>();

        // The to-do page (待办) and 催报; the province's exports of a period (Excel tables, 通报 docx).
        services.AddScoped<Todo.ITodoAppService, Todo.TodoAppService>();
        services.AddScoped<Results.Briefing.IResultExportAppService, Results.Briefing.ResultExportAppService>();

        // Data generation: the demo history of the run command (docs/adr/0007)
        services.AddScoped<IDataSeedContributor, DemoHistoryDataSeedContributor>();
        services.AddScoped<GeneratedProvinceSetup>();

        // Data feeds from departments (数据接口): clients, their tokens and the bulk import (docs/adr/0023).
        services.AddScoped<Feeds.FeedCaller>();
        services.AddScoped<Feeds.FeedRowChecker>();
        services.AddScoped<Feeds.IFeedClientAppService, Feeds.FeedClientAppService>();
        services.AddScoped<Feeds.IFeedTokenAppService, Feeds.FeedTokenAppService>();
        services.AddScoped<Feeds.IFeedImportAppService, Feeds.FeedImportAppService>();

        services.AddScoped<IAccountAppService, AccountAppService>();
        services.AddScoped<IApplicationConfigurationAppService, ApplicationConfigurationAppService>();
        services.AddScoped<ITenantAppService, TenantAppService>();
        services.AddScoped<IUserAppService, UserAppService>();
        services.AddScoped<IRoleAppService, RoleAppService>();
        services.AddScoped<IAuditLogAppService, AuditLogAppService>();

        // Last: every application service registered above runs in the per-call pipeline (declared permission, unit of work).
        // What every application service gets from its base class, then the pipeline around each of them.
        services.AddScoped<ApplicationServiceContext>();
        services.AddApplicationServicePipeline();
        return services;
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.Data;
using PilotAssessment.Identity;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Repositories;

namespace PilotAssessment.EntityFrameworkCore;

/// <summary>Registers the database layer: the provider chosen in configuration, repositories and the unit of work.</summary>
public static class PilotAssessmentEntityFrameworkCoreModule
{
    public const string ConnectionStringName = "Default";
    public const string DefaultSqliteConnectionString = "Data Source=App_Data/pilot-assessment.db";

    /// <summary>Statements per round trip on MySQL (EF's default is 42): publishing 300 cities writes about 45,000 sheet lines.</summary>
    public const int MySqlMaxBatchSize = 1000;

    public static IServiceCollection AddPilotAssessmentEntityFrameworkCore(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        return services.AddPilotAssessmentEntityFrameworkCore(options, connectionString);
    }

    public static IServiceCollection AddPilotAssessmentEntityFrameworkCore(this IServiceCollection services, DatabaseOptions options, string? connectionString)
    {
        services.AddSingleton(options);
        services.AddScoped<AuditingSaveChangesInterceptor>();
        services.AddScoped<CityChangeStampInterceptor>();

        if (options.Provider == DatabaseProvider.MySql)
        {
            // Publishing writes score sheets with MySqlBulkCopy (LOAD DATA LOCAL INFILE), which the connection must allow.
            var cs = new MySqlConnector.MySqlConnectionStringBuilder(connectionString ?? throw new InvalidOperationException("ConnectionStrings:Default is required for the MySql provider."))
            {
                AllowLoadLocalInfile = true,
            }.ConnectionString;
            var serverVersion = string.IsNullOrWhiteSpace(options.ServerVersion) ? ServerVersion.AutoDetect(cs) : ServerVersion.Parse(options.ServerVersion);
            services.AddPooledDbContextFactory<MySqlPilotAssessmentDbContext>(o => o
                .UseMySql(cs, serverVersion, my => my.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery).MaxBatchSize(MySqlMaxBatchSize))
                .AddInterceptors(LeasedSaveChangesInterceptor.Instance));
            services.AddScoped<PilotAssessmentDbContext>(Lease<MySqlPilotAssessmentDbContext>);
        }
        else
        {
            var cs = string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnectionString : connectionString;
            EnsureSqliteDirectory(cs);
            services.AddPooledDbContextFactory<SqlitePilotAssessmentDbContext>(o => o
                .UseSqlite(cs, s => s.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                .AddInterceptors(LeasedSaveChangesInterceptor.Instance));
            services.AddScoped<PilotAssessmentDbContext>(Lease<SqlitePilotAssessmentDbContext>);
        }

        services.AddScoped(typeof(IRepository<>), typeof(EfCoreRepository<>));
        services.AddScoped<EfCoreUnitOfWork>();
        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<EfCoreUnitOfWork>());
        services.AddScoped<IUnitOfWorkManager>(sp => sp.GetRequiredService<EfCoreUnitOfWork>());
        services.AddScoped<DbMigrationService>();
        services.AddScoped<PilotAssessment.Results.IScoreSheetBulkWriter, Results.ScoreSheetBulkWriter>();
        services.AddScoped<PilotAssessment.Feeds.IFeedLineBulkWriter, PilotAssessment.Feeds.FeedLineBulkWriter>();
        services.AddScoped<PilotAssessment.Results.IScoreSheetDocumentWriter, Results.ScoreSheetDocumentWriter>();
        services.AddScoped<DataGeneration.NationalDataWriter>(); // generated national-scale data for benchmarks and demos
        services.AddScoped<IUserStore<AppUser>, UserStore<AppUser, AppRole, PilotAssessmentDbContext, Guid>>();
        services.AddScoped<IRoleStore<AppRole>, RoleStore<AppRole, PilotAssessmentDbContext, Guid>>();
        services.AddScoped<IIdentityUserRepository, EfCoreIdentityUserRepository>();
        return services;
    }

    // One context per scope, leased from the pool (EF's services of a context are built once, not per request) and
    // given the scope's tenant, filters and services; the scope's end returns it to the pool.
    private static PilotAssessmentDbContext Lease<TContext>(IServiceProvider scope)
        where TContext : PilotAssessmentDbContext =>
        scope.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext()
            .Lease(scope.GetRequiredService<ICurrentTenant>(), scope.GetRequiredService<IDataFilter>(), scope);

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory) && dataSource != ":memory:" && !dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            Directory.CreateDirectory(directory);
        }
    }
}

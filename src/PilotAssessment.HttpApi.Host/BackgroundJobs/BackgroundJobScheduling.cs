using System.Collections.Specialized;
using System.Text.Json;
using PilotAssessment.EntityFrameworkCore;
using PilotAssessment.EntityFrameworkCore.BackgroundJobs;
using PilotAssessment.Identity;
using PilotAssessment.Periods;
using PilotAssessment.Supervision;
using Quartz;
using Quartz.Spi;

namespace PilotAssessment.BackgroundJobs;

/// <summary>
/// Schedules the product's jobs. On MySQL the job store is the product's database with clustering, so with several
/// hosts every fire runs once on one of them and a fire missed while all were down runs once afterwards
/// (docs/adr/0014). On SQLite (one host by nature) the store stays in memory.
/// </summary>
public static class BackgroundJobScheduling
{
    public const string SchedulerName = "PilotAssessment";

    public static void AddBackgroundJobs(this IServiceCollection services, IConfiguration configuration, TimeZoneInfo timeZone)
    {
        if (!configuration.GetValue("BackgroundJobs:Enabled", true))
        {
            return;
        }

        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var clustered = database.Provider == DatabaseProvider.MySql && configuration.GetValue("BackgroundJobs:Clustered", true);
        services.AddQuartz(q =>
        {
            q.SchedulerName = SchedulerName;
            q.SchedulerId = "AUTO";
            if (clustered)
            {
                var connectionString = configuration.GetConnectionString(PilotAssessmentEntityFrameworkCoreModule.ConnectionStringName)
                    ?? throw new InvalidOperationException("ConnectionStrings:Default is required for the MySql provider.");
                q.UsePersistentStore(s =>
                {
                    s.UseProperties = true;
                    s.PerformSchemaValidation = true;
                    s.RetryInterval = TimeSpan.FromSeconds(5);
                    s.UseMySqlConnector(c =>
                    {
                        c.ConnectionString = connectionString;
                        c.TablePrefix = QuartzSchema.TablePrefix;
                    });
                    s.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(configuration.GetValue("BackgroundJobs:CheckinSeconds", 7));
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(configuration.GetValue("BackgroundJobs:CheckinSeconds", 7) * 3);
                    });
                    s.UseSerializer<JobDataJsonSerializer>();
                });
            }

            string Cron<TJob>(string fallback) => configuration[$"BackgroundJobs:Cron:{typeof(TJob).Name}"] ?? fallback;

            q.AddTenantAwareJob<RefreshTokenCleanupJob>(Cron<RefreshTokenCleanupJob>("0 30 3 * * ?"), timeZone, fireMisfiredOnce: false);

            // Periods: each job checks what is due against the clock, so a misfired run (after downtime) catches up once.
            q.AddTenantAwareJob<PeriodOpenJob>(Cron<PeriodOpenJob>("0 */5 * * * ?"), timeZone);
            q.AddTenantAwareJob<PeriodLockJob>(Cron<PeriodLockJob>("30 */5 * * * ?"), timeZone);
            q.AddTenantAwareJob<EntryReminderJob>(Cron<EntryReminderJob>("0 0 9 * * ?"), timeZone);
            q.AddTenantAwareJob<MonitoringIndexJob>(Cron<MonitoringIndexJob>("0 0 1 * * ?"), timeZone);

            // Supervision: overdue problems are flagged and escalated once, early each morning.
            q.AddTenantAwareJob<ProblemOverdueJob>(Cron<ProblemOverdueJob>("0 15 0 * * ?"), timeZone);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }
}

/// <summary>
/// Job data in the database as a JSON object of strings: the product's jobs carry only strings (a tenant id), and
/// .NET no longer has a binary formatter. Calendars are not used.
/// </summary>
public sealed class JobDataJsonSerializer : IObjectSerializer
{
    public void Initialize()
    {
    }

    public byte[] Serialize<T>(T obj)
        where T : class
    {
        var map = obj switch
        {
            NameValueCollection collection => collection.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => collection[k]),
            IDictionary<string, object> dictionary => dictionary.ToDictionary(e => e.Key, e => e.Value?.ToString()),
            _ => throw new NotSupportedException($"Only string job data is stored, not {typeof(T).Name}."),
        };
        return JsonSerializer.SerializeToUtf8Bytes(map);
    }

    public T? DeSerialize<T>(byte[] data)
        where T : class
    {
        var map = JsonSerializer.Deserialize<Dictionary<string, string?>>(data) ?? [];
        if (typeof(T).IsAssignableFrom(typeof(NameValueCollection)))
        {
            var collection = new NameValueCollection();
            foreach (var (key, value) in map)
            {
                collection[key] = value;
            }

            return (T)(object)collection;
        }

        if (typeof(T).IsAssignableFrom(typeof(JobDataMap)))
        {
            var jobData = new JobDataMap();
            foreach (var (key, value) in map)
            {
                jobData[key] = value!;
            }

            return (T)(object)jobData;
        }

        throw new NotSupportedException($"Only string job data is stored, not {typeof(T).Name}.");
    }
}

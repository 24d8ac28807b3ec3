using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.Data;
using PilotAssessment.Identity;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Repositories;
using Quartz;
using Shouldly;
using Xunit;

namespace PilotAssessment.BackgroundJobs;

/// <summary>Jobs run through a real Quartz scheduler (the host's adapter), resolved from DI in a scope, inside the tenant their data names.</summary>
public sealed class TenantAwareJob_Tests(TenantAwareJob_Tests.JobApplication app) : IClassFixture<TenantAwareJob_Tests.JobApplication>
{
    [Fact]
    public async Task Should_Run_A_Job_Inside_The_Tenant_Named_In_Its_Data()
    {
        var lanzhou = await app.TenantIdAsync("兰州");

        await RunAsync<TenantProbeJob>(TenantAwareJob.ForTenant(lanzhou));

        app.Probe.Seen.ShouldBe(lanzhou.ToString());
    }

    [Fact]
    public async Task Should_Run_A_Job_Without_Tenant_Data_As_The_Host()
    {
        app.Probe.Seen = null;

        await RunAsync<TenantProbeJob>(new JobDataMap());

        app.Probe.Seen.ShouldBe("host");
    }

    [Fact]
    public async Task Should_Delete_Stale_Refresh_Tokens_Of_Every_City()
    {
        var tianshui = await app.TenantIdAsync("天水");
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var (stale, fresh) = await app.AsUserAsync("天水", "admin", async sp =>
        {
            var tokens = sp.GetRequiredService<IRepository<RefreshToken>>();
            var userId = Guid.NewGuid();
            var staleToken = await tokens.InsertAsync(new RefreshToken(tianshui, userId, "stale-" + Guid.NewGuid().ToString("N"), now.AddDays(-3), now.AddDays(-10)));
            var freshToken = await tokens.InsertAsync(new RefreshToken(tianshui, userId, "fresh-" + Guid.NewGuid().ToString("N"), now.AddDays(3), now));
            return (staleToken.Id, freshToken.Id);
        });

        var deleted = await RunAsync<RefreshTokenCleanupJob>(new JobDataMap());

        ((int)deleted!).ShouldBeGreaterThanOrEqualTo(1);
        await app.WithScopeAsync(async sp =>
        {
            var tokens = sp.GetRequiredService<IRepository<RefreshToken>>();
            using var _ = sp.GetRequiredService<IDataFilter>().Disable<IMultiTenant>();
            (await tokens.FindAsync(stale)).ShouldBeNull();
            (await tokens.FindAsync(fresh)).ShouldNotBeNull();
        });
    }

    private async Task<object?> RunAsync<TJob>(JobDataMap data)
        where TJob : IBackgroundJob
    {
        var schedulerFactory = app.Services.GetRequiredService<ISchedulerFactory>();
        var scheduler = await schedulerFactory.GetScheduler();
        var listener = new ResultListener();
        scheduler.ListenerManager.AddJobListener(listener);
        await scheduler.Start();

        var key = new JobKey(typeof(TJob).Name + Guid.NewGuid().ToString("N"));
        await scheduler.ScheduleJob(
            JobBuilder.Create<TenantAwareJob<TJob>>().WithIdentity(key).UsingJobData(data).Build(),
            TriggerBuilder.Create().StartNow().Build());

        var result = await listener.WaitAsync(key).WaitAsync(TimeSpan.FromSeconds(30));
        scheduler.ListenerManager.RemoveJobListener(listener.Name);
        return result;
    }

    public sealed class TenantProbe
    {
        public string? Seen { get; set; }
    }

    public sealed class TenantProbeJob(ICurrentTenant tenant, TenantProbe probe) : IBackgroundJob
    {
        public Task<int> RunAsync(CancellationToken cancellationToken = default)
        {
            probe.Seen = tenant.Id?.ToString() ?? "host";
            return Task.FromResult(1);
        }
    }

    private sealed class ResultListener : IJobListener
    {
        private readonly Dictionary<JobKey, TaskCompletionSource<object?>> _results = [];

        public string Name { get; } = "result-" + Guid.NewGuid().ToString("N");

        public Task<object?> WaitAsync(JobKey key) => Completion(key).Task;

        public Task JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            if (jobException is not null)
            {
                Completion(context.JobDetail.Key).TrySetException(jobException);
            }
            else
            {
                Completion(context.JobDetail.Key).TrySetResult(context.Result);
            }

            return Task.CompletedTask;
        }

        private TaskCompletionSource<object?> Completion(JobKey key)
        {
            lock (_results)
            {
                if (!_results.TryGetValue(key, out var completion))
                {
                    completion = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
                    _results[key] = completion;
                }

                return completion;
            }
        }
    }

    public sealed class JobApplication() : PilotAssessmentTestApplication(EntityFrameworkCore.DatabaseProvider.Sqlite)
    {
        public TenantProbe Probe { get; } = new();

        protected override void ConfigureServices(IServiceCollection services)
        {
            services.AddQuartz(q => q.SchedulerName = "tests-" + Guid.NewGuid().ToString("N"));
            services.AddSingleton(Probe);
            services.AddTransient<TenantProbeJob>();
        }
    }
}

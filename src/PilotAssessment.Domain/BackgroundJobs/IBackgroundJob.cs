namespace PilotAssessment.BackgroundJobs;

/// <summary>
/// A unit of background work. Jobs are plain services; the host schedules them (Quartz) and runs each in its own
/// DI scope inside the tenant its data names. The result is the number of items handled.
/// </summary>
public interface IBackgroundJob
{
    Task<int> RunAsync(CancellationToken cancellationToken = default);
}

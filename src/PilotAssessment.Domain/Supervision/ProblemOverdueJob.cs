using Microsoft.Extensions.Localization;
using PilotAssessment.BackgroundJobs;
using PilotAssessment.Data;
using PilotAssessment.Identity;
using PilotAssessment.Localization;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Periods;
using PilotAssessment.Repositories;
using PilotAssessment.Tenants;

namespace PilotAssessment.Supervision;

/// <summary>
/// Marks problems whose deadline has passed unrectified as overdue, once each, and escalates them: an in-app
/// notification to the city's administrators and to the province's officials (keyed by the problem, so a rerun sends
/// nothing twice). Then brings every city's register-fed lines up to date (a period opened since the last change).
/// </summary>
public sealed class ProblemOverdueJob(
    ICurrentTenant currentTenant,
    IRepository<Problem> problems,
    IRepository<ProblemEvent> events,
    IRepository<Notification> notifications,
    IRepository<Tenant> tenants,
    IIdentityUserRepository users,
    ProblemRegister register,
    IDataFilter dataFilter,
    IUnitOfWork unitOfWork,
    IStringLocalizer<PilotAssessmentResource> localizer,
    TimeProvider clock) : IBackgroundJob
{
    public static string KeyOf(Guid problemId) => $"problem-overdue:{problemId:N}";

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cities = await tenants.ToListAsync(tenants.Query().Where(t => t.IsActive), cancellationToken);
        List<Problem> due;
        using (dataFilter.Disable<IMultiTenant>())
        {
            due = await problems.ToListAsync(
                problems.Query().Where(p => p.Status != ProblemStatus.Closed && p.Deadline < now && p.OverdueTime == null), cancellationToken);
        }

        var officials = await users.GetUserIdsInRoleAsync(RoleNames.Official, cancellationToken);
        var marked = 0;
        var toProvince = new List<Notification>();
        foreach (var group in due.Where(p => p.TenantId != null).GroupBy(p => p.TenantId!.Value))
        {
            var city = cities.FirstOrDefault(c => c.Id == group.Key);
            if (city is null)
            {
                continue;
            }

            using (currentTenant.Change(city.Id, city.Name))
            {
                var admins = await users.GetUserIdsInRoleAsync(RoleNames.CityAdmin, cancellationToken);
                foreach (var problem in group)
                {
                    if (problem.MarkOverdue(now) is not { } overdue)
                    {
                        continue;
                    }

                    await events.InsertAsync(overdue, autoSave: false, cancellationToken);
                    var deadline = ProvinceTime.ToLocal(problem.Deadline).ToString("yyyy-MM-dd");
                    string title = localizer[SupervisionErrorCodes.OverdueTitle, city.DisplayName, problem.Title];
                    string body = localizer[SupervisionErrorCodes.OverdueBody, city.DisplayName, problem.Title, deadline];
                    var key = KeyOf(problem.Id);
                    foreach (var admin in admins)
                    {
                        await notifications.InsertAsync(new Notification(SequentialGuid.Next(), city.Id, admin, key, title, body), autoSave: false, cancellationToken);
                    }

                    toProvince.AddRange(officials.Select(official => new Notification(SequentialGuid.Next(), null, official, key, title, body)));
                    marked++;
                }

                // The city's rows are saved inside the city.
                await unitOfWork.SaveChangesAsync(cancellationToken);
            }
        }

        foreach (var notification in toProvince)
        {
            await notifications.InsertAsync(notification, autoSave: false, cancellationToken);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);

        foreach (var city in cities)
        {
            await register.SyncCityAsync(city.Id, cancellationToken: cancellationToken);
        }

        return marked;
    }
}

using System.Globalization;
using Microsoft.Extensions.Logging;
using PilotAssessment.Identity;
using PilotAssessment.Periods;
using PilotAssessment.Reviews;

namespace PilotAssessment.Todo;

/// <summary>催报: the province urges one late city of an open period, at most once a Beijing day.</summary>
public sealed partial class TodoAppService
{
    [RequiresPermission(PilotAssessmentPermissions.Periods.Manage)]
    public async Task<UrgeResultDto> UrgeAsync(Guid periodId, Guid cityId)
    {
        var period = await periods.GetAsync(periodId);
        if (period.Status != PeriodStatus.Open)
        {
            throw new BusinessException(TodoErrorCodes.PeriodNotOpen, period.Name, period.Status);
        }

        var city = await tenants.FirstOrDefaultAsync(tenants.QueryReadOnly().Where(t => t.Id == cityId && t.IsActive))
            ?? throw new BusinessException(TodoErrorCodes.UnknownCity).WithError("cityId", TodoErrorCodes.UnknownCity);
        var expected = await ExpectedAsync(period);
        var today = ProvinceTime.Day(Now);
        var key = TodoConsts.UrgeKey(periodId, today);
        using (CurrentTenant.Change(city.Id, city.Name))
        {
            var submission = await submissions.FirstOrDefaultAsync(submissions.QueryReadOnly().Where(s => s.PeriodId == periodId));
            if (submission?.Status is SubmissionStatus.Submitted or SubmissionStatus.Approved)
            {
                throw new BusinessException(TodoErrorCodes.NothingToUrge, city.DisplayName, submission.Status);
            }

            var last = await notifications.FirstOrDefaultAsync(notifications.QueryReadOnly()
                .Where(n => n.Key == key).OrderByDescending(n => n.CreationTime).Select(n => (DateTime?)n.CreationTime));
            if (last is { } at)
            {
                throw new BusinessException(TodoErrorCodes.AlreadyUrged, city.DisplayName, ProvinceTime.ToLocal(at).ToString("HH:mm", CultureInfo.InvariantCulture));
            }

            var recipients = (await users.GetUserIdsInRoleAsync(RoleNames.Clerk))
                .Concat(await users.GetUserIdsInRoleAsync(RoleNames.CityAdmin))
                .Distinct()
                .ToList();
            if (recipients.Count == 0)
            {
                throw new BusinessException(TodoErrorCodes.NoRecipients, city.DisplayName);
            }

            var reported = (await ReportedByCityAsync(periodId, expected)).GetValueOrDefault(city.Id);
            var closes = Local(period.EntryClosesAt);
            string title = L[TodoErrorCodes.UrgeTitle, period.Name];
            string body = L[TodoErrorCodes.UrgeBody, period.Name, city.DisplayName, reported, expected.Count, closes];
            foreach (var user in recipients)
            {
                await notifications.InsertAsync(new Notification(SequentialGuid.Next(), city.Id, user, key, title, body));
            }

            return new UrgeResultDto
            {
                CityName = city.DisplayName,
                Notified = recipients.Count,
                Emailed = await EmailAsync(recipients, title, body),
                CopyText = $"{title}\n{body}",
            };
        }
    }

    /// <summary>E-mails the recipients that have an address, when an e-mail sender is configured; a failed e-mail is logged, the 催报 stands.</summary>
    private async Task<int> EmailAsync(List<Guid> userIds, string subject, string body)
    {
        if (!email.IsEnabled)
        {
            return 0;
        }

        var addresses = await appUsers.ToListAsync(appUsers.QueryReadOnly()
            .Where(u => userIds.Contains(u.Id) && u.Email != null && u.IsActive).Select(u => u.Email!));
        var sent = 0;
        foreach (var address in addresses)
        {
            try
            {
                await email.SendAsync(address, subject, body);
                sent++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Urge e-mail to {Address} failed", address);
            }
        }

        return sent;
    }
}

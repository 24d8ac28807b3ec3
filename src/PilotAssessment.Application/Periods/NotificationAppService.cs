using AutoMapper.QueryableExtensions;

namespace PilotAssessment.Periods;

/// <summary>The signed-in person's own notifications (reminders of the entry window).</summary>
[RequiresSignIn]
public sealed class NotificationAppService(ApplicationServiceContext context, IRepository<Notification> notifications, IMapper mapper)
    : PilotAssessmentAppService(context), INotificationAppService
{
    public async Task<List<NotificationDto>> GetMineAsync(bool unreadOnly)
    {
        var userId = CurrentUser.Id;
        var query = notifications.Query().Where(n => n.UserId == userId);
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadTime == null);
        }

        return await notifications.ToListAsync(query.OrderByDescending(n => n.CreationTime).Take(100)
            .ProjectTo<NotificationDto>(mapper.ConfigurationProvider));
    }

    public async Task MarkReadAsync(Guid id)
    {
        var notification = await notifications.GetAsync(id);
        if (notification.UserId != CurrentUser.Id)
        {
            throw new EntityNotFoundException(typeof(Notification), id);
        }

        notification.ReadTime ??= Now;
        await notifications.UpdateAsync(notification);
    }
}

namespace PilotAssessment.Periods;

/// <summary>An in-app message to one user of a city (reminders of the entry deadline).</summary>
public class Notification : Entity, IMultiTenant, IHasCreationTime
{
    private Notification()
    {
        Key = Title = Body = string.Empty;
    }

    public Notification(Guid id, Guid? tenantId, Guid userId, string key, string title, string body)
        : base(id)
    {
        TenantId = tenantId;
        UserId = userId;
        Key = key;
        Title = title;
        Body = body;
    }

    public Guid? TenantId { get; set; }

    public Guid UserId { get; private set; }

    /// <summary>What the message is about ("entry-reminder:{periodId}"); one message per user and key, so a rerun sends nothing twice.</summary>
    public string Key { get; private set; }

    public string Title { get; private set; }

    public string Body { get; private set; }

    public DateTime? ReadTime { get; set; }

    public DateTime CreationTime { get; set; }

    public Guid? CreatorId { get; set; }
}

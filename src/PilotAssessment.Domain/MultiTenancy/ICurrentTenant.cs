namespace PilotAssessment.MultiTenancy;

public interface ICurrentTenant
{
    Guid? Id { get; }

    string? Name { get; }

    bool IsHost => Id is null;

    /// <summary>Switches the current tenant until the returned scope is disposed.</summary>
    IDisposable Change(Guid? tenantId, string? name = null);
}

/// <summary>
/// The tenant of the running flow. Kept in an <see cref="AsyncLocal{T}"/> so a request, a background job
/// and any task they start see the same value, and a <see cref="Change"/> scope restores the previous one.
/// </summary>
public sealed class CurrentTenant : ICurrentTenant
{
    private static readonly AsyncLocal<TenantInfo?> Current = new();

    public Guid? Id => Current.Value?.Id;

    public string? Name => Current.Value?.Name;

    public IDisposable Change(Guid? tenantId, string? name = null)
    {
        var previous = Current.Value;
        Current.Value = new TenantInfo(tenantId, name);
        return new DisposeAction(() => Current.Value = previous);
    }

    private sealed record TenantInfo(Guid? Id, string? Name);
}

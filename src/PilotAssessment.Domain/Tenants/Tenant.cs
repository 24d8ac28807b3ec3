namespace PilotAssessment.Tenants;

/// <summary>A pilot city. Owned by the host; the city's own data carries its Id as TenantId.</summary>
public class Tenant : FullAuditedAggregateRoot
{
    public const int MaxNameLength = 64;
    public const int MaxDisplayNameLength = 128;

    private Tenant()
    {
    }

    public Tenant(Guid id, string name, string displayName)
        : base(id)
    {
        Name = name.Trim();
        NormalizedName = Normalize(name);
        DisplayName = displayName.Trim();
    }

    /// <summary>Short name used at sign-in, e.g. 兰州.</summary>
    public string Name { get; private set; } = default!;

    public string NormalizedName { get; private set; } = default!;

    /// <summary>Full name, e.g. 兰州市.</summary>
    public string DisplayName { get; private set; } = default!;

    public bool IsActive { get; private set; } = true;

    public static string Normalize(string name) => name.Trim().ToUpperInvariant();

    public void Rename(string displayName) => DisplayName = displayName.Trim();

    public void Activate() => IsActive = true;

    public void Deactivate() => IsActive = false;
}

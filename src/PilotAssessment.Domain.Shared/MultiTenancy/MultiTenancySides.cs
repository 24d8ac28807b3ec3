namespace PilotAssessment.MultiTenancy;

/// <summary>Which side of the tenancy a permission or feature belongs to.</summary>
[Flags]
public enum MultiTenancySides
{
    Tenant = 1,
    Host = 2,
    Both = Tenant | Host,
}

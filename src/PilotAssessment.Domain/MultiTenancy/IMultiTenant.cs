namespace PilotAssessment.MultiTenancy;

/// <summary>An entity that belongs to one pilot city; null means it belongs to the host (the province).</summary>
public interface IMultiTenant
{
    Guid? TenantId { get; set; }
}

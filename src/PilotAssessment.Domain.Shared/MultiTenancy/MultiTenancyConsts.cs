namespace PilotAssessment.MultiTenancy;

public static class MultiTenancyConsts
{
    /// <summary>Request header a host user sends to act inside a pilot city.</summary>
    public const string TenantHeaderName = "__tenant";

    public const string TenantIdClaimType = "tenantid";

    public const string TenantNameClaimType = "tenantname";
}

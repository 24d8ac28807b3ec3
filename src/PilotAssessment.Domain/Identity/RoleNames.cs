namespace PilotAssessment.Identity;

/// <summary>The built-in roles. Display names come from localization keys "Role:{name}".</summary>
public static class RoleNames
{
    public const string Admin = "admin";
    public const string Official = "official";
    public const string Auditor = "auditor";
    public const string CityAdmin = "city-admin";
    public const string Clerk = "clerk";

    public static readonly string[] Host = [Admin, Official, Auditor];

    public static readonly string[] Tenant = [CityAdmin, Clerk];
}

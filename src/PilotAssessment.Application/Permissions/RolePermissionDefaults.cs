using PilotAssessment.Authorization;
using PilotAssessment.Identity;
using P = PilotAssessment.Permissions.PilotAssessmentPermissions;

namespace PilotAssessment.Permissions;

/// <summary>What each built-in role is granted when seeded.</summary>
public static class RolePermissionDefaults
{
    private static readonly string[] Official =
    [
        P.Tenants.Default, P.Tenants.ActInCity, P.AuditLogs,
        P.Schemes.Default, P.Schemes.Manage, P.Schemes.Publish,
        P.Agreements.Default, P.Agreements.Manage,
        P.Periods.Default, P.Periods.Manage,
        P.Review.Default,
        P.Results.Default, P.Results.Publish,
        P.Appeals.Default,
        P.Dashboard,
        P.Supervision.Default, P.Supervision.Manage,
        P.Honours.Manage,
        P.Feeds.Manage,
    ];

    private static readonly string[] Auditor =
    [
        P.Tenants.Default, P.Tenants.ActInCity,
        P.Schemes.Default, P.Agreements.Default, P.Periods.Default,
        P.Review.Default, P.Review.Adjust, P.Review.Approve,
        P.Results.Default, P.Appeals.Default, P.Appeals.Decide, P.Dashboard,
        P.Supervision.Default,
    ];

    private static readonly string[] CityAdmin =
    [
        P.Users.Default, P.Users.Create, P.Users.Update, P.Users.Delete,
        P.Roles.Default, P.Roles.Create, P.Roles.Update, P.Roles.Delete, P.Roles.ManagePermissions,
        P.AuditLogs,
        P.Schemes.Default, P.Agreements.Default, P.Agreements.Sign, P.Agreements.Assign, P.Agreements.Report, P.Periods.Default,
        P.OrganizationUnits.Default, P.OrganizationUnits.Manage,
        P.DataEntry.Default, P.DataEntry.Submit, P.Results.Default, P.Results.Monitoring,
        P.Supervision.Default, P.Supervision.Assign, P.Supervision.Rectify,
        P.Appeals.Default, P.Appeals.Create,
        P.Feeds.Manage,
    ];

    private static readonly string[] Clerk =
    [
        P.Schemes.Default, P.Agreements.Default, P.Agreements.Report, P.Periods.Default, P.DataEntry.Default, P.Results.Default,
        P.OrganizationUnits.Default,
        P.Supervision.Default, P.Supervision.Rectify,
    ];

    public static IReadOnlyList<string> For(string roleName, IPermissionDefinitionManager definitions) => roleName switch
    {
        // The platform administrator holds every permission of the host side.
        RoleNames.Admin => definitions.All.Where(p => p.Sides.HasFlag(MultiTenancySides.Host)).Select(p => p.Name).ToList(),
        RoleNames.Official => Official,
        RoleNames.Auditor => Auditor,
        RoleNames.CityAdmin => CityAdmin,
        RoleNames.Clerk => Clerk,
        _ => [],
    };
}

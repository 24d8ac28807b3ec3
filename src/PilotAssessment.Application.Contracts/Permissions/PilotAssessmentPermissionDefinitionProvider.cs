using PilotAssessment.Authorization;
using PilotAssessment.MultiTenancy;
using P = PilotAssessment.Permissions.PilotAssessmentPermissions;

namespace PilotAssessment.Permissions;

public sealed class PilotAssessmentPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context)
    {
        var admin = context.AddGroup("Administration");

        var tenants = admin.AddPermission(P.Tenants.Default, MultiTenancySides.Host);
        tenants.AddChild(P.Tenants.Create);
        tenants.AddChild(P.Tenants.Update);
        tenants.AddChild(P.Tenants.ManageStatus);
        tenants.AddChild(P.Tenants.ActInCity);

        var users = admin.AddPermission(P.Users.Default);
        users.AddChild(P.Users.Create);
        users.AddChild(P.Users.Update);
        users.AddChild(P.Users.Delete);

        var roles = admin.AddPermission(P.Roles.Default);
        roles.AddChild(P.Roles.Create);
        roles.AddChild(P.Roles.Update);
        roles.AddChild(P.Roles.Delete);
        roles.AddChild(P.Roles.ManagePermissions);

        admin.AddPermission(P.AuditLogs);

        var units = admin.AddPermission(P.OrganizationUnits.Default, MultiTenancySides.Tenant);
        units.AddChild(P.OrganizationUnits.Manage);

        var assessment = context.AddGroup("Assessment");

        var schemes = assessment.AddPermission(P.Schemes.Default);
        schemes.AddChild(P.Schemes.Manage, MultiTenancySides.Host);
        schemes.AddChild(P.Schemes.Publish, MultiTenancySides.Host);

        var agreements = assessment.AddPermission(P.Agreements.Default);
        agreements.AddChild(P.Agreements.Manage, MultiTenancySides.Host);
        agreements.AddChild(P.Agreements.Sign, MultiTenancySides.Tenant);
        agreements.AddChild(P.Agreements.Assign, MultiTenancySides.Tenant);
        agreements.AddChild(P.Agreements.Report, MultiTenancySides.Tenant);

        var periods = assessment.AddPermission(P.Periods.Default);
        periods.AddChild(P.Periods.Manage, MultiTenancySides.Host);

        var dataEntry = assessment.AddPermission(P.DataEntry.Default, MultiTenancySides.Tenant);
        dataEntry.AddChild(P.DataEntry.Submit);

        var review = assessment.AddPermission(P.Review.Default, MultiTenancySides.Host);
        review.AddChild(P.Review.Adjust);
        review.AddChild(P.Review.Approve);

        var results = assessment.AddPermission(P.Results.Default);
        results.AddChild(P.Results.Publish, MultiTenancySides.Host);
        results.AddChild(P.Results.Monitoring);

        var appeals = assessment.AddPermission(P.Appeals.Default);
        appeals.AddChild(P.Appeals.Create, MultiTenancySides.Tenant);
        appeals.AddChild(P.Appeals.Decide, MultiTenancySides.Host);

        assessment.AddPermission(P.Dashboard, MultiTenancySides.Host);
        assessment.AddPermission(P.Honours.Manage, MultiTenancySides.Host);

        var supervision = assessment.AddPermission(P.Supervision.Default);
        supervision.AddChild(P.Supervision.Manage, MultiTenancySides.Host);
        supervision.AddChild(P.Supervision.Assign, MultiTenancySides.Tenant);
        supervision.AddChild(P.Supervision.Rectify, MultiTenancySides.Tenant);

        assessment.AddPermission(P.Feeds.Manage);
    }
}

using P = PilotAssessment.Permissions.PilotAssessmentPermissions;

namespace PilotAssessment.Permissions;

/// <summary>
/// Authorization policies that accept any one of several permissions: the permission names joined by
/// <see cref="AnyOfSeparator"/>, e.g. <c>[Authorize(PermissionPolicies.ProvinceResults)]</c>. The host's policy provider
/// reads every such name; an unknown permission in it makes the policy unknown (an error at the first request).
/// </summary>
public static class PermissionPolicies
{
    public const char AnyOfSeparator = '|';

    /// <summary>Every city's ranking and completeness: reviewers and dashboard viewers of the province.</summary>
    public const string ProvinceResults = P.Review.Default + "|" + P.Dashboard;

    /// <summary>Monitoring figures and warnings: the province's dashboard, or a city's own row.</summary>
    public const string Monitoring = P.Dashboard + "|" + P.Results.Monitoring;

    /// <summary>Published trends: the province's dashboard, or a city's own points.</summary>
    public const string Trends = P.Dashboard + "|" + P.Results.Default;

    /// <summary>Evidence of a problem: the province when finding it, the city's units when rectifying it.</summary>
    public const string ProblemEvidence = P.Supervision.Manage + "|" + P.Supervision.Rectify;
}

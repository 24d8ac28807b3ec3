using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using PilotAssessment.Authorization;
using PilotAssessment.Permissions;

namespace PilotAssessment.Authorization;

public sealed class PermissionRequirement(string permissionName) : IAuthorizationRequirement
{
    public string PermissionName { get; } = permissionName;
}

/// <summary>Every defined permission name is also an authorization policy, so <c>[Authorize("PilotAssessment.X")]</c> works.</summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options, IPermissionDefinitionManager definitions)
    : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        var policy = await base.GetPolicyAsync(policyName);
        if (policy is not null || definitions.Find(policyName) is null)
        {
            return policy;
        }

        return new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(policyName)).Build();
    }
}

public sealed class PermissionAuthorizationHandler(IPermissionChecker permissionChecker) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (await permissionChecker.IsGrantedAsync(context.User, requirement.PermissionName))
        {
            context.Succeed(requirement);
        }
    }
}

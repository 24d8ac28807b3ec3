using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using PilotAssessment.Authorization;
using PilotAssessment.Permissions;

namespace PilotAssessment.Authorization;

/// <summary>Met when the user holds any one of the permissions (usually one).</summary>
public sealed class PermissionRequirement(params string[] permissionNames) : IAuthorizationRequirement
{
    public IReadOnlyList<string> PermissionNames { get; } = permissionNames;
}

/// <summary>
/// Every defined permission name is also an authorization policy, so <c>[Authorize("PilotAssessment.X")]</c> works; so is
/// a list of defined names joined by <see cref="PermissionPolicies.AnyOfSeparator"/>, met by any one of them.
/// Each permission policy is built once: the names come from the code's attributes, so the set is small.
/// </summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options, IPermissionDefinitionManager definitions)
    : DefaultAuthorizationPolicyProvider(options)
{
    private readonly ConcurrentDictionary<string, AuthorizationPolicy?> _permissionPolicies = new(StringComparer.Ordinal);

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        var policy = await base.GetPolicyAsync(policyName);
        return policy ?? _permissionPolicies.GetOrAdd(policyName, Build);
    }

    private AuthorizationPolicy? Build(string policyName)
    {
        var names = policyName.Split(PermissionPolicies.AnyOfSeparator, StringSplitOptions.TrimEntries);
        if (names.Any(n => definitions.Find(n) is null))
        {
            return null;
        }

        return new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(names)).Build();
    }
}

public sealed class PermissionAuthorizationHandler(IPermissionChecker permissionChecker) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        foreach (var name in requirement.PermissionNames)
        {
            if (await permissionChecker.IsGrantedAsync(context.User, name))
            {
                context.Succeed(requirement);
                return;
            }
        }
    }
}

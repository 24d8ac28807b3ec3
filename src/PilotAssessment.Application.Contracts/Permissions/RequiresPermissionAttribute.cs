namespace PilotAssessment.Permissions;

/// <summary>
/// The caller must hold at least one of the permissions to call the method (or any method of the class, unless the
/// method declares its own). Checked by the application pipeline through <c>IPermissionChecker</c>, whoever calls.
/// A name may be a <see cref="PermissionPolicies"/> list ("A|B"), so a method declares what its endpoint's policy says.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public sealed class RequiresPermissionAttribute(params string[] anyOf) : Attribute
{
    public IReadOnlyList<string> AnyOf { get; } =
        anyOf.SelectMany(n => n.Split(PermissionPolicies.AnyOfSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToArray();
}

/// <summary>Any signed-in user may call the method (e.g. their own account); no permission is needed.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public sealed class RequiresSignInAttribute : Attribute;

/// <summary>Anyone may call the method, signed in or not (sign-in itself, public configuration).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public sealed class AllowAnonymousCallAttribute : Attribute;

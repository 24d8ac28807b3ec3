using System.Reflection;

namespace PilotAssessment.Services;

/// <summary>
/// Who may call an application-service method: anyone, any signed-in user, or a signed-in user holding any one of
/// <see cref="AnyOfPermissions"/> (an empty list is never met).
/// </summary>
public sealed record CallDeclaration(bool AllowsAnonymous, bool RequiresSignIn, IReadOnlyList<string> AnyOfPermissions)
{
    public static readonly CallDeclaration Anonymous = new(true, false, []);

    public static readonly CallDeclaration SignedIn = new(false, true, []);
}

public static class ApplicationServiceDeclarations
{
    /// <summary>
    /// The declaration covering <paramref name="implementation"/> (a method of the service class): the method's
    /// <see cref="AllowAnonymousCallAttribute"/>, <see cref="RequiresSignInAttribute"/> or
    /// <see cref="RequiresPermissionAttribute"/>, else its class's; null when neither declares anything (the call is
    /// refused).
    /// </summary>
    public static CallDeclaration? Find(MethodInfo implementation) =>
        Declared(implementation) ?? Declared(implementation.DeclaringType!);

    /// <summary>The public methods of application-service classes that nothing declares, as "Type.Method".</summary>
    public static IReadOnlyList<string> Undeclared(Assembly assembly) =>
        ServiceClasses(assembly)
            .SelectMany(type => PublicMethods(type).Where(m => Find(m) is null).Select(m => $"{type.FullName}.{m.Name}"))
            .Distinct()
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();

    /// <summary>The concrete classes implementing <see cref="IApplicationService"/>.</summary>
    public static IEnumerable<Type> ServiceClasses(Assembly assembly) =>
        assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IApplicationService).IsAssignableFrom(t));

    /// <summary>The class's public instance methods and its implementations of application-service interfaces.</summary>
    public static IEnumerable<MethodInfo> PublicMethods(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => !m.IsSpecialName && m.DeclaringType != typeof(object))
            .Concat(type.GetInterfaces()
                .Where(i => i != typeof(IApplicationService) && typeof(IApplicationService).IsAssignableFrom(i))
                .SelectMany(i => type.GetInterfaceMap(i).TargetMethods))
            .Distinct();

    private static CallDeclaration? Declared(MemberInfo member)
    {
        if (member.IsDefined(typeof(AllowAnonymousCallAttribute), inherit: true))
        {
            return CallDeclaration.Anonymous;
        }

        if (member.IsDefined(typeof(RequiresSignInAttribute), inherit: true))
        {
            return CallDeclaration.SignedIn;
        }

        return member.GetCustomAttribute<RequiresPermissionAttribute>(inherit: true) is { } permission
            ? new CallDeclaration(false, false, permission.AnyOf)
            : null;
    }
}

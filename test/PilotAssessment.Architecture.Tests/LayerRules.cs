using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using NetArchTest.Rules;

namespace PilotAssessment;

/// <summary>
/// What each layer may reference (docs/adr/0010). Each rule returns the offending types or assembly references;
/// empty means the rule holds. <c>scope</c> limits a rule to one namespace, so the same rule can be run against the
/// deliberate violations compiled into this test project.
/// </summary>
public static class LayerRules
{
    public static readonly string[] EntityFrameworkCore = ["Microsoft.EntityFrameworkCore"];

    public static readonly string[] Scheduling = ["Quartz"];

    public static readonly string[] Mail = ["System.Net.Mail", "MailKit", "MimeKit"];

    /// <summary>Domain.Shared: enums, error codes and localization; nothing of ASP.NET Core, EF Core or the scheduler.</summary>
    public static IReadOnlyList<string> DomainShared(Assembly assembly, string scope = "PilotAssessment") =>
        TypesDependingOn(assembly, scope, ["Microsoft.AspNetCore", .. EntityFrameworkCore, .. Scheduling, .. Mail])
            .Concat(ReferencedAssemblies(assembly, "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Quartz", "MailKit", "MimeKit"))
            .ToList();

    /// <summary>
    /// Domain: no ASP.NET Core, EF Core, scheduler or mail client. Allowed explicitly: the namespace
    /// Microsoft.AspNetCore.Identity as served by Microsoft.Extensions.Identity.Stores (IdentityUser, UserManager),
    /// which is why the assembly check forbids the ASP.NET Core assemblies and the type check their other namespaces.
    /// </summary>
    public static IReadOnlyList<string> Domain(Assembly assembly, string scope = "PilotAssessment") =>
        TypesDependingOn(assembly, scope, [.. AspNetCoreExceptIdentity.Value, .. EntityFrameworkCore, .. Scheduling, .. Mail])
            .Concat(ReferencedAssemblies(assembly, "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Quartz", "MailKit", "MimeKit"))
            .ToList();

    /// <summary>Application.Contracts: DTOs and service interfaces over Domain.Shared and the BCL / Microsoft.Extensions abstractions only.</summary>
    public static IReadOnlyList<string> ApplicationContracts(Assembly assembly) =>
        assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name != "PilotAssessment.Domain.Shared"
                && !name.StartsWith("System", StringComparison.Ordinal)
                && !name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
                && name is not ("netstandard" or "mscorlib"))
            .Select(name => $"{assembly.GetName().Name} references {name}")
            .ToList();

    /// <summary>
    /// Application: no EF Core; data goes through the domain's repositories. <paramref name="knownExceptions"/> names
    /// types (and their nested types) allowed for now, each with its reason where the rule is applied.
    /// </summary>
    public static IReadOnlyList<string> Application(Assembly assembly, string scope = "PilotAssessment", params string[] knownExceptions) =>
        TypesDependingOn(assembly, scope, EntityFrameworkCore)
            .Where(type => !knownExceptions.Any(known => type == known || type.StartsWith(known + "/", StringComparison.Ordinal) || type.StartsWith(known + "+", StringComparison.Ordinal)))
            .Concat(ReferencedAssemblies(assembly, "PilotAssessment.EntityFrameworkCore"))
            .ToList();

    /// <summary>
    /// HttpApi: controllers call application services only: no EF Core, no repositories, unit of work or data filters
    /// of the domain, no other layer's assembly; and no private helper methods (logic belongs in the application layer).
    /// </summary>
    public static IReadOnlyList<string> HttpApi(Assembly assembly, string scope = "PilotAssessment")
    {
        var dependencies = Types.InAssembly(assembly).That().ResideInNamespaceMatching(InScope(scope)).And().HaveNameEndingWith("Controller")
            .ShouldNot()
            .HaveDependencyOnAny([.. EntityFrameworkCore, "PilotAssessment.Repositories", "PilotAssessment.Data", "PilotAssessment.EntityFrameworkCore"])
            .GetResult();
        var privateLogic = Types.InAssembly(assembly).That().ResideInNamespaceMatching(InScope(scope)).And().HaveNameEndingWith("Controller")
            .GetTypes().Select(t => t.ReflectionType)
            .SelectMany(type => type.GetMethods(BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m.IsPrivate && !m.IsSpecialName && !m.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)) && !m.Name.Contains('<'))
                .Select(m => $"{type.FullName}.{m.Name} is a private method of a controller"));
        return Failing(dependencies)
            .Concat(privateLogic)
            .Concat(ReferencedAssemblies(assembly, "PilotAssessment.Domain", "PilotAssessment.Application", "PilotAssessment.EntityFrameworkCore", "Microsoft.EntityFrameworkCore"))
            .Where(v => !v.EndsWith("references PilotAssessment.Domain.Shared", StringComparison.Ordinal) && !v.EndsWith("references PilotAssessment.Application.Contracts", StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>
    /// Controllers depend on the application contracts (service interfaces, DTOs), Domain.Shared and ASP.NET Core
    /// only, in their constructors, fields and signatures: not on an application service's implementation (which would
    /// bypass the application pipeline), a repository or the DbContext.
    /// </summary>
    public static IReadOnlyList<string> ControllerDependencies(Assembly assembly, string scope = "PilotAssessment") =>
        assembly.GetTypes()
            .Where(type => type.Namespace is { } ns && (ns == scope || ns.StartsWith(scope + ".", StringComparison.Ordinal))
                && type.Name.EndsWith("Controller", StringComparison.Ordinal) && !type.IsAbstract)
            .SelectMany(type => SignatureTypes(type)
                .SelectMany(Flatten)
                .Where(dependency => !IsAllowedForControllers(dependency.Assembly, assembly))
                .Select(dependency => $"{type.FullName} depends on {dependency.FullName ?? dependency.Name}"))
            .Distinct()
            .ToList();

    private static IEnumerable<Type> SignatureTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        return type.GetConstructors(all).SelectMany(c => c.GetParameters()).Select(p => p.ParameterType)
            .Concat(type.GetFields(all).Select(f => f.FieldType))
            .Concat(type.GetProperties(all).Select(p => p.PropertyType))
            .Concat(type.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)));
    }

    private static IEnumerable<Type> Flatten(Type type)
    {
        if (type.HasElementType)
        {
            return Flatten(type.GetElementType()!);
        }

        return type.IsGenericType ? type.GetGenericArguments().SelectMany(Flatten).Prepend(type.GetGenericTypeDefinition()) : [type];
    }

    private static bool IsAllowedForControllers(Assembly dependency, Assembly controllers)
    {
        var name = dependency.GetName().Name!;
        return dependency == controllers
            || name is "PilotAssessment.Application.Contracts" or "PilotAssessment.Domain.Shared" or "netstandard" or "mscorlib"
            || name.StartsWith("System", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.Extensions", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.Net.Http.Headers", StringComparison.Ordinal);
    }

    /// <summary>
    /// Every public method of an application service (a class implementing <c>IApplicationService</c>) is covered by a
    /// permission declaration, its own or its class's; the pipeline refuses the others at every call.
    /// </summary>
    public static IReadOnlyList<string> UndeclaredServiceMethods(Assembly assembly, string scope = "PilotAssessment") =>
        Services.ApplicationServiceDeclarations.ServiceClasses(assembly)
            .Where(type => type.Namespace is { } ns && (ns == scope || ns.StartsWith(scope + ".", StringComparison.Ordinal)))
            .SelectMany(type => Services.ApplicationServiceDeclarations.PublicMethods(type)
                .Where(method => Services.ApplicationServiceDeclarations.Find(method) is null)
                .Select(method => $"{type.FullName}.{method.Name} declares no permission ([RequiresPermission], [RequiresSignIn] or [AllowAnonymousCall])"))
            .Distinct()
            .OrderBy(v => v, StringComparer.Ordinal)
            .ToList();

    /// <summary>Application services that do not derive from <see cref="Services.PilotAssessmentAppService"/> (and so inject tenant, user, clock and localizer one by one).</summary>
    public static IReadOnlyList<string> ServicesOffTheBase(Assembly assembly, string scope = "PilotAssessment") =>
        Services.ApplicationServiceDeclarations.ServiceClasses(assembly)
            .Where(type => type.Namespace is { } ns && (ns == scope || ns.StartsWith(scope + ".", StringComparison.Ordinal)))
            .Where(type => !typeof(Services.PilotAssessmentAppService).IsAssignableFrom(type))
            .Select(type => type.FullName!)
            .OrderBy(v => v, StringComparer.Ordinal)
            .ToList();

    /// <summary>The namespace <paramref name="scope"/> and those below it.</summary>
    private static string InScope(string scope) => "^" + System.Text.RegularExpressions.Regex.Escape(scope) + @"(\.|$)";

    private static IEnumerable<string> TypesDependingOn(Assembly assembly, string scope, string[] forbidden) =>
        Failing(Types.InAssembly(assembly).That().ResideInNamespaceMatching(InScope(scope)).ShouldNot().HaveDependencyOnAny(forbidden).GetResult())
            .Concat(TypesCatching(assembly, scope, forbidden))
            .Distinct();

    /// <summary>The dependency search does not read catch clauses; a caught exception type is a dependency too.</summary>
    private static IEnumerable<string> TypesCatching(Assembly assembly, string scope, string[] forbidden) =>
        assembly.GetTypes()
            .Where(type => type.Namespace is { } ns && (ns == scope || ns.StartsWith(scope + ".", StringComparison.Ordinal)))
            .Where(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .SelectMany(method => method.GetMethodBody()?.ExceptionHandlingClauses ?? [])
                .Any(clause => clause.Flags == ExceptionHandlingClauseOptions.Clause
                    && forbidden.Any(prefix => clause.CatchType?.FullName?.StartsWith(prefix + ".", StringComparison.Ordinal) == true)))
            .Select(type => type.FullName!.Replace('+', '/'));

    private static IEnumerable<string> Failing(TestResult result) =>
        result.IsSuccessful ? [] : (result.FailingTypes ?? []).Select(t => t.FullName);

    private static IEnumerable<string> ReferencedAssemblies(Assembly assembly, params string[] forbiddenPrefixes) =>
        assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => forbiddenPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            .Select(name => $"{assembly.GetName().Name} references {name}");

    /// <summary>
    /// Every namespace of the ASP.NET Core shared framework but Microsoft.AspNetCore.Identity (types directly in
    /// Microsoft.AspNetCore by their full names, since that namespace is the prefix of the allowed one).
    /// </summary>
    private static readonly Lazy<string[]> AspNetCoreExceptIdentity = new(() =>
    {
        var folder = Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly.Location)!;
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "Microsoft.AspNetCore*.dll"))
        {
            using var stream = File.OpenRead(file);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                continue;
            }

            var reader = pe.GetMetadataReader();
            foreach (var handle in reader.TypeDefinitions)
            {
                var type = reader.GetTypeDefinition(handle);
                var ns = reader.GetString(type.Namespace);
                if (ns == "Microsoft.AspNetCore")
                {
                    names.Add(ns + "." + reader.GetString(type.Name));
                }
                else if (ns.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal)
                    && ns != "Microsoft.AspNetCore.Identity" && !ns.StartsWith("Microsoft.AspNetCore.Identity.", StringComparison.Ordinal))
                {
                    names.Add(ns);
                }
            }
        }

        return [.. names];
    });
}

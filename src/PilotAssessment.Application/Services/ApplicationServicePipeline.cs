using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.Users;

namespace PilotAssessment.Services;

/// <summary>
/// Wraps every registered application service (a service type deriving from <see cref="IApplicationService"/>) in
/// <see cref="ApplicationServiceProxy"/>: each call through the interface is checked against its declaration, then
/// runs in a unit of work. Applied once, at the end of the application module; calling it again only wraps services
/// registered since (e.g. a test's own service).
/// </summary>
public static class ApplicationServicePipeline
{
    public static IServiceCollection AddApplicationServicePipeline(this IServiceCollection services)
    {
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.IsKeyedService
                || !descriptor.ServiceType.IsInterface
                || descriptor.ServiceType == typeof(IApplicationService)
                || !typeof(IApplicationService).IsAssignableFrom(descriptor.ServiceType)
                || descriptor.ImplementationFactory?.Target is Wrapped)
            {
                continue;
            }

            services[i] = ServiceDescriptor.Describe(descriptor.ServiceType, new Wrapped(descriptor).Create, descriptor.Lifetime);
        }

        return services;
    }

    private sealed class Wrapped(ServiceDescriptor inner)
    {
        public object Create(IServiceProvider services)
        {
            var target = inner.ImplementationInstance
                ?? inner.ImplementationFactory?.Invoke(services)
                ?? ActivatorUtilities.CreateInstance(services, inner.ImplementationType!);
            return ApplicationServiceProxy.Create(inner.ServiceType, target, services);
        }
    }
}

/// <summary>
/// The per-call pipeline of an application service, as ABP's authorization and unit-of-work interceptors:
/// <list type="number">
/// <item>the method's declaration (else its class's) is checked against the current principal through
/// <see cref="IPermissionChecker"/>: none at all refuses the call (403), a missing sign-in is 401, a missing
/// permission 403;</item>
/// <item>the outermost call opens a unit of work (<see cref="IUnitOfWorkManager"/>), transactional unless
/// <see cref="UnitOfWorkAttribute"/> or the method's name says it reads; nested calls join it. Success saves once and
/// commits; an exception rolls back and forgets every pending change.</item>
/// </list>
/// </summary>
public class ApplicationServiceProxy : DispatchProxy
{
    private static readonly ConcurrentDictionary<(Type Target, MethodInfo Method), CallPlan> Plans = new();

    private static readonly MethodInfo InvokeTypedMethod =
        typeof(ApplicationServiceProxy).GetMethod(nameof(InvokeTypedAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private object _target = default!;
    private IServiceProvider _services = default!;

    /// <summary>The wrapped service (for tests and diagnostics).</summary>
    public object Target => _target;

    public static object Create(Type serviceType, object target, IServiceProvider services)
    {
        var proxy = (ApplicationServiceProxy)Create(serviceType, typeof(ApplicationServiceProxy));
        proxy._target = target;
        proxy._services = services;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var plan = Plans.GetOrAdd((_target.GetType(), targetMethod!), key => CallPlan.For(key.Target, key.Method));
        if (plan.TypedInvoker is not null)
        {
            return plan.TypedInvoker.Invoke(this, BindingFlags.DoNotWrapExceptions, null, [plan, args], null);
        }

        if (plan.ReturnsTask)
        {
            return InvokeAsync(plan, args);
        }

        return InvokeSync(plan, args);
    }

    private async Task InvokeAsync(CallPlan plan, object?[]? args)
    {
        await AuthorizeAsync(plan);
        await using var unitOfWork = await UnitOfWorkManager.BeginAsync(plan.IsTransactional);
        await (Task)Call(plan, args)!;
        await unitOfWork.CompleteAsync();
    }

    private async Task<T> InvokeTypedAsync<T>(CallPlan plan, object?[]? args)
    {
        await AuthorizeAsync(plan);
        await using var unitOfWork = await UnitOfWorkManager.BeginAsync(plan.IsTransactional);
        var result = await (Task<T>)Call(plan, args)!;
        await unitOfWork.CompleteAsync();
        return result;
    }

    private object? InvokeSync(CallPlan plan, object?[]? args)
    {
        AuthorizeAsync(plan).GetAwaiter().GetResult();
        var unitOfWork = UnitOfWorkManager.BeginAsync(plan.IsTransactional).GetAwaiter().GetResult();
        try
        {
            var result = Call(plan, args);
            unitOfWork.CompleteAsync().GetAwaiter().GetResult();
            return result;
        }
        finally
        {
            unitOfWork.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private IUnitOfWorkManager UnitOfWorkManager => _services.GetRequiredService<IUnitOfWorkManager>();

    private object? Call(CallPlan plan, object?[]? args) =>
        plan.Implementation.Invoke(_target, BindingFlags.DoNotWrapExceptions, null, args, null);

    private async Task AuthorizeAsync(CallPlan plan)
    {
        var declaration = plan.Declaration
            ?? throw new ForbiddenException(PilotAssessmentErrorCodes.PermissionRequired);
        if (declaration.AllowsAnonymous)
        {
            return;
        }

        var principal = _services.GetRequiredService<ICurrentPrincipalAccessor>().Principal;
        if (principal?.Identity?.IsAuthenticated != true)
        {
            throw new AuthenticationFailedException(PilotAssessmentErrorCodes.Unauthorized);
        }

        if (declaration.RequiresSignIn)
        {
            return;
        }

        var checker = _services.GetRequiredService<IPermissionChecker>();
        foreach (var name in declaration.AnyOfPermissions)
        {
            if (await checker.IsGrantedAsync(principal, name))
            {
                return;
            }
        }

        throw new ForbiddenException(PilotAssessmentErrorCodes.PermissionRequired);
    }

    private sealed record CallPlan(MethodInfo Implementation, CallDeclaration? Declaration, bool IsTransactional, bool ReturnsTask, Type? ResultType, MethodInfo? TypedInvoker)
    {
        public static CallPlan For(Type targetType, MethodInfo interfaceMethod)
        {
            var map = targetType.GetInterfaceMap(interfaceMethod.DeclaringType!);
            var implementation = map.TargetMethods[Array.IndexOf(map.InterfaceMethods, interfaceMethod)];
            var returnType = interfaceMethod.ReturnType;
            var resultType = returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>)
                ? returnType.GetGenericArguments()[0]
                : null;
            return new CallPlan(
                implementation,
                ApplicationServiceDeclarations.Find(implementation),
                UnitOfWorkAttribute.IsTransactionalFor(implementation),
                typeof(Task).IsAssignableFrom(returnType),
                resultType,
                resultType is null ? null : InvokeTypedMethod.MakeGenericMethod(resultType));
        }
    }
}

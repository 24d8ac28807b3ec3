using PilotAssessment.Auditing;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.Permissions;
using PilotAssessment.Repositories;
using PilotAssessment.Tenants;
using PilotAssessment.Users;

namespace PilotAssessment.MultiTenancy;

/// <summary>
/// Sets the current tenant of a request: the signed-in user's own tenant; a host user holding
/// <see cref="PilotAssessmentPermissions.Tenants.ActInCity"/> may act inside a city named by the
/// <c>__tenant</c> header. A city user naming another city, or a deactivated city, is refused.
/// A refused <c>__tenant</c> request is recorded in the audit log (who, the city asked for, the answer).
/// The city's name and state come from <see cref="TenantStateCache"/>: a warm request reads nothing here.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next, IServiceScopeFactory scopeFactory, TimeProvider clock, ILogger<TenantResolutionMiddleware> logger)
{
    private readonly AuditLogWriter writer = new(scopeFactory, logger);

    public async Task InvokeAsync(HttpContext context, ICurrentTenant currentTenant, ICurrentUser currentUser,
        IPermissionChecker permissionChecker, TenantStateCache tenants)
    {
        Guid? tenantId;
        TenantStateCache.TenantState? tenant;
        try
        {
            (tenantId, tenant) = await ResolveAsync(context, currentUser, permissionChecker, tenants);
        }
        catch (BusinessException exception) when (!string.IsNullOrWhiteSpace(context.Request.Headers[MultiTenancyConsts.TenantHeaderName].ToString()))
        {
            var log = writer.Start(context, clock.GetUtcNow().UtcDateTime);
            log.HttpStatusCode = ExceptionStatusCodes.For(exception);
            log.UserId = currentUser.Id;
            log.UserName = currentUser.UserName;
            log.TenantId = currentUser.TenantId;
            log.Exception = AuditLogWriter.Truncate(
                $"{exception.GetType().Name}: {exception.Message} ({MultiTenancyConsts.TenantHeaderName}: {context.Request.Headers[MultiTenancyConsts.TenantHeaderName]})",
                AuditLog.MaxExceptionLength);
            await writer.SaveAsync(log);
            throw;
        }

        using (currentTenant.Change(tenantId, tenant?.Name))
        {
            await next(context);
        }
    }

    private static async Task<(Guid? TenantId, TenantStateCache.TenantState? Tenant)> ResolveAsync(HttpContext context, ICurrentUser currentUser, IPermissionChecker permissionChecker, TenantStateCache tenants)
    {
        var tenantId = currentUser.TenantId;
        var header = context.Request.Headers[MultiTenancyConsts.TenantHeaderName].ToString();

        if (currentUser.IsAuthenticated && !string.IsNullOrWhiteSpace(header))
        {
            if (!Guid.TryParse(header, out var requested))
            {
                throw new BusinessException(PilotAssessmentErrorCodes.TenantNotFound, header);
            }

            if (currentUser.TenantId is not null && currentUser.TenantId != requested)
            {
                throw new ForbiddenException(PilotAssessmentErrorCodes.TenantHeaderNotAllowed);
            }

            if (currentUser.TenantId is null && !await permissionChecker.IsGrantedAsync(context.User, PilotAssessmentPermissions.Tenants.ActInCity))
            {
                throw new ForbiddenException(PilotAssessmentErrorCodes.TenantHeaderNotAllowed);
            }

            tenantId = requested;
        }

        if (tenantId is null)
        {
            return (null, null);
        }

        var tenant = await tenants.FindAsync(tenantId.Value, context.RequestServices) ?? throw new EntityNotFoundException(typeof(Tenant), tenantId);
        if (!tenant.IsActive)
        {
            throw new ForbiddenException(PilotAssessmentErrorCodes.TenantInactive, tenant.Name);
        }

        return (tenantId, tenant);
    }
}

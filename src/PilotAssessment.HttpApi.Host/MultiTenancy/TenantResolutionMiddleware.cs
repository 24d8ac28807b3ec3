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
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ICurrentTenant currentTenant, ICurrentUser currentUser,
        IPermissionChecker permissionChecker, IRepository<Tenant> tenants)
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

        string? tenantName = null;
        if (tenantId is not null)
        {
            var tenant = await tenants.FindAsync(tenantId.Value) ?? throw new EntityNotFoundException(typeof(Tenant), tenantId);
            if (!tenant.IsActive)
            {
                throw new ForbiddenException(PilotAssessmentErrorCodes.TenantInactive, tenant.Name);
            }

            tenantName = tenant.Name;
        }

        using (currentTenant.Change(tenantId, tenantName))
        {
            await next(context);
        }
    }
}

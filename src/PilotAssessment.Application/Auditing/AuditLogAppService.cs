using AutoMapper.QueryableExtensions;
using PilotAssessment.Agreements;
using PilotAssessment.Data;
using PilotAssessment.Dtos;
using PilotAssessment.Identity;
using PilotAssessment.Tenants;
using PilotAssessment.Users;

namespace PilotAssessment.Auditing;

/// <summary>
/// Audit logs of the current tenant. A host user reads every city's logs (optionally one city's), which is
/// what the host's audit permission is for. A city never reads the changes of rows it cannot see itself: the
/// province's draft of its agreement (a new one or an amendment) stays out of its entity changes until issued.
/// </summary>
[RequiresPermission(PilotAssessmentPermissions.AuditLogs)]
public sealed class AuditLogAppService(
    ApplicationServiceContext context,
    IRepository<AuditLog> auditLogs,
    IRepository<EntityChange> entityChanges,
    IRepository<Agreement> agreements,
    IRepository<Tenant> tenants,
    IRepository<AppUser> users,
    AuditEventText eventText,
    IMapper mapper) : PilotAssessmentAppService(context), IAuditLogAppService
{
    public async Task<PagedResultDto<AuditLogDto>> GetListAsync(GetAuditLogsInput input)
    {
        using var _ = ReadAcrossCitiesIfHostReader();
        var query = auditLogs.Query();
        if (IsHostReader && input.TenantId is not null)
        {
            query = query.Where(a => a.TenantId == input.TenantId);
        }

        if (!string.IsNullOrWhiteSpace(input.UserName))
        {
            query = query.Where(a => a.UserName == input.UserName);
        }

        if (!string.IsNullOrWhiteSpace(input.HttpMethod))
        {
            query = query.Where(a => a.HttpMethod == input.HttpMethod.ToUpperInvariant());
        }

        if (input.HttpStatusCode is not null)
        {
            query = query.Where(a => a.HttpStatusCode == input.HttpStatusCode);
        }

        if (input.StartTime is not null)
        {
            query = query.Where(a => a.ExecutionTime >= input.StartTime);
        }

        if (input.EndTime is not null)
        {
            query = query.Where(a => a.ExecutionTime <= input.EndTime);
        }

        var total = await auditLogs.CountAsync(query);
        var logs = await auditLogs.ToListAsync(query.OrderByDescending(a => a.ExecutionTime).Skip(input.SkipCount).Take(input.MaxResultCount)
            .ProjectTo<AuditLogDto>(mapper.ConfigurationProvider));
        var ids = logs.Select(l => (Guid?)l.Id).ToList();
        var changes = await entityChanges.ToListAsync(await VisibleChangesAsync(entityChanges.Query().Where(c => ids.Contains(c.AuditLogId))));
        await LoadPropertyChangesAsync(changes);

        var cityIds = logs.Select(l => l.TenantId).OfType<Guid>().Distinct().ToList();
        var cities = (await tenants.ToListAsync(tenants.QueryReadOnly().Where(t => cityIds.Contains(t.Id)).Select(t => new { t.Id, t.DisplayName })))
            .ToDictionary(t => t.Id, t => t.DisplayName);
        var userIds = logs.Select(l => l.UserId).OfType<Guid>().Distinct().ToList();
        var names = (await users.ToListAsync(users.QueryReadOnly().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.Name })))
            .Where(u => !string.IsNullOrWhiteSpace(u.Name))
            .ToDictionary(u => u.Id, u => u.Name!);

        var items = logs.Select(l =>
        {
            var logChanges = mapper.Map<List<EntityChangeDto>>(changes.Where(c => c.AuditLogId == l.Id));
            var city = l.TenantId is { } c && cities.TryGetValue(c, out var n) ? n : null;
            var user = l.UserId is { } u && names.TryGetValue(u, out var name) ? name : null;
            return l with { EntityChanges = logChanges, CityName = city, Event = eventText.Describe(l, user, city, logChanges) };
        }).ToList();
        return new PagedResultDto<AuditLogDto>(total, items);
    }

    public async Task<PagedResultDto<EntityChangeDto>> GetEntityChangesAsync(GetEntityChangesInput input)
    {
        using var _ = ReadAcrossCitiesIfHostReader();
        var query = await VisibleChangesAsync(entityChanges.Query());
        if (!string.IsNullOrWhiteSpace(input.EntityId))
        {
            query = query.Where(c => c.EntityId == input.EntityId);
        }

        if (!string.IsNullOrWhiteSpace(input.EntityTypeFullName))
        {
            query = query.Where(c => c.EntityTypeFullName == input.EntityTypeFullName);
        }

        var total = await entityChanges.CountAsync(query);
        var items = await entityChanges.ToListAsync(query.OrderByDescending(c => c.ChangeTime).Skip(input.SkipCount).Take(input.MaxResultCount));
        await LoadPropertyChangesAsync(items);
        return new PagedResultDto<EntityChangeDto>(total, mapper.Map<List<EntityChangeDto>>(items));
    }

    /// <summary>A province user outside any city: stricter than <see cref="PilotAssessmentAppService.IsHost"/>, the user must be the province's too.</summary>
    private bool IsHostReader => CurrentUser.TenantId is null && IsHost;

    private IDisposable? ReadAcrossCitiesIfHostReader() => IsHostReader ? ReadAcrossCities() : null;

    /// <summary>Leaves out, for a city, the changes of its agreements still in draft at the province.</summary>
    private async Task<IQueryable<EntityChange>> VisibleChangesAsync(IQueryable<EntityChange> query)
    {
        if (IsHostReader)
        {
            return query;
        }

        var drafts = (await agreements.ToListAsync(agreements.QueryReadOnly().Where(a => a.Status == AgreementStatus.Draft).Select(a => a.Id)))
            .Select(id => id.ToString())
            .ToList();
        var agreementType = typeof(Agreement).FullName!;
        return drafts.Count == 0 ? query : query.Where(c => !(c.EntityTypeFullName == agreementType && drafts.Contains(c.EntityId)));
    }

    private async Task LoadPropertyChangesAsync(List<EntityChange> changes)
    {
        var ids = changes.Select(c => c.Id).ToList();
        // One query for all property changes (no N+1); the change tracker attaches them to their entity changes.
        await entityChanges.ToListAsync(entityChanges.Query().Where(c => ids.Contains(c.Id)).SelectMany(c => c.PropertyChanges));
    }
}

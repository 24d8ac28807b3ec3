using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PilotAssessment.Auditing;
using PilotAssessment.Data;
using PilotAssessment.Entities;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Users;

namespace PilotAssessment.EntityFrameworkCore;

/// <summary>
/// Before every save: stamps tenant and audit properties, turns deletes of soft-deletable entities into
/// updates, rotates concurrency stamps, refuses writes to another tenant's rows, and adds the entity-change
/// history to the same save, so history and change commit in one transaction.
/// </summary>
public sealed class AuditingSaveChangesInterceptor(
    ICurrentTenant currentTenant,
    ICurrentUser currentUser,
    IDataFilter dataFilter,
    IAuditScope auditScope,
    TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> MaskedProperties = ["PasswordHash", "SecurityStamp", "TokenHash"];
    private static readonly HashSet<string> IgnoredProperties = ["ConcurrencyStamp"];

    // Entities stamped by StampEarly since the last save: the save does not stamp them again.
    private readonly HashSet<object> _stampedEarly = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Stamps an inserted or updated entity now as its save will (tenant, creation or modification time and user, a
    /// new concurrency stamp checked against the one the caller read), for a write that waits for its unit of work:
    /// what the service returns is what will be stored.
    /// </summary>
    public void StampEarly(DbContext context, object entity)
    {
        var entry = context.Entry(entity);
        if (entry.State is not (EntityState.Added or EntityState.Modified) || _stampedEarly.Contains(entity))
        {
            return;
        }

        if (entry.State == EntityState.Added && entity is IMultiTenant { TenantId: null } multiTenant && currentTenant.Id is not null)
        {
            multiTenant.TenantId = currentTenant.Id;
        }

        StampAudit(entry, clock.GetUtcNow().UtcDateTime);
        _stampedEarly.Add(entity);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Apply(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Apply(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private void Apply(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow().UtcDateTime;
        var changes = new List<EntityChange>();

        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            GuardTenant(entry);
            var changeType = (_stampedEarly.Contains(entry.Entity), entry.State) switch
            {
                (true, EntityState.Added) => EntityChangeType.Created,
                (true, EntityState.Modified) => ChangeTypeOfModified(entry),
                _ => StampAudit(entry, now),
            };
            if (changeType is not null && !entry.Metadata.ClrType.IsDefined(typeof(DisableEntityChangeAuditAttribute), inherit: true))
            {
                changes.Add(CreateEntityChange(entry, changeType.Value, now));
            }
        }

        foreach (var change in changes)
        {
            context.Add(change);
        }

        _stampedEarly.Clear();
    }

    private static EntityChangeType ChangeTypeOfModified(EntityEntry entry) =>
        entry.Entity is ISoftDelete { IsDeleted: true } && IsModified(entry, nameof(ISoftDelete.IsDeleted))
            ? EntityChangeType.Deleted
            : EntityChangeType.Updated;

    private void GuardTenant(EntityEntry entry)
    {
        if (entry.Entity is not IMultiTenant multiTenant)
        {
            return;
        }

        if (entry.State == EntityState.Added && multiTenant.TenantId is null && currentTenant.Id is not null)
        {
            multiTenant.TenantId = currentTenant.Id;
        }

        var ownerTenantId = entry.State == EntityState.Added
            ? multiTenant.TenantId
            : (Guid?)entry.Property(nameof(IMultiTenant.TenantId)).OriginalValue;

        var tenantChanged = entry.State == EntityState.Modified && ownerTenantId != multiTenant.TenantId;
        var foreignTenant = ownerTenantId != currentTenant.Id && dataFilter.IsEnabled<IMultiTenant>();
        if (tenantChanged || foreignTenant)
        {
            throw new ForbiddenException(PilotAssessmentErrorCodes.CrossTenantWrite);
        }
    }

    private EntityChangeType? StampAudit(EntityEntry entry, DateTime now)
    {
        switch (entry.State)
        {
            case EntityState.Added:
                if (entry.Entity is IHasCreationTime created)
                {
                    created.CreationTime = now;
                    created.CreatorId ??= currentUser.Id;
                }

                return EntityChangeType.Created;

            case EntityState.Modified:
                StampModification(entry, now);
                return ChangeTypeOfModified(entry);

            case EntityState.Deleted when entry.Entity is ISoftDelete softDelete:
                entry.State = EntityState.Modified;
                softDelete.IsDeleted = true;
                if (entry.Entity is IHasDeletionTime deleted)
                {
                    deleted.DeletionTime = now;
                    deleted.DeleterId = currentUser.Id;
                }

                StampModification(entry, now);
                return EntityChangeType.Deleted;

            case EntityState.Deleted:
                return EntityChangeType.Deleted;

            default:
                return null;
        }
    }

    private void StampModification(EntityEntry entry, DateTime now)
    {
        if (entry.Entity is IHasModificationTime modified)
        {
            modified.LastModificationTime = now;
            modified.LastModifierId = currentUser.Id;
        }

        // Stamped early (then deleted in the same unit of work): the stamp checked is still the one the caller read.
        if (entry.Entity is IHasConcurrencyStamp stamped && !_stampedEarly.Contains(entry.Entity))
        {
            // The stamp the caller last read (set on the entity from its input) must still be the stored one.
            entry.Property(nameof(IHasConcurrencyStamp.ConcurrencyStamp)).OriginalValue = stamped.ConcurrencyStamp;
            stamped.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        }
    }

    private static bool IsModified(EntityEntry entry, string propertyName) =>
        entry.Property(propertyName) is { IsModified: true } property && !Equals(property.OriginalValue, property.CurrentValue);

    private EntityChange CreateEntityChange(EntityEntry entry, EntityChangeType changeType, DateTime now)
    {
        var tenantId = (entry.Entity as IMultiTenant)?.TenantId ?? currentTenant.Id;
        var id = entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue));
        var change = new EntityChange(tenantId, TypeName(entry.Metadata.ClrType), string.Join(",", id), changeType, now)
        {
            AuditLogId = auditScope.AuditLogId,
            UserId = currentUser.Id,
            EntityDisplayName = DisplayName(entry),
        };

        foreach (var property in entry.Properties)
        {
            if (property.Metadata.IsPrimaryKey() || property.Metadata.IsShadowProperty() || IgnoredProperties.Contains(property.Metadata.Name))
            {
                continue;
            }

            var original = changeType == EntityChangeType.Created ? null : Format(property.OriginalValue);
            var current = changeType == EntityChangeType.Deleted && entry.State == EntityState.Deleted ? null : Format(property.CurrentValue);
            if (original == current)
            {
                continue;
            }

            var masked = MaskedProperties.Contains(property.Metadata.Name)
                || property.Metadata.PropertyInfo?.IsDefined(typeof(MaskedInAuditAttribute)) == true;
            change.PropertyChanges.Add(masked
                ? new EntityPropertyChange(property.Metadata.Name, original is null ? null : "***", current is null ? null : "***")
                : new EntityPropertyChange(property.Metadata.Name, original, current));
        }

        return change;
    }

    // The first of these a person would name the entity by: B04, 兰州市, 2026年第一季度, the agreement's title.
    private static readonly string[] DisplayNameProperties = ["IndicatorCode", "DisplayName", "Name", "Title", "UserName", "Code"];

    private static string? DisplayName(EntityEntry entry)
    {
        var name = DisplayNameProperties
            .Select(n => entry.Metadata.FindProperty(n))
            .Where(p => p is not null && p.ClrType == typeof(string))
            .Select(p => entry.Property(p!.Name).CurrentValue as string)
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        return name is null ? null : name.Length <= EntityChange.MaxDisplayNameLength ? name : name[..EntityChange.MaxDisplayNameLength];
    }

    // Generic Identity types have assembly-qualified full names; keep them readable, e.g. Microsoft.AspNetCore.Identity.IdentityUserRole<Guid>.
    private static string TypeName(Type type) => type.IsGenericType
        ? $"{type.Namespace}.{type.Name.Split('`')[0]}<{string.Join(",", type.GetGenericArguments().Select(a => a.Name))}>"
        : type.FullName!;

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

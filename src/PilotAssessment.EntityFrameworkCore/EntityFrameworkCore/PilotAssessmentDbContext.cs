using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using PilotAssessment.Auditing;
using PilotAssessment.Data;
using PilotAssessment.Entities;
using PilotAssessment.Identity;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Permissions;
using PilotAssessment.Tenants;

namespace PilotAssessment.EntityFrameworkCore;

/// <summary>
/// The product's single DbContext. Every <see cref="IMultiTenant"/> entity is filtered to the current tenant
/// and every <see cref="ISoftDelete"/> entity hides deleted rows, unless <see cref="IDataFilter"/> disables it.
/// Provider-specific subclasses exist only to keep each provider's migrations apart.
/// Contexts come from a pool (their EF services are built once, not per request): each lease is given the tenant
/// and filter state and the services of the scope that leased it (<see cref="Lease"/>).
/// </summary>
public abstract class PilotAssessmentDbContext(DbContextOptions options) : IdentityDbContext<AppUser, AppRole, Guid>(options)
{
    private ICurrentTenant? _currentTenant;
    private IDataFilter? _dataFilter;

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<PermissionGrant> PermissionGrants => Set<PermissionGrant>();

    public DbSet<AuditLog> AuditLogs => Set<AuditLog>();

    public DbSet<EntityChange> EntityChanges => Set<EntityChange>();

    public DbSet<EntityPropertyChange> EntityPropertyChanges => Set<EntityPropertyChange>();

    public ICurrentTenant CurrentTenant => _currentTenant ?? throw new InvalidOperationException("The context was not leased: take it from the scope's services.");

    /// <summary>The services of the scope (request, job run, seed) that leased this context; the save interceptors resolve their scoped state here.</summary>
    internal IServiceProvider? LeaseServices { get; private set; }

    // Read by the query filters on every query, so a filter scope opened after this context was created still applies.
    protected Guid? CurrentTenantId => CurrentTenant.Id;

    protected bool IsMultiTenantFilterEnabled => _dataFilter!.IsEnabled<IMultiTenant>();

    protected bool IsSoftDeleteFilterEnabled => _dataFilter!.IsEnabled<ISoftDelete>();

    /// <summary>Gives the context the ambient tenant and data filters, and the leasing scope's services (none outside a scope).</summary>
    public PilotAssessmentDbContext Lease(ICurrentTenant currentTenant, IDataFilter dataFilter, IServiceProvider? leaseServices = null)
    {
        _currentTenant = currentTenant;
        _dataFilter = dataFilter;
        LeaseServices = leaseServices;
        return this;
    }

    // Back in the pool, the context no longer holds on to the scope that leased it.
    public override void Dispose()
    {
        LeaseServices = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        LeaseServices = null;
        return base.DisposeAsync();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
        configurationBuilder.Properties<string>().HaveMaxLength(256);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PilotAssessmentDbContext).Assembly);

        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => t.BaseType is null))
        {
            var filter = BuildQueryFilter(entityType.ClrType);
            if (filter is not null)
            {
                builder.Entity(entityType.ClrType).HasQueryFilter(filter);
            }
        }
    }

    private LambdaExpression? BuildQueryFilter(Type entityClrType)
    {
        var isMultiTenant = typeof(IMultiTenant).IsAssignableFrom(entityClrType);
        var isSoftDelete = typeof(ISoftDelete).IsAssignableFrom(entityClrType);
        if (!isMultiTenant && !isSoftDelete)
        {
            return null;
        }

        var method = typeof(PilotAssessmentDbContext)
            .GetMethod(nameof(CreateFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .MakeGenericMethod(entityClrType);
        return (LambdaExpression)method.Invoke(this, [isMultiTenant, isSoftDelete])!;
    }

    private Expression<Func<TEntity, bool>> CreateFilter<TEntity>(bool isMultiTenant, bool isSoftDelete)
    {
        Expression<Func<TEntity, bool>>? filter = null;
        if (isSoftDelete)
        {
            filter = e => !IsSoftDeleteFilterEnabled || !EF.Property<bool>(e!, nameof(ISoftDelete.IsDeleted));
        }

        if (isMultiTenant)
        {
            Expression<Func<TEntity, bool>> tenantFilter =
                e => !IsMultiTenantFilterEnabled || EF.Property<Guid?>(e!, nameof(IMultiTenant.TenantId)) == CurrentTenantId;
            filter = filter is null ? tenantFilter : Combine(filter, tenantFilter);
        }

        return filter!;
    }

    private static Expression<Func<T, bool>> Combine<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right)
    {
        var parameter = left.Parameters[0];
        var rightBody = new ReplaceParameter(right.Parameters[0], parameter).Visit(right.Body);
        return Expression.Lambda<Func<T, bool>>(Expression.AndAlso(left.Body, rightBody), parameter);
    }

    private sealed class ReplaceParameter(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

public sealed class SqlitePilotAssessmentDbContext(DbContextOptions<SqlitePilotAssessmentDbContext> options) : PilotAssessmentDbContext(options);

public sealed class MySqlPilotAssessmentDbContext(DbContextOptions<MySqlPilotAssessmentDbContext> options) : PilotAssessmentDbContext(options);

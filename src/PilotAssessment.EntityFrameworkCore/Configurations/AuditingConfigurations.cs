using PilotAssessment.Auditing;

namespace PilotAssessment.EntityFrameworkCore.Configurations;

internal sealed class AuditLogConfiguration : IEntityTypeConfiguration<AuditLog>
{
    public void Configure(EntityTypeBuilder<AuditLog> builder)
    {
        builder.ToTable("AuditLogs");
        builder.Property(a => a.HttpMethod).HasMaxLength(16).IsRequired();
        builder.Property(a => a.Url).HasMaxLength(AuditLog.MaxUrlLength).IsRequired();
        builder.Property(a => a.Exception).HasMaxLength(AuditLog.MaxExceptionLength);
        builder.Property(a => a.ClientIpAddress).HasMaxLength(64);
        builder.Property(a => a.CorrelationId).HasMaxLength(64);
        builder.Property(a => a.Action).HasMaxLength(AuditLog.MaxActionLength);
        builder.HasIndex(a => new { a.TenantId, a.ExecutionTime });
    }
}

internal sealed class EntityChangeConfiguration : IEntityTypeConfiguration<EntityChange>
{
    public void Configure(EntityTypeBuilder<EntityChange> builder)
    {
        builder.ToTable("EntityChanges");
        builder.Property(c => c.EntityTypeFullName).HasMaxLength(256).IsRequired();
        builder.Property(c => c.EntityId).HasMaxLength(128).IsRequired();
        builder.Property(c => c.EntityDisplayName).HasMaxLength(EntityChange.MaxDisplayNameLength);
        builder.HasMany(c => c.PropertyChanges).WithOne().HasForeignKey(p => p.EntityChangeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.TenantId, c.EntityId });
        builder.HasIndex(c => c.AuditLogId);
    }
}

internal sealed class EntityPropertyChangeConfiguration : IEntityTypeConfiguration<EntityPropertyChange>
{
    public void Configure(EntityTypeBuilder<EntityPropertyChange> builder)
    {
        builder.ToTable("EntityPropertyChanges");
        builder.Property(p => p.PropertyName).HasMaxLength(128).IsRequired();
        builder.Property(p => p.OriginalValue).HasMaxLength(EntityChange.MaxValueLength);
        builder.Property(p => p.NewValue).HasMaxLength(EntityChange.MaxValueLength);
    }
}

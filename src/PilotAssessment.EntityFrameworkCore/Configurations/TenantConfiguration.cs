using PilotAssessment.Tenants;

namespace PilotAssessment.EntityFrameworkCore.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("Tenants");
        builder.Property(t => t.Name).HasMaxLength(Tenant.MaxNameLength).IsRequired();
        builder.Property(t => t.NormalizedName).HasMaxLength(Tenant.MaxNameLength).IsRequired();
        builder.Property(t => t.DisplayName).HasMaxLength(Tenant.MaxDisplayNameLength).IsRequired();
        builder.Property(t => t.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
        builder.HasIndex(t => t.NormalizedName).IsUnique();
    }
}

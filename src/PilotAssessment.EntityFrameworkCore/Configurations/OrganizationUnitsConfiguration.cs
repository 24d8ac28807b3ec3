using PilotAssessment.OrganizationUnits;

namespace PilotAssessment.EntityFrameworkCore.Configurations;

internal sealed class OrganizationUnitsConfiguration : IEntityTypeConfiguration<OrganizationUnit>, IEntityTypeConfiguration<UnitMember>
{
    public void Configure(EntityTypeBuilder<OrganizationUnit> builder)
    {
        builder.ToTable("OrganizationUnits");
        builder.Property(u => u.Code).HasMaxLength(OrganizationUnitConsts.MaxCodeLength).IsRequired();
        builder.Property(u => u.Name).HasMaxLength(OrganizationUnitConsts.MaxNameLength).IsRequired();
        builder.Property(u => u.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(u => u.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
        builder.Ignore(u => u.IsClosed);
        builder.HasIndex(u => new { u.TenantId, u.Code });
        builder.HasIndex(u => new { u.TenantId, u.ParentId });
    }

    public void Configure(EntityTypeBuilder<UnitMember> builder)
    {
        builder.ToTable("OrganizationUnitMembers");
        builder.HasIndex(m => new { m.TenantId, m.UnitId, m.UserId }).IsUnique();
        builder.HasIndex(m => new { m.TenantId, m.UserId });
    }
}

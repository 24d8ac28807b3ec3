using PilotAssessment.Identity;
using PilotAssessment.Permissions;

namespace PilotAssessment.EntityFrameworkCore.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        // Identity makes user names unique across the whole table; here they are unique per tenant,
        // so the same user name may exist in two cities.
        RemoveIndex(builder, nameof(AppUser.NormalizedUserName));
        builder.HasIndex(u => new { u.TenantId, u.NormalizedUserName }).IsUnique().HasDatabaseName("IX_Users_Tenant_UserName");
        builder.HasIndex(u => new { u.TenantId, u.NormalizedEmail });
        builder.Property(u => u.Name).HasMaxLength(64);
    }

    internal static void RemoveIndex<T>(EntityTypeBuilder<T> builder, string propertyName)
        where T : class
    {
        var index = builder.Metadata.GetIndexes().FirstOrDefault(i => i.Properties.Count == 1 && i.Properties[0].Name == propertyName);
        if (index is not null)
        {
            builder.Metadata.RemoveIndex(index);
        }
    }
}

internal sealed class AppRoleConfiguration : IEntityTypeConfiguration<AppRole>
{
    public void Configure(EntityTypeBuilder<AppRole> builder)
    {
        AppUserConfiguration.RemoveIndex(builder, nameof(AppRole.NormalizedName));
        builder.HasIndex(r => new { r.TenantId, r.NormalizedName }).IsUnique().HasDatabaseName("IX_Roles_Tenant_Name");
    }
}

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> builder)
    {
        builder.ToTable("RefreshTokens");
        builder.Property(t => t.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.UserId);
        builder.HasIndex(t => t.FamilyId);
        builder.Property(t => t.Version).IsConcurrencyToken();
    }
}

internal sealed class PermissionGrantConfiguration : IEntityTypeConfiguration<PermissionGrant>
{
    public void Configure(EntityTypeBuilder<PermissionGrant> builder)
    {
        builder.ToTable("PermissionGrants");
        builder.Property(g => g.RoleName).HasMaxLength(64).IsRequired();
        builder.Property(g => g.Name).HasMaxLength(128).IsRequired();
        builder.HasIndex(g => new { g.TenantId, g.RoleName, g.Name }).IsUnique();
    }
}

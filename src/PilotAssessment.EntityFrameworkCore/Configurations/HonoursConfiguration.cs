using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PilotAssessment.Honours;

namespace PilotAssessment.EntityFrameworkCore.Configurations;

internal sealed class HonoursConfiguration :
    IEntityTypeConfiguration<HonourRule>,
    IEntityTypeConfiguration<HonourAward>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<HonourRule> builder)
    {
        builder.ToTable("HonourRules");
        builder.Property(r => r.SeriesName).HasMaxLength(HonourConsts.MaxSeriesLength).IsRequired();
        builder.Property(r => r.Name).HasMaxLength(HonourConsts.MaxNameLength).IsRequired();
        builder.Property(r => r.NameEn).HasMaxLength(HonourConsts.MaxNameLength);
        builder.Property(r => r.Grade).HasMaxLength(HonourConsts.MaxGradeLength).IsRequired();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
        builder.HasIndex(r => r.SeriesName);
    }

    public void Configure(EntityTypeBuilder<HonourAward> builder)
    {
        builder.ToTable("HonourAwards");
        builder.Property(a => a.Name).HasMaxLength(HonourConsts.MaxNameLength).IsRequired();
        builder.Property(a => a.NameEn).HasMaxLength(HonourConsts.MaxNameLength);
        builder.Property(a => a.Key).HasMaxLength(HonourConsts.MaxKeyLength).IsRequired();
        builder.Property(a => a.RevokeReason).HasMaxLength(HonourConsts.MaxReasonLength);
        builder.Property(a => a.RevokedByName).HasMaxLength(256);
        builder.Property(a => a.RevocationKind).HasConversion<string>().HasMaxLength(24);
        builder.Property(a => a.PeriodIds)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                s => JsonSerializer.Deserialize<List<Guid>>(s, Json) ?? new List<Guid>(),
                new ValueComparer<List<Guid>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, g) => HashCode.Combine(h, g)), v => v.ToList()))
            .Metadata.SetMaxLength(null);
        builder.Property(a => a.Years)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                s => JsonSerializer.Deserialize<List<int>>(s, Json) ?? new List<int>(),
                new ValueComparer<List<int>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, g) => HashCode.Combine(h, g)), v => v.ToList()))
            .HasMaxLength(512);
        builder.Ignore(a => a.IsActive);
        builder.HasIndex(a => new { a.TenantId, a.RuleId });
        builder.HasIndex(a => a.RuleId);
    }
}

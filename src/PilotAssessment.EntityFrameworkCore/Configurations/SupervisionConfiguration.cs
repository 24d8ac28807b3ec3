using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PilotAssessment.Supervision;

namespace PilotAssessment.EntityFrameworkCore.Configurations;

internal sealed class SupervisionConfiguration :
    IEntityTypeConfiguration<SupervisionRound>,
    IEntityTypeConfiguration<Problem>,
    IEntityTypeConfiguration<ProblemEvent>,
    IEntityTypeConfiguration<ProblemEvidence>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<SupervisionRound> builder)
    {
        builder.ToTable("SupervisionRounds");
        builder.Property(r => r.Name).HasMaxLength(SupervisionConsts.MaxNameLength).IsRequired();
        builder.Property(r => r.PeriodLabel).HasMaxLength(SupervisionConsts.MaxNameLength).IsRequired();
        builder.Property(r => r.Note).HasMaxLength(SupervisionConsts.MaxTextLength);
        builder.Property(r => r.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
        builder.Property(r => r.Visits)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                s => JsonSerializer.Deserialize<List<RoundVisit>>(s, Json) ?? new List<RoundVisit>(),
                new ValueComparer<List<RoundVisit>>((a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json), v => JsonSerializer.Serialize(v, Json).GetHashCode(), v => v.ToList()))
            .Metadata.SetMaxLength(null);
        builder.Property(r => r.MemberUserIds)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                s => JsonSerializer.Deserialize<List<Guid>>(s, Json) ?? new List<Guid>(),
                new ValueComparer<List<Guid>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, g) => HashCode.Combine(h, g)), v => v.ToList()))
            .Metadata.SetMaxLength(null);
    }

    public void Configure(EntityTypeBuilder<Problem> builder)
    {
        builder.ToTable("Problems");
        builder.Property(p => p.Title).HasMaxLength(SupervisionConsts.MaxTitleLength).IsRequired();
        builder.Property(p => p.Description).HasMaxLength(SupervisionConsts.MaxTextLength + SupervisionConsts.MaxTitleLength + 256);
        builder.Property(p => p.Category).HasMaxLength(SupervisionConsts.MaxCategoryLength).IsRequired();
        builder.Property(p => p.Severity).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(p => p.IndicatorCode).HasMaxLength(SupervisionConsts.MaxCodeLength);
        builder.Property(p => p.CategoryCode).HasMaxLength(SupervisionConsts.MaxCodeLength);
        builder.Property(p => p.RectificationNote).HasMaxLength(SupervisionConsts.MaxTextLength);
        builder.Property(p => p.RejectReason).HasMaxLength(SupervisionConsts.MaxReasonLength);
        builder.Property(p => p.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
        builder.Ignore(p => p.IsRepeat);
        builder.Ignore(p => p.IsOpen);
        builder.HasIndex(p => new { p.TenantId, p.Status });
        builder.HasIndex(p => new { p.TenantId, p.UnitId });
        builder.HasIndex(p => p.RoundId);
    }

    public void Configure(EntityTypeBuilder<ProblemEvent> builder)
    {
        builder.ToTable("ProblemEvents");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.Note).HasMaxLength(SupervisionConsts.MaxTextLength);
        builder.HasIndex(e => new { e.TenantId, e.ProblemId });
    }

    public void Configure(EntityTypeBuilder<ProblemEvidence> builder)
    {
        builder.ToTable("ProblemEvidence");
        builder.Property(e => e.FileName).HasMaxLength(SupervisionConsts.MaxFileNameLength).IsRequired();
        builder.Property(e => e.ContentType).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Stage).HasConversion<string>().HasMaxLength(16);

        // MySQL's default blob is 64 KB; a file is up to 10 MB.
        builder.Property(e => e.Content).IsRequired().HasMaxLength((int)SupervisionConsts.MaxEvidenceBytes);
        builder.HasIndex(e => new { e.TenantId, e.ProblemId });
    }
}

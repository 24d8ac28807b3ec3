using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PilotAssessment.Agreements;

namespace PilotAssessment.EntityFrameworkCore.Configurations;

internal sealed class AgreementsConfiguration :
    IEntityTypeConfiguration<Agreement>,
    IEntityTypeConfiguration<AgreementAttachment>,
    IEntityTypeConfiguration<AgreementAttachmentContent>,
    IEntityTypeConfiguration<KeyTaskProgress>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.ToTable("Agreements");
        builder.Property(a => a.Title).HasMaxLength(AgreementConsts.MaxTitleLength).IsRequired();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.SignedByName).HasMaxLength(64);
        builder.Property(a => a.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();

        // The content is an immutable value replaced as a whole; compare by reference.
        builder.Property(a => a.Content)
            .HasConversion(
                c => JsonSerializer.Serialize(c, Json),
                s => JsonSerializer.Deserialize<AgreementContent>(s, Json) ?? new AgreementContent(),
                new ValueComparer<AgreementContent>((a, b) => ReferenceEquals(a, b), c => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(c), c => c))
            .Metadata.SetMaxLength(null);
        builder.HasIndex(a => new { a.TenantId, a.Year, a.SeriesId, a.Version });
    }

    public void Configure(EntityTypeBuilder<AgreementAttachment> builder)
    {
        builder.ToTable("AgreementAttachments");
        builder.Property(a => a.FileName).HasMaxLength(AgreementConsts.MaxFileNameLength).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(64).IsRequired();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(a => new { a.TenantId, a.AgreementId });
    }

    public void Configure(EntityTypeBuilder<AgreementAttachmentContent> builder)
    {
        builder.ToTable("AgreementAttachmentContents");

        // MySQL's default blob is 64 KB; a scan is up to 10 MB.
        builder.Property(a => a.Bytes).IsRequired().HasMaxLength((int)AgreementConsts.MaxAttachmentBytes);
    }

    public void Configure(EntityTypeBuilder<KeyTaskProgress> builder)
    {
        builder.ToTable("KeyTaskProgress");
        builder.Property(p => p.TaskCode).HasMaxLength(AgreementConsts.MaxCodeLength).IsRequired();
        builder.Property(p => p.Milestone).HasMaxLength(AgreementConsts.MaxTitleLength);
        builder.Property(p => p.Note).HasMaxLength(1000);
        builder.HasIndex(p => new { p.TenantId, p.SeriesId, p.TaskCode });
    }
}

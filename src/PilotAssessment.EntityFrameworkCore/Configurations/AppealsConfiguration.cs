using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PilotAssessment.Appeals;
using PilotAssessment.DataEntry;

namespace PilotAssessment.EntityFrameworkCore.Configurations;

internal sealed class PeriodPublicityConfiguration : IEntityTypeConfiguration<PeriodPublicity>
{
    public void Configure(EntityTypeBuilder<PeriodPublicity> builder)
    {
        builder.ToTable("PeriodPublicities");
        builder.Ignore(p => p.EndsAtLocal);
        builder.Property(p => p.ClosedReason).HasMaxLength(AppealConsts.MaxReasonLength);
        builder.HasIndex(p => p.PeriodId);
    }
}

internal sealed class AppealConfiguration : IEntityTypeConfiguration<Appeal>
{
    public void Configure(EntityTypeBuilder<Appeal> builder)
    {
        builder.ToTable("Appeals");
        builder.Ignore(a => a.IsTotal);
        builder.Property(a => a.IndicatorCode).HasMaxLength(32);
        builder.Property(a => a.DecidedIndicatorCode).HasMaxLength(32);
        builder.Property(a => a.Reason).HasMaxLength(AppealConsts.MaxReasonLength).IsRequired();
        builder.Property(a => a.DecisionReason).HasMaxLength(AppealConsts.MaxReasonLength);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(a => new { a.PeriodId, a.TenantId });
    }
}

internal sealed class AppealEvidenceConfiguration : IEntityTypeConfiguration<AppealEvidence>
{
    public void Configure(EntityTypeBuilder<AppealEvidence> builder)
    {
        builder.ToTable("AppealEvidence");
        builder.Property(f => f.FileName).HasMaxLength(DataEntryConsts.MaxFileNameLength).IsRequired();
        builder.Property(f => f.ContentType).HasMaxLength(128).IsRequired();
        builder.Property(f => f.Content).IsRequired();
        builder.HasIndex(f => f.AppealId);
    }
}

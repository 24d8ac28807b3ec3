using PilotAssessment.Periods;

namespace PilotAssessment.EntityFrameworkCore.Configurations;

internal sealed class AssessmentPeriodConfiguration : IEntityTypeConfiguration<AssessmentPeriod>
{
    public void Configure(EntityTypeBuilder<AssessmentPeriod> builder)
    {
        builder.ToTable("AssessmentPeriods");
        builder.Property(p => p.Name).HasMaxLength(PeriodConsts.MaxNameLength).IsRequired();
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
        builder.Property(p => p.EarlyCloseReason).HasMaxLength(PeriodConsts.MaxReasonLength);
        builder.Property(p => p.PublicationWithdrawReason).HasMaxLength(PeriodConsts.MaxReasonLength);
        builder.Ignore(p => p.Sequence);
        builder.HasIndex(p => new { p.SchemeId, p.Kind, p.Year, p.Number });
        builder.HasIndex(p => p.Status);
    }
}

internal sealed class PeriodLockExceptionConfiguration : IEntityTypeConfiguration<PeriodLockException>
{
    public void Configure(EntityTypeBuilder<PeriodLockException> builder)
    {
        builder.ToTable("PeriodLockExceptions");
        builder.Property(e => e.Reason).HasMaxLength(PeriodConsts.MaxReasonLength).IsRequired();
        builder.HasIndex(e => new { e.PeriodId, e.CityId });
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.Property(n => n.Key).HasMaxLength(128).IsRequired();
        builder.Property(n => n.Title).IsRequired();
        builder.Property(n => n.Body).HasMaxLength(2000).IsRequired();
        builder.HasIndex(n => new { n.TenantId, n.UserId, n.Key }).IsUnique();
    }
}

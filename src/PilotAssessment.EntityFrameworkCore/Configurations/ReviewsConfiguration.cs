using PilotAssessment.DataEntry;
using PilotAssessment.Reviews;

namespace PilotAssessment.EntityFrameworkCore.Configurations;

internal sealed class CitySubmissionConfiguration : IEntityTypeConfiguration<CitySubmission>
{
    public void Configure(EntityTypeBuilder<CitySubmission> builder)
    {
        builder.ToTable("CitySubmissions");
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.ReturnComment).HasMaxLength(DataEntryConsts.MaxNoteLength);
        builder.Property(s => s.WithdrawReason).HasMaxLength(DataEntryConsts.MaxNoteLength);
        builder.Property(s => s.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
        builder.Ignore(s => s.CityMayEdit);
        builder.HasIndex(s => new { s.TenantId, s.PeriodId }).IsUnique();

        // A period's submissions of every city (review queue, province averages, completeness, monitoring).
        builder.HasIndex(s => new { s.PeriodId, s.Status });
    }
}

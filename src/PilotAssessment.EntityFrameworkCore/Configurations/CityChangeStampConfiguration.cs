using PilotAssessment.Results;

namespace PilotAssessment.EntityFrameworkCore.Configurations;

internal sealed class CityChangeStampConfiguration : IEntityTypeConfiguration<CityChangeStamp>
{
    public void Configure(EntityTypeBuilder<CityChangeStamp> builder)
    {
        builder.ToTable("CityChangeStamps");

        // The upsert of CityChangeStampWriter conflicts on this key.
        builder.HasIndex(s => new { s.PeriodId, s.TenantId }).IsUnique();
    }
}

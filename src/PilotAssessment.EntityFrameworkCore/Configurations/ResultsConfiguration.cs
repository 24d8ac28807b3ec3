using PilotAssessment.DataEntry;
using PilotAssessment.Results;

namespace PilotAssessment.EntityFrameworkCore.Configurations;

internal sealed class ScoreSheetRecordConfiguration : IEntityTypeConfiguration<ScoreSheetRecord>
{
    public void Configure(EntityTypeBuilder<ScoreSheetRecord> builder)
    {
        builder.ToTable("ScoreSheets");
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.Reason).HasMaxLength(DataEntryConsts.MaxNoteLength);
        builder.Property(s => s.ScoreGrade).HasMaxLength(32);
        builder.Property(s => s.Grade).HasMaxLength(32);
        builder.Property(s => s.Colour).HasMaxLength(32);
        builder.Property(s => s.ReferencePeriodName).HasMaxLength(PilotAssessment.Periods.PeriodConsts.MaxNameLength);
        builder.Property(s => s.CategoriesJson).IsRequired().Metadata.SetMaxLength(null);
        builder.Property(s => s.BonusJson).IsRequired().Metadata.SetMaxLength(null);
        builder.Property(s => s.VetoesJson).IsRequired().Metadata.SetMaxLength(null);
        builder.HasMany(s => s.Lines).WithOne().HasForeignKey(l => l.ScoreSheetRecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.PeriodId, s.TenantId, s.Version }).IsUnique();
        // Trends read the current, assessed sheets of a scheme's periods: this index alone answers them (covering),
        // so the read follows the rows returned instead of scanning every version with its JSON.
        builder.HasIndex(s => new { s.PeriodId, s.IsCurrent, s.NotAssessed, s.TenantId, s.Total, s.Percent, s.Grade, s.Colour })
            .HasDatabaseName("IX_ScoreSheets_Trends");
    }
}

internal sealed class ScoreSheetLineRecordConfiguration : IEntityTypeConfiguration<ScoreSheetLineRecord>
{
    public void Configure(EntityTypeBuilder<ScoreSheetLineRecord> builder)
    {
        builder.ToTable("ScoreSheetLines");
        builder.Property(l => l.IndicatorCode).HasMaxLength(32).IsRequired();
        builder.Property(l => l.CategoryCode).HasMaxLength(32).IsRequired();
        builder.Property(l => l.IndicatorName).IsRequired();
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.AdjustReason).HasMaxLength(DataEntryConsts.MaxNoteLength);
        builder.Property(l => l.ValueText).HasMaxLength(DataEntryConsts.MaxNoteLength);
        builder.Property(l => l.ReferenceSource).HasMaxLength(32);
        builder.Property(l => l.ExplanationZh).IsRequired().Metadata.SetMaxLength(null);
        builder.Property(l => l.ExplanationEn).IsRequired().Metadata.SetMaxLength(null);
    }
}

internal sealed class MonitoringIndexSnapshotConfiguration : IEntityTypeConfiguration<MonitoringIndexSnapshot>
{
    public void Configure(EntityTypeBuilder<MonitoringIndexSnapshot> builder)
    {
        builder.ToTable("MonitoringIndexSnapshots");
        builder.Property(s => s.Colour).HasMaxLength(32);
        builder.HasIndex(s => new { s.PeriodId, s.TenantId, s.Day }).IsUnique();
    }
}

internal sealed class ReferenceFigureConfiguration : IEntityTypeConfiguration<ReferenceFigure>
{
    public void Configure(EntityTypeBuilder<ReferenceFigure> builder)
    {
        builder.ToTable("ReferenceFigures");
        builder.Property(f => f.IndicatorCode).HasMaxLength(32).IsRequired();
        builder.HasIndex(f => new { f.PeriodId, f.IndicatorCode }).IsUnique();
    }
}

internal sealed class ScoreSheetDocumentConfiguration : IEntityTypeConfiguration<ScoreSheetDocument>
{
    public void Configure(EntityTypeBuilder<ScoreSheetDocument> builder)
    {
        builder.ToTable("ScoreSheetDocuments");
        builder.Property(d => d.Language).HasMaxLength(16).IsRequired();
        builder.Property(d => d.Content).IsRequired();
        builder.HasOne<ScoreSheetRecord>().WithMany().HasForeignKey(d => d.ScoreSheetRecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.ScoreSheetRecordId, d.Language, d.Format }).IsUnique();
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PilotAssessment.DataEntry;

namespace PilotAssessment.EntityFrameworkCore.Configurations;

internal sealed class EntryLineConfiguration : IEntityTypeConfiguration<EntryLine>
{
    public void Configure(EntityTypeBuilder<EntryLine> builder)
    {
        builder.ToTable("EntryLines");
        builder.Property(l => l.IndicatorCode).HasMaxLength(32).IsRequired();
        builder.Property(l => l.ValueJson).IsRequired().Metadata.SetMaxLength(null);
        builder.Property(l => l.Note).HasMaxLength(DataEntryConsts.MaxNoteLength);
        builder.Property(l => l.AdjustReason).HasMaxLength(DataEntryConsts.MaxNoteLength);
        builder.Property(l => l.AdjustClearReason).HasMaxLength(DataEntryConsts.MaxNoteLength);
        builder.Property(l => l.ReturnComment).HasMaxLength(DataEntryConsts.MaxNoteLength);
        builder.Property(l => l.SourceName).HasMaxLength(Feeds.FeedConsts.MaxDepartmentLength + Feeds.FeedConsts.MaxNameLength + 4);
        builder.Property(l => l.OverriddenSourceName).HasMaxLength(Feeds.FeedConsts.MaxDepartmentLength + Feeds.FeedConsts.MaxNameLength + 4);
        builder.Property(l => l.OverrideReason).HasMaxLength(Feeds.FeedConsts.MaxReasonLength);
        builder.Property(l => l.SourceEvidence).HasMaxLength(Feeds.FeedConsts.MaxEvidenceReferenceLength);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
        builder.Ignore(l => l.Value);
        builder.Ignore(l => l.IsReported);
        builder.Property(l => l.QualityFlag).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.QualityDetailJson).HasMaxLength(1000);
        builder.Ignore(l => l.NeedsQualityNote);
        builder.HasIndex(l => new { l.TenantId, l.PeriodId, l.IndicatorCode }).IsUnique();
        builder.HasIndex(l => l.PeriodId);

        // A save or a province view looks up one indicator of a period across cities.
        builder.HasIndex(l => new { l.PeriodId, l.IndicatorCode });
    }
}

internal sealed class EntryValueHistoryConfiguration : IEntityTypeConfiguration<EntryValueHistory>
{
    public void Configure(EntityTypeBuilder<EntryValueHistory> builder)
    {
        builder.ToTable("EntryValueHistory");
        builder.Property(h => h.OldValueJson).Metadata.SetMaxLength(null);
        builder.Property(h => h.NewValueJson).IsRequired().Metadata.SetMaxLength(null);
        builder.Property(h => h.OldNote).HasMaxLength(DataEntryConsts.MaxNoteLength);
        builder.Property(h => h.NewNote).HasMaxLength(DataEntryConsts.MaxNoteLength);
        builder.Property(h => h.AdjustReason).HasMaxLength(DataEntryConsts.MaxNoteLength);
        builder.Property(h => h.AdjustClearReason).HasMaxLength(DataEntryConsts.MaxNoteLength);
        builder.Property(h => h.SourceName).HasMaxLength(Feeds.FeedConsts.MaxDepartmentLength + Feeds.FeedConsts.MaxNameLength + 4);
        builder.Property(h => h.OverrideReason).HasMaxLength(Feeds.FeedConsts.MaxReasonLength);
        builder.HasIndex(h => new { h.EntryLineId, h.Revision }).IsUnique();
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.ToTable("EvidenceFiles");
        builder.Property(f => f.FileName).HasMaxLength(DataEntryConsts.MaxFileNameLength).IsRequired();
        builder.Property(f => f.ContentType).HasMaxLength(128).IsRequired();
        builder.Property(f => f.Content).IsRequired();
        builder.HasIndex(f => f.EntryLineId);
    }
}

internal sealed class CityPeriodFactsConfiguration : IEntityTypeConfiguration<CityPeriodFacts>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<CityPeriodFacts> builder)
    {
        builder.ToTable("CityPeriodFacts");
        builder.Property(f => f.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
        builder.Property(f => f.Note).HasMaxLength(DataEntryConsts.MaxNoteLength);
        JsonColumn(builder.Property(f => f.VetoFacts));
        JsonColumn(builder.Property(f => f.BonusCounts));
        JsonColumn(builder.Property(f => f.DataItems));
        builder.HasIndex(f => new { f.TenantId, f.PeriodId }).IsUnique();

        // Every city's facts of a period (publishing, monitoring).
        builder.HasIndex(f => f.PeriodId);
    }

    private static void JsonColumn<T>(PropertyBuilder<Dictionary<string, T>> property) =>
        property.HasConversion(
                d => JsonSerializer.Serialize(d, Json),
                json => JsonSerializer.Deserialize<Dictionary<string, T>>(json, Json) ?? new Dictionary<string, T>(),
                new ValueComparer<Dictionary<string, T>>(
                    (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                    d => JsonSerializer.Serialize(d, Json).GetHashCode(),
                    d => new Dictionary<string, T>(d)))
            .IsRequired()
            .Metadata.SetMaxLength(null);
}

using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Json;

namespace PilotAssessment.EntityFrameworkCore.Configurations;

internal sealed class SchemeConfiguration : IEntityTypeConfiguration<Scheme>
{
    public void Configure(EntityTypeBuilder<Scheme> builder)
    {
        builder.ToTable("Schemes");
        builder.Property(s => s.Name).HasMaxLength(SchemeConsts.MaxNameLength).IsRequired();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();

        // The definition is an immutable value replaced as a whole, so comparing by reference detects every change.
        builder.Property(s => s.Definition)
            .HasConversion(
                d => SchemeJsonSerializer.SerializeDefinition(d),
                json => SchemeJsonSerializer.DeserializeDefinition(json),
                new ValueComparer<SchemeDefinition>((a, b) => ReferenceEquals(a, b), d => RuntimeHelpers.GetHashCode(d), d => d))
            .Metadata.SetMaxLength(null);
        builder.HasIndex(s => new { s.Year, s.Name, s.Version });
    }
}

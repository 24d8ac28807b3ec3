using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PilotAssessment.Feeds;

namespace PilotAssessment.EntityFrameworkCore.Configurations;

internal sealed class FeedClientConfiguration : IEntityTypeConfiguration<FeedClient>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<FeedClient> builder)
    {
        builder.ToTable("FeedClients");
        builder.Property(c => c.Name).HasMaxLength(FeedConsts.MaxNameLength).IsRequired();
        builder.Property(c => c.Department).HasMaxLength(FeedConsts.MaxDepartmentLength).IsRequired();
        builder.Property(c => c.SecretHash).HasMaxLength(64).IsRequired();
        builder.Property(c => c.SecretSalt).HasMaxLength(32).IsRequired();
        builder.Property(c => c.RevokeReason).HasMaxLength(FeedConsts.MaxReasonLength);
        builder.Property(c => c.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
        builder.Ignore(c => c.IsRevoked);
        JsonList(builder.Property(c => c.CityIds));
        JsonList(builder.Property(c => c.IndicatorCodes));
        builder.HasIndex(c => c.TenantId);
    }

    private static void JsonList<T>(PropertyBuilder<List<T>> property) =>
        property.HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<T>>(v, Json) ?? new List<T>(),
                new ValueComparer<List<T>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)), v => v.ToList()))
            .IsRequired()
            .Metadata.SetMaxLength(null);
}

internal sealed class FeedImportConfiguration : IEntityTypeConfiguration<FeedImport>
{
    public void Configure(EntityTypeBuilder<FeedImport> builder)
    {
        builder.ToTable("FeedImports");
        builder.Property(i => i.IdempotencyKey).HasMaxLength(FeedConsts.MaxIdempotencyKeyLength).IsRequired();
        builder.Property(i => i.RequestHash).HasMaxLength(64).IsRequired();
        builder.Property(i => i.SummaryJson).IsRequired().Metadata.SetMaxLength(null);
        builder.HasIndex(i => new { i.ClientId, i.IdempotencyKey }).IsUnique();
        builder.HasIndex(i => new { i.ClientId, i.CreationTime });
    }
}

using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PilotAssessment.EntityFrameworkCore;

/// <summary>
/// Every time the product stores is UTC, but neither SQLite nor MySQL keeps the kind: read back as UTC, so the API
/// writes "…Z" and clients show the instant in Beijing time instead of taking the UTC wall clock for local time.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : v,
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

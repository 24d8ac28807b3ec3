namespace PilotAssessment.Periods;

/// <summary>
/// Per-city indicator targets for a period (from the target-responsibility agreements). The default has none,
/// so every city is scored with the scheme's own targets; the agreements feature replaces this registration.
/// </summary>
public interface IPeriodTargetProvider
{
    /// <summary>Targets by indicator code for each given city, in one call for the whole period; a city absent from the result uses the scheme's targets.</summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, decimal>>> GetTargetOverridesAsync(
        AssessmentPeriod period,
        IReadOnlyCollection<Guid> cityIds,
        CancellationToken cancellationToken = default);
}

/// <summary>Targets from each city's target-responsibility agreement in force for the period's year, read for all cities in one query.</summary>
public sealed class AgreementPeriodTargetProvider(Agreements.IAgreementTargetProvider agreements) : IPeriodTargetProvider
{
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, decimal>>> GetTargetOverridesAsync(
        AssessmentPeriod period,
        IReadOnlyCollection<Guid> cityIds,
        CancellationToken cancellationToken = default)
    {
        var targets = await agreements.GetTargetOverridesAsync(cityIds, period.Year, cancellationToken);
        return targets.ToDictionary(t => t.Key, t => (IReadOnlyDictionary<string, decimal>)t.Value);
    }
}

/// <summary>Conversions between the province's wall-clock time and stored UTC.</summary>
public static class ProvinceTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(PeriodConsts.TimeZoneId);

    public static DateTime ToUtc(DateTime local) =>
        local.Kind == DateTimeKind.Utc ? local : TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    public static DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The province's calendar date of the instant, at midnight (kind UTC, for storage).</summary>
    public static DateTime Day(DateTime utc) => DateTime.SpecifyKind(ToLocal(utc).Date, DateTimeKind.Utc);
}

using PilotAssessment.Periods;
using PilotAssessment.Schemes;

namespace PilotAssessment.DataEntry;

/// <summary>
/// A period as the entry sheet, a save and a live preview need it: the period, every period of its scheme (for the
/// previous period's figures and the quality history) and the scheme's definition.
/// </summary>
/// <param name="SchemeIdentity">What identifies the definition as it is now (<see cref="SchemeDefinitionCache.GetAsync"/>).</param>
public sealed record EntryPeriod(AssessmentPeriod Period, IReadOnlyList<AssessmentPeriod> OfScheme, SchemeDefinition Definition, string SchemeIdentity)
{
    /// <summary>The indicator a clerk enters by <paramref name="code"/>: one of the scheme, not computed by a formula.</summary>
    public IndicatorDefinition EnteredIndicator(string code)
    {
        var indicator = Definition.AllIndicators().FirstOrDefault(i => i.Code == code)
            ?? throw new BusinessException(DataEntryErrorCodes.UnknownIndicator, code);
        if (!string.IsNullOrWhiteSpace(indicator.Formula))
        {
            throw new BusinessException(DataEntryErrorCodes.ComputedIndicator, indicator.Code);
        }

        return indicator;
    }

    /// <summary>What this request has read of the city's period, for the reference figures not to read it again.</summary>
    public Results.KnownCityPeriod Known(Reviews.CitySubmission? submission) => new(OfScheme, true, submission?.Status);
}

/// <summary>Loads an <see cref="EntryPeriod"/>: the period with its scheme's periods in one query, the definition from <see cref="SchemeDefinitionCache"/>.</summary>
public sealed class EntryPeriodLoader(IRepository<AssessmentPeriod> periods, IRepository<Scheme> schemes, SchemeDefinitionCache definitions)
{
    public async Task<EntryPeriod> LoadAsync(Guid periodId)
    {
        var schemeOfPeriod = periods.QueryReadOnly().Where(p => p.Id == periodId).Select(p => p.SchemeId);
        var ofScheme = await periods.ToListAsync(periods.QueryReadOnly().Where(p => schemeOfPeriod.Contains(p.SchemeId)));
        var period = ofScheme.FirstOrDefault(p => p.Id == periodId) ?? throw new EntityNotFoundException(typeof(AssessmentPeriod), periodId);
        var (definition, identity) = await definitions.GetAsync(schemes, period.SchemeId);
        return new EntryPeriod(period, ofScheme, definition, identity);
    }
}

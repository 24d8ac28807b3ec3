using PilotAssessment.Periods;
using PilotAssessment.Schemes;

namespace PilotAssessment.DataEntry;

/// <summary>A city's veto facts, bonus counts and data items of a period, saved with optimistic concurrency.</summary>
[RequiresPermission(PilotAssessmentPermissions.DataEntry.Default)]
public sealed class CityFactsAppService(
    ApplicationServiceContext context,
    IRepository<AssessmentPeriod> periods,
    IRepository<Scheme> schemes,
    IRepository<CityPeriodFacts> facts,
    EntryLineAccess access,
    EntryEditGuard guard,
    IMapper mapper) : PilotAssessmentAppService(context), ICityFactsAppService
{
    public async Task<CityFactsDto> SaveFactsAsync(Guid periodId, CityFactsDto input)
    {
        var period = await periods.GetAsync(periodId);
        var definition = (await schemes.GetAsync(period.SchemeId)).Definition;
        var current = await facts.FirstOrDefaultAsync(facts.Query().Where(f => f.PeriodId == periodId));
        if (current is not null && input.ConcurrencyStamp != current.ConcurrencyStamp)
        {
            throw new ConflictException(PilotAssessmentErrorCodes.ConcurrencyConflict) { Current = mapper.Map<CityFactsDto>(current) };
        }

        // Facts are no unit's lines: like every line not handed to a unit, they are for users of no unit.
        if ((await access.ForAsync(period)).UserUnits is { Count: > 0 })
        {
            throw new ForbiddenException(DataEntryErrorCodes.FactsOfTheCity);
        }

        await guard.EnsureCityMayEditAsync(period, guard.CityId, null);
        var error = new BusinessException(DataEntryErrorCodes.Invalid, "facts");
        var triggers = definition.Vetoes.Select(v => v.TriggerFact).ToHashSet();
        foreach (var key in input.VetoFacts.Keys.Where(k => !triggers.Contains(k)))
        {
            error.WithError($"vetoFacts.{key}", DataEntryErrorCodes.UnknownVetoFact, key);
        }

        var bonusItems = definition.Bonus.Items.Select(b => b.Code).ToHashSet();
        foreach (var (key, count) in input.BonusCounts)
        {
            if (!bonusItems.Contains(key))
            {
                error.WithError($"bonusCounts.{key}", DataEntryErrorCodes.UnknownBonusItem, key);
            }
            else if (count < 0)
            {
                error.WithError($"bonusCounts.{key}", DataEntryErrorCodes.MustNotBeNegative);
            }
        }

        EntryValueValidator.CheckFactDataItems(definition, input.DataItems, error);

        if (error.Errors.Count > 0)
        {
            throw error;
        }

        var isNew = current is null;
        current ??= new CityPeriodFacts(SequentialGuid.Next(), periodId);
        current.VetoFacts = new Dictionary<string, bool>(input.VetoFacts);
        current.BonusCounts = new Dictionary<string, int>(input.BonusCounts);
        current.DataItems = new Dictionary<string, decimal>(input.DataItems);
        current.Note = input.Note;
        if (isNew)
        {
            await facts.InsertAsync(current);
        }
        else
        {
            current.ConcurrencyStamp = input.ConcurrencyStamp;
            await facts.UpdateAsync(current);
        }

        return mapper.Map<CityFactsDto>(current);
    }
}

using PilotAssessment.DataEntry;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Periods;
using PilotAssessment.Permissions;
using PilotAssessment.Repositories;
using PilotAssessment.Reviews;
using PilotAssessment.Services;
using PilotAssessment.Tenants;

namespace PilotAssessment.Results;

/// <summary>
/// Changes to one city's published result, each as a new version of its sheet followed by the re-ranking of every
/// city: a retroactive veto (追溯否决) or a withdrawn approval.
/// </summary>
[RequiresPermission(PilotAssessmentPermissions.Results.Publish)]
public sealed class ResultChangeAppService(
    ApplicationServiceContext context,
    IRepository<AssessmentPeriod> periods,
    IRepository<ScoreSheetRecord> sheets,
    IRepository<CitySubmission> submissions,
    IRepository<CityPeriodFacts> facts,
    IRepository<Tenant> tenants,
    IUnitOfWork unitOfWork,
    PeriodScoringService scoring,
    ScoreSheetStore store,
    ReferenceFigureStore figures,
    Honours.HonourAwarding honours) : PilotAssessmentAppService(context), IResultChangeAppService
{
    public async Task<ScoreSheetRecordDto> ApplyRetroactiveVetoAsync(Guid periodId, Guid cityId, RetroactiveVetoInput input)
    {
        var (period, city) = await PublishedPeriodAndCityAsync(periodId, cityId);
        var scheme = await scoring.GetSchemeAsync(period);
        var veto = scheme.Definition.Vetoes.FirstOrDefault(v => v.Code == input.VetoCode)
            ?? throw new BusinessException(ResultErrorCodes.UnknownVeto, input.VetoCode).WithError("vetoCode", ResultErrorCodes.UnknownVeto, input.VetoCode);
        var reason = ResultInput.RequireReason(input.Reason);
        using (CurrentTenant.Change(city.Id, city.Name))
        {
            await EnsureAssessedAsync(period, city);
            var cityFacts = await facts.FirstOrDefaultAsync(facts.Query().Where(f => f.PeriodId == periodId));
            if (cityFacts is null)
            {
                cityFacts = new CityPeriodFacts(SequentialGuid.Next(), periodId);
                await facts.InsertAsync(cityFacts, autoSave: false);
            }

            cityFacts.VetoFacts = new Dictionary<string, bool>(cityFacts.VetoFacts) { [veto.TriggerFact] = true };
            await figures.RecomputeAsync(periodId);
            await unitOfWork.SaveChangesAsync();
            var record = await store.NewVersionAsync(period, scheme, city, ScoreSheetKind.RetroactiveVeto, $"{veto.Code} {veto.Name}: {reason}", gradeOverride: null);
            await honours.OnCityResultChangedAsync(period, city.Id, record.Reason!);
            return await store.ToDtoAsync(record, city.DisplayName);
        }
    }

    [RequiresPermission(PilotAssessmentPermissions.Results.Publish)]
    public async Task<ScoreSheetRecordDto> WithdrawApprovalAsync(Guid periodId, Guid cityId, WithdrawApprovalInput input)
    {
        var (period, city) = await PublishedPeriodAndCityAsync(periodId, cityId);
        var scheme = await scoring.GetSchemeAsync(period);
        var reason = ResultInput.RequireReason(input.Reason);
        using (CurrentTenant.Change(city.Id, city.Name))
        {
            await EnsureAssessedAsync(period, city);
            var submission = await submissions.FirstOrDefaultAsync(submissions.Query().Where(s => s.PeriodId == periodId))
                ?? throw new BusinessException(ResultErrorCodes.AlreadyWithdrawn, SubmissionStatus.Draft);
            submission.Withdraw(reason);
            await figures.RecomputeAsync(periodId, submission);
            await unitOfWork.SaveChangesAsync();

            // Without a confirmed self-assessment the city cannot be rated above the lowest grade.
            var record = await store.NewVersionAsync(period, scheme, city, ScoreSheetKind.ApprovalWithdrawn, reason, gradeOverride: scheme.Definition.Grades.LastOrDefault()?.Name);
            await honours.OnCityResultChangedAsync(period, city.Id, L["Honours:ApprovalWithdrawn", reason]);
            return await store.ToDtoAsync(record, city.DisplayName);
        }
    }

    private async Task<(AssessmentPeriod Period, Tenant City)> PublishedPeriodAndCityAsync(Guid periodId, Guid cityId)
    {
        var period = await periods.GetAsync(periodId);
        var city = await tenants.GetAsync(cityId);
        if (period.Status != PeriodStatus.Published)
        {
            throw new BusinessException(ResultErrorCodes.NotPublished, period.Name);
        }

        return (period, city);
    }

    /// <summary>A city left out of the publication has no score to change.</summary>
    private async Task EnsureAssessedAsync(AssessmentPeriod period, Tenant city)
    {
        var current = await sheets.FirstOrDefaultAsync(sheets.Query().Where(s => s.PeriodId == period.Id && s.IsCurrent));
        if (current?.NotAssessed == true)
        {
            throw new BusinessException(ResultErrorCodes.NotAssessed, city.DisplayName);
        }
    }
}

using PilotAssessment.Appeals;
using PilotAssessment.DataEntry;
using PilotAssessment.Periods;
using PilotAssessment.Reviews;
using PilotAssessment.Tenants;

namespace PilotAssessment.Results;

/// <summary>
/// Publishing a period (final score sheets of every city, graded and ranked, in one pass), taking the publication
/// back before it is final, and making it final.
/// </summary>
[RequiresPermission(PilotAssessmentPermissions.Results.Publish)]
public sealed class ResultPublicationAppService(
    ApplicationServiceContext context,
    IRepository<AssessmentPeriod> periods,
    IRepository<ScoreSheetRecord> sheets,
    IRepository<CitySubmission> submissions,
    IRepository<Tenant> tenants,
    IRepository<PeriodPublicity> publicities,
    IRepository<Appeal> appeals,
    IUnitOfWork unitOfWork,
    PeriodRecomputeService recompute,
    ScoreSheetStore store,
    Honours.HonourAwarding honours,
    IMapper mapper) : PilotAssessmentAppService(context), IResultPublicationAppService
{
    [RequiresPermission(PilotAssessmentPermissions.Results.Publish)]
    public async Task<List<RankingRowDto>> PublishAsync(Guid periodId, PublishPeriodInput input)
    {
        var period = await periods.GetAsync(periodId);
        if (period.Status is not (PeriodStatus.Open or PeriodStatus.Locked))
        {
            throw new BusinessException(ResultErrorCodes.CannotPublish, period.Status);
        }

        var cities = await tenants.ToListAsync(tenants.Query().Where(t => t.IsActive).OrderBy(t => t.Name));
        var byId = cities.ToDictionary(c => c.Id);
        List<CitySubmission> all;
        using (ReadAcrossCities())
        {
            all = await submissions.ToListAsync(submissions.Query().Where(s => s.PeriodId == periodId));
        }

        var status = all.Where(s => s.TenantId != null).GroupBy(s => s.TenantId!.Value).ToDictionary(g => g.Key, g => g.First().Status);
        var problems = new List<(string Key, FieldError Error)>();
        string? mainCode = null;
        object?[] mainArguments = [];

        // The entry window: closed, or closed early with a reason.
        var earlyCloseReason = string.IsNullOrWhiteSpace(input.EarlyCloseReason) ? null : input.EarlyCloseReason.Trim();
        var closesLocal = ProvinceTime.ToLocal(period.EntryClosesAt).ToString("yyyy-MM-dd HH:mm");
        if (period.WindowClosed(Now))
        {
            earlyCloseReason = null;
        }
        else if (earlyCloseReason is null)
        {
            (mainCode, mainArguments) = (ResultErrorCodes.WindowOpen, [closesLocal]);
            problems.Add(("earlyCloseReason", new FieldError(ResultErrorCodes.WindowOpen, closesLocal)));
        }

        // Every city approved, or left out by name with a reason.
        var leftOut = new List<LeftOutCity>();
        for (var i = 0; i < input.LeftOut.Count; i++)
        {
            var item = input.LeftOut[i];
            if (!byId.ContainsKey(item.CityId))
            {
                problems.Add(($"leftOut[{i}].cityId", new FieldError(ResultErrorCodes.UnknownCity)));
                continue;
            }

            if (leftOut.Any(l => l.CityId == item.CityId))
            {
                problems.Add(($"leftOut[{i}].cityId", new FieldError(ResultErrorCodes.DuplicateCity, byId[item.CityId].DisplayName)));
                continue;
            }

            if (string.IsNullOrWhiteSpace(item.Reason))
            {
                problems.Add(($"leftOut[{i}].reason", new FieldError(ResultErrorCodes.LeftOutReasonRequired, byId[item.CityId].DisplayName)));
                continue;
            }

            leftOut.Add(new LeftOutCity(item.CityId, item.Reason.Trim()));
        }

        var named = input.LeftOut.Select(l => l.CityId).ToHashSet();
        var missing = cities
            .Where(c => !named.Contains(c.Id) && status.GetValueOrDefault(c.Id, SubmissionStatus.Draft) != SubmissionStatus.Approved)
            .ToList();
        if (missing.Count > 0)
        {
            var names = string.Join("、", missing.Select(c => c.DisplayName));
            if (mainCode is null)
            {
                (mainCode, mainArguments) = (ResultErrorCodes.CitiesNotApproved, [names]);
            }

            foreach (var city in missing)
            {
                problems.Add(("leftOut", new FieldError(ResultErrorCodes.CityNotApproved, city.DisplayName, status.GetValueOrDefault(city.Id, SubmissionStatus.Draft))));
            }
        }

        if (problems.Count > 0)
        {
            var error = new BusinessException(mainCode ?? problems[0].Error.Code, mainCode is null ? [.. problems[0].Error.Arguments] : mainArguments);
            foreach (var (key, fieldError) in problems)
            {
                error.WithError(key, fieldError);
            }

            throw error;
        }

        // A staged publication opens its public notice (公示) with the appeal window.
        var publicity = input.AppealDays is { } days ? new PeriodPublicity(SequentialGuid.Next(), period.Id, days, Now) : null;
        using (ReadAcrossCities())
        {
            await recompute.PublishAsync(period, cities.Select(c => c.Id).ToList(), Now, leftOut: leftOut, earlyCloseReason: earlyCloseReason);
        }

        if (publicity is not null)
        {
            await publicities.InsertAsync(publicity);
        }

        return await store.RankingAsync(periodId);
    }

    [RequiresPermission(PilotAssessmentPermissions.Results.Publish)]
    public async Task<PeriodDto> WithdrawPublicationAsync(Guid periodId, WithdrawPublicationInput input)
    {
        var period = await periods.GetAsync(periodId);
        var reason = ResultInput.RequireReason(input.Reason);
        period.WithdrawPublication(reason, Now);
        if (await PublicityOfAsync(periodId) is { } publicity)
        {
            publicity.Withdraw(await OpenAppealsAsync(publicity), Now);
            await publicities.UpdateAsync(publicity, autoSave: false);
        }

        using (ReadAcrossCities())
        {
            foreach (var sheet in await sheets.ToListAsync(sheets.Query().Where(s => s.PeriodId == periodId && s.IsCurrent)))
            {
                sheet.IsCurrent = false;
                sheet.WithdrawnTime = Now;
            }

            await periods.UpdateAsync(period, autoSave: false);
            await unitOfWork.SaveChangesAsync();
        }

        return mapper.Map<PeriodDto>(period);
    }

    [RequiresPermission(PilotAssessmentPermissions.Results.Publish)]
    public async Task<PeriodDto> FinalizeAsync(Guid periodId)
    {
        var period = await periods.GetAsync(periodId);
        period.MarkFinal(Now);

        // After a public notice: its window has ended (or was closed early) and every appeal is decided.
        if (await PublicityOfAsync(periodId) is { } publicity)
        {
            publicity.EnsureFinalizable(await OpenAppealsAsync(publicity), Now);
        }

        await periods.UpdateAsync(period);

        // A final annual period awards the honours of its series.
        await honours.OnFinalisedAsync(period);
        return mapper.Map<PeriodDto>(period);
    }

    private Task<PeriodPublicity?> PublicityOfAsync(Guid periodId) =>
        publicities.FirstOrDefaultAsync(publicities.Query().Where(p => p.PeriodId == periodId && p.WithdrawnTime == null));

    private async Task<int> OpenAppealsAsync(PeriodPublicity publicity)
    {
        using var _ = ReadAcrossCities();
        return await appeals.CountAsync(appeals.Query().Where(a => a.PublicityId == publicity.Id && a.Status == AppealStatus.Open));
    }
}

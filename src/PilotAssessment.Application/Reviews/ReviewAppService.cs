using AutoMapper.QueryableExtensions;
using PilotAssessment.Data;
using PilotAssessment.DataEntry;
using PilotAssessment.Periods;
using PilotAssessment.Schemes;
using PilotAssessment.Tenants;
using PilotAssessment.Users;

namespace PilotAssessment.Reviews;

/// <summary>
/// The province's review of submitted self-assessments: read a city's sheet and evidence, adjust a line's score
/// with a reason (the self score stays beside it), return lines or the sheet, approve.
/// </summary>
[RequiresPermission(PilotAssessmentPermissions.Review.Default)]
public sealed class ReviewAppService(
    ApplicationServiceContext context,
    IRepository<AssessmentPeriod> periods,
    IRepository<Scheme> schemes,
    IRepository<EntryLine> lines,
    IRepository<EntryValueHistory> history,
    IRepository<EvidenceFile> evidence,
    IRepository<CitySubmission> submissions,
    IRepository<Tenant> tenants,
    IUnitOfWork unitOfWork,
    EntrySheetReader reader,
    Results.PeriodScoringService scoring,
    Results.ReferenceFigureStore figures,
    IMapper mapper,
    Quality.EntryQualityHistory quality) : PilotAssessmentAppService(context), IReviewAppService
{
    public async Task<List<SubmissionDto>> GetSubmissionsAsync(Guid periodId)
    {
        await periods.GetAsync(periodId);
        var cities = await tenants.ToListAsync(tenants.Query().OrderBy(t => t.Name));
        List<SubmissionDto> all;
        using (ReadAcrossCities())
        {
            all = await submissions.ToListAsync(submissions.Query().Where(s => s.PeriodId == periodId && s.TenantId != null)
                .ProjectTo<SubmissionDto>(mapper.ConfigurationProvider));
        }

        var byCity = all.ToDictionary(s => s.CityId);
        return cities.Select(c => Named(byCity.GetValueOrDefault(c.Id) ?? Draft(periodId, c.Id), c)).ToList();
    }

    public async Task<EntrySheetDto> GetCitySheetAsync(Guid periodId, Guid cityId)
    {
        var period = await periods.GetAsync(periodId);
        var city = await tenants.GetAsync(cityId);
        using (CurrentTenant.Change(city.Id, city.Name))
        {
            var sheet = await reader.ReadAsync(period, city.Id);
            await quality.AttachAsync(period, city.Id, (await schemes.GetAsync(period.SchemeId)).Definition, sheet);
            return sheet;
        }
    }

    [RequiresPermission(PilotAssessmentPermissions.Review.Adjust)]
    public Task<EntryLineDto> AdjustLineAsync(Guid lineId, AdjustLineInput input) =>
        ChangeSubmittedLineAsync(lineId, async line =>
        {
            var period = await periods.GetAsync(line.PeriodId);
            var definition = (await schemes.GetAsync(period.SchemeId)).Definition;
            var indicator = definition.AllIndicators().First(i => i.Code == line.IndicatorCode);
            if (string.IsNullOrWhiteSpace(input.Reason))
            {
                throw new BusinessException(ReviewErrorCodes.ReasonRequired).WithError("reason", ReviewErrorCodes.ReasonRequired);
            }

            if (input.Score < 0 || input.Score > indicator.MaxPoints)
            {
                throw new BusinessException(ReviewErrorCodes.ScoreOutOfRange, indicator.MaxPoints)
                    .WithError("score", ReviewErrorCodes.ScoreOutOfRange, indicator.MaxPoints);
            }

            line.AuditorScore = definition.Rounding.Round(input.Score);
            line.AdjustReason = input.Reason.Trim();
            line.AdjustClearReason = null;
            line.AdjustedByUserId = CurrentUser.Id;
            await history.InsertAsync(line.AdjustmentRevision(), autoSave: false);
            await lines.UpdateAsync(line);
            return await reader.LineAsync(line, definition);
        });

    [RequiresPermission(PilotAssessmentPermissions.Review.Adjust)]
    public Task<EntryLineDto> ClearAdjustmentAsync(Guid lineId, ClearAdjustmentInput input) =>
        ChangeSubmittedLineAsync(lineId, async line =>
        {
            if (string.IsNullOrWhiteSpace(input.Reason))
            {
                throw new BusinessException(ReviewErrorCodes.ReasonRequired).WithError("reason", ReviewErrorCodes.ReasonRequired);
            }

            if (line.AuditorScore is null)
            {
                throw new BusinessException(ReviewErrorCodes.NotAdjusted, line.IndicatorCode);
            }

            var period = await periods.GetAsync(line.PeriodId);
            var definition = (await schemes.GetAsync(period.SchemeId)).Definition;
            line.AuditorScore = null;
            line.AdjustReason = null;
            line.AdjustClearReason = input.Reason.Trim();
            line.AdjustedByUserId = CurrentUser.Id;
            await history.InsertAsync(line.AdjustmentRevision(), autoSave: false);
            await lines.UpdateAsync(line);
            return await reader.LineAsync(line, definition);
        });

    public async Task<SubmissionDto> ReturnAsync(Guid periodId, Guid cityId, ReturnSubmissionInput input)
    {
        await periods.GetAsync(periodId);
        var city = await tenants.GetAsync(cityId);
        using (CurrentTenant.Change(city.Id, city.Name))
        {
            var submission = await SubmissionOfAsync(periodId) ?? throw new BusinessException(ReviewErrorCodes.NotSubmitted, SubmissionStatus.Draft);
            submission.Return(input.Comment ?? string.Empty);
            if (input.Lines.Count > 0)
            {
                var codes = input.Lines.Select(l => l.IndicatorCode).ToList();
                var returned = (await lines.ToListAsync(lines.Query().Where(l => l.PeriodId == periodId && codes.Contains(l.IndicatorCode)))).ToDictionary(l => l.IndicatorCode);
                foreach (var item in input.Lines)
                {
                    var line = returned.GetValueOrDefault(item.IndicatorCode)
                        ?? throw new BusinessException(ReviewErrorCodes.UnknownLine, item.IndicatorCode).WithError($"lines.{item.IndicatorCode}", ReviewErrorCodes.UnknownLine, item.IndicatorCode);
                    line.Status = EntryLineStatus.Returned;
                    line.ReturnComment = string.IsNullOrWhiteSpace(item.Comment) ? submission.ReturnComment : item.Comment.Trim();
                }
            }
            else
            {
                foreach (var line in await lines.ToListAsync(lines.Query().Where(l => l.PeriodId == periodId)))
                {
                    line.Status = EntryLineStatus.Returned;
                }
            }

            await figures.RecomputeAsync(periodId, submission);
            await unitOfWork.SaveChangesAsync();
            return Named(mapper.Map<SubmissionDto>(submission), city);
        }
    }

    [RequiresPermission(PilotAssessmentPermissions.Review.Approve)]
    public async Task<SubmissionDto> ApproveAsync(Guid periodId, Guid cityId)
    {
        await periods.GetAsync(periodId);
        var city = await tenants.GetAsync(cityId);
        using (CurrentTenant.Change(city.Id, city.Name))
        {
            var submission = await SubmissionOfAsync(periodId) ?? throw new BusinessException(ReviewErrorCodes.NotSubmitted, SubmissionStatus.Draft);
            submission.Approve(CurrentUser.Id, Now);

            // 审核总分 beside 自评总分, and the reported lines move on from 已提交省级.
            var period = await periods.GetAsync(periodId);
            var scheme = await scoring.GetSchemeAsync(period);
            var input = (await scoring.LoadAsync(periodId, [city.Id]))[city.Id];
            var targets = await scoring.TargetsAsync(period, [city.Id]);
            submission.AuditedTotal = scoring.Score(scheme.Definition, input, targets, withAuditorScores: true).Total;
            foreach (var line in input.Lines.Where(l => l.Status == EntryLineStatus.Submitted))
            {
                line.Status = EntryLineStatus.Approved;
            }

            await submissions.UpdateAsync(submission, autoSave: false);
            await figures.RecomputeAsync(periodId, submission);
            await unitOfWork.SaveChangesAsync();
            return Named(mapper.Map<SubmissionDto>(submission), city);
        }
    }

    public async Task<FileDto> DownloadEvidenceAsync(Guid evidenceId)
    {
        using var _ = ReadAcrossCities();
        var file = await evidence.GetAsync(evidenceId);
        return mapper.Map<FileDto>(file);
    }

    // An auditor changes a line of any city, only while its city's sheet is submitted for review.
    private async Task<EntryLineDto> ChangeSubmittedLineAsync(Guid lineId, Func<EntryLine, Task<EntryLineDto>> change)
    {
        EntryLine line;
        using (ReadAcrossCities())
        {
            line = await lines.GetAsync(lineId);
        }

        using (CurrentTenant.Change(line.TenantId))
        {
            var submission = await SubmissionOfAsync(line.PeriodId) ?? throw new BusinessException(ReviewErrorCodes.NotSubmitted, SubmissionStatus.Draft);
            submission.EnsureSubmitted();
            return await change(line);
        }
    }

    // A city that has not submitted yet holds a draft.
    private static SubmissionDto Draft(Guid periodId, Guid cityId) =>
        new() { CityId = cityId, PeriodId = periodId, Status = nameof(SubmissionStatus.Draft) };

    private static SubmissionDto Named(SubmissionDto dto, Tenant city)
    {
        dto.CityId = city.Id;
        dto.CityName = city.DisplayName;
        return dto;
    }

    private async Task<CitySubmission?> SubmissionOfAsync(Guid periodId) =>
        await submissions.FirstOrDefaultAsync(submissions.Query().Where(s => s.PeriodId == periodId));
}

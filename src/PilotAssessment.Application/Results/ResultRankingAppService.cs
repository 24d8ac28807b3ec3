using PilotAssessment.Data;
using PilotAssessment.Periods;
using PilotAssessment.Permissions;
using PilotAssessment.Repositories;
using PilotAssessment.Reviews;
using PilotAssessment.Schemes;
using PilotAssessment.Services;
using PilotAssessment.Tenants;

namespace PilotAssessment.Results;

/// <summary>The province's tables of a period: the ranking (and its xlsx) and how complete each city's entries are.</summary>
[RequiresPermission(PermissionPolicies.ProvinceResults)]
public sealed class ResultRankingAppService(
    ApplicationServiceContext context,
    IRepository<AssessmentPeriod> periods,
    IRepository<CitySubmission> submissions,
    IRepository<Tenant> tenants,
    PeriodScoringService scoring,
    ScoreSheetStore store,
    LiveCompleteness completeness) : PilotAssessmentAppService(context), IResultRankingAppService
{
    [RequiresPermission(PermissionPolicies.ProvinceResults)]
    public async Task<List<RankingRowDto>> GetRankingAsync(Guid periodId)
    {
        await periods.GetAsync(periodId);
        return await store.RankingAsync(periodId);
    }

    [RequiresPermission(PermissionPolicies.ProvinceResults)]
    public async Task<FileDto> ExportRankingXlsxAsync(Guid periodId)
    {
        var period = await periods.GetAsync(periodId);
        var content = ScoreSheetXlsxWriter.WriteRanking(await store.RankingAsync(periodId), period.Name);
        return new FileDto($"{period.Name}-排名.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content);
    }

    [RequiresPermission(PermissionPolicies.ProvinceResults)]
    public async Task<List<CompletenessRowDto>> GetCompletenessAsync(Guid periodId)
    {
        var period = await periods.GetAsync(periodId);
        var scheme = await scoring.GetSchemeAsync(period);
        var expected = PeriodScoringService.EnteredIndicators(scheme.Definition).Select(i => i.Code).Distinct().ToList();
        var cities = await tenants.ToListAsync(tenants.Query().Where(t => t.IsActive).OrderBy(t => t.Name));
        // Counted again only for the cities whose change stamp moved (LiveCompleteness).
        var reportedByCity = await completeness.ReportedByCityAsync(periodId, cities.Select(c => c.Id).ToList(), expected, $"{scheme.Id:N}:{scheme.ConcurrencyStamp}");
        List<CitySubmission> all;
        using (ReadAcrossCities())
        {
            all = await submissions.ToListAsync(submissions.QueryReadOnly().Where(s => s.PeriodId == periodId));
        }

        return cities.Select(c =>
        {
            var reported = reportedByCity.GetValueOrDefault(c.Id);
            var submission = all.FirstOrDefault(s => s.TenantId == c.Id);
            return new CompletenessRowDto
            {
                CityId = c.Id,
                CityName = c.DisplayName,
                Reported = reported,
                Expected = expected.Count,
                Percent = expected.Count == 0 ? 100m : Math.Round(reported * 100m / expected.Count, 2, MidpointRounding.AwayFromZero),
                SubmissionStatus = (submission?.Status ?? SubmissionStatus.Draft).ToString(),
                FirstSubmittedTime = submission?.FirstSubmittedTime,
                OnTime = submission?.FirstSubmittedTime is { } first && first <= period.EntryClosesAt,
            };
        }).ToList();
    }
}

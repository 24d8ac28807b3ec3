using PilotAssessment.Permissions;
using PilotAssessment.Schemes;
using PilotAssessment.Services;

namespace PilotAssessment.Honours;

/// <summary>The province keeps the honour rules of each scheme series; everyone with results reads the awards (a city its own).</summary>
[RequiresPermission(PilotAssessmentPermissions.Honours.Manage)]
internal sealed class HonourAppService(
    ApplicationServiceContext context,
    IRepository<HonourRule> rules,
    IRepository<HonourAward> awards,
    IRepository<Scheme> schemes,
    HonourAwardReader reader,
    HonourAwarding awarding) : PilotAssessmentAppService(context), IHonourAppService
{
    public async Task<List<HonourSeriesDto>> GetSeriesAsync()
    {
        var list = await schemes.ToListAsync(schemes.QueryReadOnly().Where(s => s.Status != SchemeStatus.Draft));
        return list
            .GroupBy(s => s.Name)
            .Select(g => g.OrderByDescending(s => s.Year).ThenByDescending(s => s.Version).First())
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => new HonourSeriesDto { Name = s.Name, Grades = s.Definition.Grades.Select(g => g.Name).ToList() })
            .ToList();
    }

    [RequiresPermission(PilotAssessmentPermissions.Results.Default)]
    public async Task<List<HonourRuleDto>> GetRulesAsync()
    {
        var list = await rules.ToListAsync(rules.QueryReadOnly().OrderBy(r => r.SeriesName).ThenBy(r => r.Name));
        return await ToDtosAsync(list);
    }

    public async Task<HonourRuleDto> CreateRuleAsync(SaveHonourRuleInput input)
    {
        var rule = new HonourRule(SequentialGuid.Next(), input.SeriesName, input.Name, input.NameEn, input.Kind, input.Grade, input.Count, input.VetoBreaksRun);
        await EnsureGradeOfSeriesAsync(rule);
        await rules.InsertAsync(rule);
        await awarding.OnRuleChangedAsync(rule, L["Honours:RuleChanged", rule.Name]);
        return (await ToDtosAsync([rule])).Single();
    }

    public async Task<HonourRuleDto> UpdateRuleAsync(Guid id, SaveHonourRuleInput input)
    {
        var rule = await rules.GetAsync(id);
        if (!string.IsNullOrEmpty(input.ConcurrencyStamp) && input.ConcurrencyStamp != rule.ConcurrencyStamp)
        {
            throw new ConcurrencyConflictException();
        }

        rule.Change(input.SeriesName, input.Name, input.NameEn, input.Kind, input.Grade, input.Count, input.VetoBreaksRun);
        await EnsureGradeOfSeriesAsync(rule);
        await rules.UpdateAsync(rule);
        await awarding.OnRuleChangedAsync(rule, L["Honours:RuleChanged", rule.Name]);
        return (await ToDtosAsync([rule])).Single();
    }

    public async Task DeleteRuleAsync(Guid id)
    {
        var rule = await rules.GetAsync(id);
        bool awarded;
        using (ReadAcrossCities())
        {
            awarded = await awards.AnyAsync(awards.QueryReadOnly().Where(a => a.RuleId == id));
        }

        if (awarded)
        {
            throw new BusinessException(HonourErrorCodes.RuleHasAwards, rule.Name);
        }

        await rules.DeleteAsync(rule);
    }

    [RequiresPermission(PilotAssessmentPermissions.Results.Default)]
    public async Task<List<HonourAwardDto>> GetAwardsAsync(GetHonourAwardsInput input)
    {
        using var _ = ReadAcrossCitiesIfHost();
        var query = awards.QueryReadOnly();
        if (input.CityId is { } city)
        {
            query = query.Where(a => a.TenantId == city);
        }

        if (input.RuleId is { } ruleId)
        {
            query = query.Where(a => a.RuleId == ruleId);
        }

        if (!string.IsNullOrWhiteSpace(input.SeriesName))
        {
            var series = input.SeriesName.Trim();
            var ofSeries = rules.QueryReadOnly().Where(r => r.SeriesName == series).Select(r => r.Id);
            query = query.Where(a => ofSeries.Contains(a.RuleId));
        }

        if (!input.IncludeRevoked)
        {
            query = query.Where(a => a.RevokedTime == null);
        }

        var list = await awards.ToListAsync(query);
        return await reader.ToDtosAsync(list);
    }

    public async Task<HonourAwardDto> RevokeAsync(Guid id, RevokeHonourInput input)
    {
        using var _ = ReadAcrossCities();
        var award = await awards.GetAsync(id);
        award.Revoke(HonourRevocationKind.Manual, input.Reason, CurrentUser.Id, CurrentUser.UserName, Now);
        await awards.UpdateAsync(award);
        return (await reader.ToDtosAsync([award])).Single();
    }

    private async Task<List<HonourRuleDto>> ToDtosAsync(IReadOnlyCollection<HonourRule> list)
    {
        var ids = list.Select(r => r.Id).ToList();
        List<Guid> held;
        using (ReadAcrossCities())
        {
            held = await awards.ToListAsync(awards.QueryReadOnly().Where(a => ids.Contains(a.RuleId) && a.RevokedTime == null).Select(a => a.RuleId));
        }

        var counts = held.GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());
        return list.Select(r => new HonourRuleDto
        {
            Id = r.Id,
            SeriesName = r.SeriesName,
            Name = r.Name,
            NameEn = r.NameEn,
            Kind = r.Kind.ToString(),
            KindText = L[$"Enum:HonourRuleKind.{r.Kind}"],
            Grade = r.Grade,
            Count = r.Count,
            VetoBreaksRun = r.VetoBreaksRun,
            Description = L[r.Kind == HonourRuleKind.GradeCount ? "Honours:Describe:Count" : "Honours:Describe:Consecutive", r.Count, r.Grade]
                + L[r.VetoBreaksRun ? "Honours:Describe:VetoBreaks" : "Honours:Describe:VetoCounts"],
            ActiveAwards = counts.GetValueOrDefault(r.Id),
            ConcurrencyStamp = r.ConcurrencyStamp,
        }).ToList();
    }

    /// <summary>The series must have a published scheme, and the grade must be one of its latest scheme's.</summary>
    private async Task EnsureGradeOfSeriesAsync(HonourRule rule)
    {
        var series = (await GetSeriesAsync()).FirstOrDefault(s => s.Name == rule.SeriesName)
            ?? throw new BusinessException(HonourErrorCodes.UnknownSeries, rule.SeriesName)
                .WithError("seriesName", HonourErrorCodes.UnknownSeries, rule.SeriesName);
        if (!series.Grades.Contains(rule.Grade))
        {
            throw new BusinessException(HonourErrorCodes.UnknownGrade, rule.SeriesName, rule.Grade)
                .WithError("grade", HonourErrorCodes.UnknownGrade, rule.SeriesName, rule.Grade);
        }
    }
}

using AutoMapper.QueryableExtensions;
using PilotAssessment.Dtos;
using PilotAssessment.Files;
using PilotAssessment.Identity;
using PilotAssessment.OrganizationUnits;
using PilotAssessment.Periods;
using PilotAssessment.Results;
using PilotAssessment.Schemes;
using PilotAssessment.Tenants;
using P = PilotAssessment.Permissions.PilotAssessmentPermissions;

namespace PilotAssessment.Supervision;

/// <summary>The problem register read: lists, the matrix, the export and one problem with its history.</summary>
internal sealed partial class ProblemAppService
{
    public async Task<PagedResultDto<ProblemDto>> GetListAsync(GetProblemsInput input)
    {
        var (total, page) = await QueryAsync(input, input.SkipCount, input.MaxResultCount);
        return new PagedResultDto<ProblemDto>(total, await ToDtosAsync(page));
    }

    public async Task<ProblemDetailDto> GetAsync(Guid id)
    {
        var problem = await GetVisibleAsync(id);
        List<ProblemEvidenceDto> files;
        List<ProblemEvent> history;
        List<Problem> repeats = [];
        using (ReadAcrossCitiesIfHost())
        {
            files = await evidence.ToListAsync(evidence.QueryReadOnly().Where(e => e.ProblemId == id).OrderBy(e => e.CreationTime)
                .ProjectTo<ProblemEvidenceDto>(mapper.ConfigurationProvider));
            history = await events.ToListAsync(events.QueryReadOnly().Where(e => e.ProblemId == id));
            if (IsHost)
            {
                var city = problem.TenantId;
                repeats = await problems.ToListAsync(problems.QueryReadOnly()
                    .Where(p => p.TenantId == city && p.Status == ProblemStatus.Closed && p.Id != id)
                    .OrderByDescending(p => p.ClosedTime).Take(50));
            }
        }

        var unitNames = await UnitNamesAsync(history.Select(e => e.UnitId).Append(problem.UnitId));
        var userIds = history.Where(e => e.CreatorId != null).Select(e => e.CreatorId!.Value).Distinct().ToList();
        Dictionary<Guid, string> userNames;
        using (ReadAcrossCities())
        {
            userNames = (await users.ToListAsync(users.QueryReadOnly().Where(u => userIds.Contains(u.Id))))
                .ToDictionary(u => u.Id, u => u.Name ?? u.UserName ?? string.Empty);
        }

        var historyDtos = history.OrderBy(e => e.CreationTime).ThenBy(e => e.Kind).Select(e =>
        {
            var dto = mapper.Map<ProblemEventDto>(e);
            dto.UnitName = e.UnitId is { } u ? unitNames.GetValueOrDefault(u) : null;
            dto.UserName = e.CreatorId is { } c ? userNames.GetValueOrDefault(c) : null;
            return dto;
        }).ToList();
        return new ProblemDetailDto
        {
            Problem = (await ToDtosAsync([problem])).Single(),
            Evidence = files,
            History = historyDtos,
            Repeats = await ToDtosAsync(repeats),
        };
    }

    public async Task<ProblemMatrixDto> GetMatrixAsync()
    {
        EnsureProvince();
        var cities = await tenants.ToListAsync(tenants.QueryReadOnly());
        List<(Guid? City, ProblemStatus Status, DateTime Deadline, Guid? Previous)> rows;
        using (ReadAcrossCities())
        {
            rows = (await problems.ToListAsync(problems.QueryReadOnly().Select(p => new { p.TenantId, p.Status, p.Deadline, p.PreviousProblemId })))
                .Select(p => (p.TenantId, p.Status, p.Deadline, p.PreviousProblemId)).ToList();
        }

        var now = Now;
        ProblemMatrixRowDto Row(Guid? cityId, string? name, IReadOnlyCollection<(Guid? City, ProblemStatus Status, DateTime Deadline, Guid? Previous)> of) => new()
        {
            CityId = cityId,
            CityName = name,
            Counts = Enum.GetValues<ProblemStatus>().ToDictionary(s => s.ToString(), s => of.Count(p => p.Status == s)),
            Overdue = of.Count(p => p.Status != ProblemStatus.Closed && p.Deadline < now),
            Repeat = of.Count(p => p.Previous != null),
            Total = of.Count,
        };

        return new ProblemMatrixDto
        {
            Rows = cities.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => Row(c.Id, c.DisplayName, rows.Where(p => p.City == c.Id).ToList())).ToList(),
            Total = Row(null, null, rows.Where(p => cities.Any(c => c.Id == p.City)).ToList()),
        };
    }

    public async Task<FileDto> ExportXlsxAsync(GetProblemsInput input)
    {
        var (_, all) = await QueryAsync(input, 0, MaxExportRows);
        var bytes = ProblemXlsxWriter.Write(await ToDtosAsync(all), L);
        return new FileDto($"problems-{ProvinceTime.ToLocal(Now):yyyyMMdd-HHmm}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes);
    }

    private async Task<(int Total, List<Problem> Page)> QueryAsync(GetProblemsInput input, int skip, int take)
    {
        var scope = await access.UnitScopeAsync();
        using (ReadAcrossCitiesIfHost())
        {
            var query = problems.QueryReadOnly();
            if (scope is not null)
            {
                var scopeIds = scope.ToList();
                query = query.Where(p => p.UnitId != null && scopeIds.Contains(p.UnitId.Value));
            }

            if (input.CityId is { } cityId)
            {
                query = query.Where(p => p.TenantId == cityId);
            }

            if (input.UnitId is { } unitId)
            {
                query = query.Where(p => p.UnitId == unitId);
            }

            if (input.RoundId is { } roundId)
            {
                query = query.Where(p => p.RoundId == roundId);
            }

            if (input.Status is { } status)
            {
                query = query.Where(p => p.Status == status);
            }

            var now = Now;
            if (input.Overdue is { } overdue)
            {
                query = overdue
                    ? query.Where(p => p.Status != ProblemStatus.Closed && p.Deadline < now)
                    : query.Where(p => p.Status == ProblemStatus.Closed || p.Deadline >= now);
            }

            if (!string.IsNullOrWhiteSpace(input.Filter))
            {
                var words = input.Filter.Trim();
                query = query.Where(p => p.Title.Contains(words) || p.Category.Contains(words));
            }

            var total = await problems.CountAsync(query);
            var page = await problems.ToListAsync(query.OrderByDescending(p => p.CreationTime).ThenBy(p => p.Id).Skip(skip).Take(take));
            return (total, page);
        }
    }

    /// <summary>The problem in the current city (any city for the province), visible to the user, or 404.</summary>
    private async Task<Problem> GetVisibleAsync(Guid id)
    {
        Problem problem;
        using (ReadAcrossCitiesIfHost())
        {
            problem = await problems.GetAsync(id);
        }

        await access.EnsureMaySeeAsync(problem, id);
        return problem;
    }
    private async Task<List<ProblemDto>> ToDtosAsync(IReadOnlyCollection<Problem> list)
    {
        if (list.Count == 0)
        {
            return [];
        }

        var cityNames = (await tenants.ToListAsync(tenants.QueryReadOnly())).ToDictionary(t => t.Id, t => t.DisplayName);
        var unitNames = await UnitNamesAsync(list.Select(p => p.UnitId));
        var roundIds = list.Where(p => p.RoundId != null).Select(p => p.RoundId!.Value).Distinct().ToList();
        var roundNames = roundIds.Count == 0
            ? []
            : (await rounds.ToListAsync(rounds.QueryReadOnly().Where(r => roundIds.Contains(r.Id)))).ToDictionary(r => r.Id, r => r.Name);
        var now = Now;
        return list.Select(p =>
        {
            var dto = mapper.Map<ProblemDto>(p);
            dto.CityName = p.TenantId is { } c ? cityNames.GetValueOrDefault(c) : null;
            dto.UnitName = p.UnitId is { } u ? unitNames.GetValueOrDefault(u) : null;
            dto.RoundName = p.RoundId is { } r ? roundNames.GetValueOrDefault(r) : null;
            dto.Overdue = p.IsOverdueAt(now);
            return dto;
        }).ToList();
    }

    private async Task<Dictionary<Guid, string>> UnitNamesAsync(IEnumerable<Guid?> ids)
    {
        var wanted = ids.Where(i => i != null).Select(i => i!.Value).Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        using (ReadAcrossCitiesIfHost())
        {
            return (await units.ToListAsync(units.QueryReadOnly().Where(u => wanted.Contains(u.Id)))).ToDictionary(u => u.Id, u => u.Name);
        }
    }
}

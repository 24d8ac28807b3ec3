using AutoMapper;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.Identity;
using PilotAssessment.OrganizationUnits;
using PilotAssessment.Permissions;
using PilotAssessment.Repositories;
using PilotAssessment.Services;
using PilotAssessment.Tenants;

namespace PilotAssessment.Supervision;

/// <summary>The province plans its supervision rounds: the cities and units visited and the group's members (users of the province).</summary>
[RequiresPermission(PilotAssessmentPermissions.Supervision.Manage)]
internal sealed class SupervisionRoundAppService(
    ApplicationServiceContext context,
    IRepository<SupervisionRound> rounds,
    IRepository<Problem> problems,
    IRepository<Tenant> tenants,
    IRepository<OrganizationUnit> units,
    IRepository<AppUser> users,
    IMapper mapper) : PilotAssessmentAppService(context), ISupervisionRoundAppService
{
    public async Task<List<SupervisionRoundDto>> GetListAsync()
    {
        var list = await rounds.ToListAsync(rounds.QueryReadOnly().OrderByDescending(r => r.StartDate).ThenBy(r => r.Name));
        return await ToDtosAsync(list);
    }

    public async Task<SupervisionRoundDto> GetAsync(Guid id) => (await ToDtosAsync([await rounds.GetAsync(id)])).Single();

    public async Task<List<RoundMemberDto>> GetMemberCandidatesAsync()
    {
        var list = await users.ToListAsync(users.QueryReadOnly().Where(u => u.IsActive).OrderBy(u => u.UserName));
        return list.Select(u => new RoundMemberDto { UserId = u.Id, Name = string.IsNullOrEmpty(u.Name) ? u.UserName : u.Name }).ToList();
    }

    public async Task<List<RoundUnitDto>> GetUnitCandidatesAsync(Guid cityId)
    {
        if (await tenants.FindAsync(cityId) is null)
        {
            throw new BusinessException(SupervisionErrorCodes.UnknownCity).WithError("cityId", SupervisionErrorCodes.UnknownCity);
        }

        using (CurrentTenant.Change(cityId))
        {
            var list = await units.ToListAsync(units.QueryReadOnly().Where(u => u.ClosedTime == null).OrderBy(u => u.Code));
            return list.Select(u => new RoundUnitDto { Id = u.Id, Name = u.Name }).ToList();
        }
    }

    public async Task<SupervisionRoundDto> CreateAsync(SaveRoundInput input)
    {
        var round = new SupervisionRound(SequentialGuid.Next(), input.Name, input.PeriodLabel, ToDate(input.StartDate), ToDate(input.EndDate));
        await ApplyAsync(round, input);
        await rounds.InsertAsync(round);
        return (await ToDtosAsync([round])).Single();
    }

    public async Task<SupervisionRoundDto> UpdateAsync(Guid id, SaveRoundInput input)
    {
        var round = await rounds.GetAsync(id);
        if (!string.IsNullOrEmpty(input.ConcurrencyStamp) && input.ConcurrencyStamp != round.ConcurrencyStamp)
        {
            throw new ConcurrencyConflictException();
        }

        round.Change(input.Name, input.PeriodLabel, ToDate(input.StartDate), ToDate(input.EndDate));
        await ApplyAsync(round, input);
        await rounds.UpdateAsync(round);
        return (await ToDtosAsync([round])).Single();
    }

    public async Task DeleteAsync(Guid id)
    {
        var round = await rounds.GetAsync(id);
        bool used;
        using (ReadAcrossCities())
        {
            used = await problems.AnyAsync(problems.QueryReadOnly().Where(p => p.RoundId == id));
        }

        if (used)
        {
            throw new BusinessException(SupervisionErrorCodes.RoundHasProblems, round.Name);
        }

        await rounds.DeleteAsync(round);
    }

    /// <summary>Visits of known cities with units of those cities; members who are users of the province.</summary>
    private async Task ApplyAsync(SupervisionRound round, SaveRoundInput input)
    {
        round.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (round.Note is { Length: > SupervisionConsts.MaxTextLength })
        {
            throw new BusinessException(SupervisionErrorCodes.TextTooLong, SupervisionConsts.MaxTextLength)
                .WithError("note", SupervisionErrorCodes.TextTooLong, SupervisionConsts.MaxTextLength);
        }

        var cityIds = (await tenants.ToListAsync(tenants.QueryReadOnly().Select(t => t.Id))).ToHashSet();
        var visits = new List<RoundVisit>();
        for (var i = 0; i < input.Visits.Count; i++)
        {
            var visit = input.Visits[i];
            if (!cityIds.Contains(visit.CityId))
            {
                throw new BusinessException(SupervisionErrorCodes.UnknownCity).WithError($"visits[{i}].cityId", SupervisionErrorCodes.UnknownCity);
            }

            var wanted = visit.UnitIds.Distinct().ToList();
            using (CurrentTenant.Change(visit.CityId))
            {
                var found = await units.CountAsync(units.QueryReadOnly().Where(u => wanted.Contains(u.Id)));
                if (found != wanted.Count)
                {
                    throw new BusinessException(SupervisionErrorCodes.UnknownUnit).WithError($"visits[{i}].unitIds", SupervisionErrorCodes.UnknownUnit);
                }
            }

            if (visits.All(v => v.CityId != visit.CityId))
            {
                visits.Add(new RoundVisit { CityId = visit.CityId, UnitIds = wanted });
            }
        }

        var members = input.MemberUserIds.Distinct().ToList();
        var hostUsers = await users.CountAsync(users.QueryReadOnly().Where(u => members.Contains(u.Id)));
        if (hostUsers != members.Count)
        {
            throw new BusinessException(SupervisionErrorCodes.UnknownUser).WithError("memberUserIds", SupervisionErrorCodes.UnknownUser);
        }

        round.Visits = visits;
        round.MemberUserIds = members;
    }

    private async Task<List<SupervisionRoundDto>> ToDtosAsync(IReadOnlyCollection<SupervisionRound> list)
    {
        var cityNames = (await tenants.ToListAsync(tenants.QueryReadOnly())).ToDictionary(t => t.Id, t => t.DisplayName);
        var unitIds = list.SelectMany(r => r.Visits).SelectMany(v => v.UnitIds).Distinct().ToList();
        var memberIds = list.SelectMany(r => r.MemberUserIds).Distinct().ToList();
        var roundIds = list.Select(r => r.Id).ToList();
        Dictionary<Guid, string> unitNames;
        List<Guid?> found;
        using (ReadAcrossCities())
        {
            unitNames = unitIds.Count == 0 ? [] : (await units.ToListAsync(units.QueryReadOnly().Where(u => unitIds.Contains(u.Id)))).ToDictionary(u => u.Id, u => u.Name);
            found = await problems.ToListAsync(problems.QueryReadOnly().Where(p => p.RoundId != null && roundIds.Contains(p.RoundId.Value)).Select(p => p.RoundId));
        }

        var memberNames = memberIds.Count == 0
            ? []
            : (await users.ToListAsync(users.QueryReadOnly().Where(u => memberIds.Contains(u.Id)))).ToDictionary(u => u.Id, u => u.Name ?? u.UserName ?? string.Empty);
        return list.Select(r =>
        {
            var dto = mapper.Map<SupervisionRoundDto>(r);
            foreach (var visit in dto.Visits)
            {
                visit.CityName = cityNames.GetValueOrDefault(visit.CityId);
                visit.UnitNames = visit.UnitIds.Select(u => unitNames.GetValueOrDefault(u) ?? string.Empty).ToList();
            }

            foreach (var member in dto.Members)
            {
                member.Name = memberNames.GetValueOrDefault(member.UserId);
            }

            dto.ProblemCount = found.Count(f => f == r.Id);
            return dto;
        }).ToList();
    }

    private static DateTime ToDate(DateOnly day) => DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
}

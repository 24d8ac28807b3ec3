using AutoMapper.QueryableExtensions;
using PilotAssessment.Identity;

namespace PilotAssessment.OrganizationUnits;

/// <summary>The city's own units and who belongs to them. Everything here is inside the current city.</summary>
[RequiresPermission(PilotAssessmentPermissions.OrganizationUnits.Default)]
public sealed class OrganizationUnitAppService(
    ApplicationServiceContext context,
    IRepository<OrganizationUnit> units,
    IRepository<UnitMember> members,
    IRepository<AppUser> users,
    IMapper mapper) : PilotAssessmentAppService(context), IOrganizationUnitAppService
{
    public async Task<List<OrganizationUnitDto>> GetTreeAsync(bool includeClosed)
    {
        var visible = await units.ToListAsync(units.Query().Where(u => includeClosed || u.ClosedTime == null)
            .ProjectTo<OrganizationUnitDto>(mapper.ConfigurationProvider));
        var counts = (await members.ToListAsync(members.Query().Select(m => m.UnitId)))
            .GroupBy(u => u).ToDictionary(g => g.Key, g => g.Count());
        var dtos = visible.ToDictionary(u => u.Id);
        var roots = new List<OrganizationUnitDto>();
        foreach (var unit in visible.OrderBy(u => u.Code, StringComparer.Ordinal))
        {
            unit.MemberCount = counts.GetValueOrDefault(unit.Id);
            if (unit.ParentId is { } parentId && dtos.TryGetValue(parentId, out var parent))
            {
                parent.Children.Add(unit);
            }
            else
            {
                roots.Add(unit);
            }
        }

        return roots;
    }

    public async Task<OrganizationUnitDto> GetAsync(Guid id)
    {
        var unit = await units.GetAsync(id);
        var dto = mapper.Map<OrganizationUnitDto>(unit);
        dto.MemberCount = await members.CountAsync(members.Query().Where(m => m.UnitId == id));
        return dto;
    }

    [RequiresPermission(PilotAssessmentPermissions.OrganizationUnits.Manage)]
    public async Task<OrganizationUnitDto> CreateAsync(CreateOrganizationUnitInput input)
    {
        if (input.ParentId is { } parentId)
        {
            await GetOpenParentAsync(parentId);
        }

        var code = input.Code.Trim();
        if (await units.AnyAsync(units.Query().Where(u => u.Code == code)))
        {
            throw new BusinessException(OrganizationUnitErrorCodes.DuplicateCode, code);
        }

        var unit = new OrganizationUnit(SequentialGuid.Next(), code, input.Name, input.Kind, input.ParentId);
        await units.InsertAsync(unit);
        return mapper.Map<OrganizationUnitDto>(unit);
    }

    [RequiresPermission(PilotAssessmentPermissions.OrganizationUnits.Manage)]
    public async Task<OrganizationUnitDto> RenameAsync(Guid id, RenameOrganizationUnitInput input)
    {
        var unit = await units.GetAsync(id);
        unit.Rename(input.Name);
        await units.UpdateAsync(unit);
        return await GetAsync(id);
    }

    [RequiresPermission(PilotAssessmentPermissions.OrganizationUnits.Manage)]
    public async Task<OrganizationUnitDto> MoveAsync(Guid id, MoveOrganizationUnitInput input)
    {
        var unit = await units.GetAsync(id);
        if (input.ParentId is { } parentId)
        {
            await GetOpenParentAsync(parentId);

            // Walk up from the new parent: meeting the unit itself means the move would make a cycle.
            var parents = (await units.ToListAsync(units.Query().Select(u => new { u.Id, u.ParentId })))
                .ToDictionary(u => u.Id, u => u.ParentId);
            for (Guid? at = parentId; at is not null; at = parents.GetValueOrDefault(at.Value))
            {
                if (at == id)
                {
                    throw new BusinessException(OrganizationUnitErrorCodes.MoveCycle, unit.Name);
                }
            }
        }

        unit.MoveTo(input.ParentId);
        await units.UpdateAsync(unit);
        return await GetAsync(id);
    }

    [RequiresPermission(PilotAssessmentPermissions.OrganizationUnits.Manage)]
    public async Task<OrganizationUnitDto> CloseAsync(Guid id)
    {
        var unit = await units.GetAsync(id);
        if (await units.AnyAsync(units.Query().Where(u => u.ParentId == id && u.ClosedTime == null)))
        {
            throw new BusinessException(OrganizationUnitErrorCodes.HasOpenChildren, unit.Name);
        }

        unit.Close(Now);
        await units.UpdateAsync(unit);
        return await GetAsync(id);
    }

    public async Task<List<UnitMemberDto>> GetMembersAsync(Guid id)
    {
        await units.GetAsync(id);
        var userIds = await members.ToListAsync(members.Query().Where(m => m.UnitId == id).Select(m => m.UserId));
        var found = await users.ToListAsync(users.Query().Where(u => userIds.Contains(u.Id)).ProjectTo<UnitMemberDto>(mapper.ConfigurationProvider));
        return found.OrderBy(u => u.UserName, StringComparer.Ordinal).ToList();
    }

    [RequiresPermission(PilotAssessmentPermissions.OrganizationUnits.Manage)]
    public async Task AddMemberAsync(Guid id, Guid userId)
    {
        var unit = await units.GetAsync(id);
        if (unit.IsClosed)
        {
            throw new BusinessException(OrganizationUnitErrorCodes.Closed, unit.Name);
        }

        // The user query is filtered to the current city, so another city's user is simply not found.
        if (!await users.AnyAsync(users.Query().Where(u => u.Id == userId)))
        {
            throw new EntityNotFoundException(typeof(AppUser), userId);
        }

        if (!await members.AnyAsync(members.Query().Where(m => m.UnitId == id && m.UserId == userId)))
        {
            await members.InsertAsync(new UnitMember(SequentialGuid.Next(), id, userId));
        }
    }

    [RequiresPermission(PilotAssessmentPermissions.OrganizationUnits.Manage)]
    public async Task RemoveMemberAsync(Guid id, Guid userId)
    {
        await units.GetAsync(id);
        var member = await members.FirstOrDefaultAsync(members.Query().Where(m => m.UnitId == id && m.UserId == userId))
            ?? throw new EntityNotFoundException(typeof(UnitMember), userId);
        await members.DeleteAsync(member);
    }

    public async Task<List<OrganizationUnitDto>> GetMineAsync()
    {
        var userId = CurrentUser.Id;
        var unitIds = await members.ToListAsync(members.Query().Where(m => m.UserId == userId).Select(m => m.UnitId));
        var mine = await units.ToListAsync(units.Query().Where(u => unitIds.Contains(u.Id) && u.ClosedTime == null)
            .ProjectTo<OrganizationUnitDto>(mapper.ConfigurationProvider));
        return mine.OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
    }

    private async Task GetOpenParentAsync(Guid parentId)
    {
        var parent = await units.FindAsync(parentId) ?? throw new EntityNotFoundException(typeof(OrganizationUnit), parentId);
        if (parent.IsClosed)
        {
            throw new BusinessException(OrganizationUnitErrorCodes.ParentClosed, parent.Name);
        }
    }
}

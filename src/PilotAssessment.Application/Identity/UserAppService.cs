using AutoMapper.QueryableExtensions;
using Microsoft.AspNetCore.Identity;
using PilotAssessment.Dtos;
using PilotAssessment.OrganizationUnits;

namespace PilotAssessment.Identity;

/// <summary>Users of the current tenant (the host's users when no city is selected).</summary>
[RequiresPermission(PilotAssessmentPermissions.Users.Default)]
public sealed class UserAppService(
    ApplicationServiceContext context,
    UserManager<AppUser> userManager,
    RoleManager<AppRole> roleManager,
    IRepository<AppUser> users,
    IRepository<UnitMember> members,
    IRepository<OrganizationUnit> units,
    IIdentityUserRepository identityUsers,
    GrantGuard grantGuard,
    TokenService tokenService,
    IMapper mapper) : PilotAssessmentAppService(context), IUserAppService
{
    public async Task<PagedResultDto<UserDto>> GetListAsync(PagedAndFilteredRequestDto input)
    {
        var query = users.Query();
        if (!string.IsNullOrWhiteSpace(input.Filter))
        {
            var filter = input.Filter.Trim();
            query = query.Where(u => u.UserName!.Contains(filter) || (u.Name != null && u.Name.Contains(filter))
                || (u.PhoneNumber != null && u.PhoneNumber.Contains(filter)));
        }

        var total = await users.CountAsync(query);
        var page = await users.ToListAsync(query.OrderBy(u => u.UserName).Skip(input.SkipCount).Take(input.MaxResultCount)
            .ProjectTo<UserDto>(mapper.ConfigurationProvider));
        var ids = page.Select(u => u.Id).ToList();
        var roles = await identityUsers.GetRoleNamesAsync(ids);
        var unitNames = await UnitNamesAsync(ids);
        return new PagedResultDto<UserDto>(total, page.Select(u => u with { RoleNames = roles[u.Id], UnitNames = unitNames[u.Id] }).ToList());
    }

    public async Task<UserDto> GetAsync(Guid id)
    {
        var user = await users.GetAsync(id);
        return mapper.Map<UserDto>(user) with
        {
            RoleNames = (await identityUsers.GetRoleNamesAsync([id]))[id],
            UnitNames = (await UnitNamesAsync([id]))[id],
        };
    }

    [RequiresPermission(PilotAssessmentPermissions.Users.Create)]
    public async Task<UserDto> CreateAsync(CreateUserInput input)
    {
        await EnsureRolesExistAsync(input.RoleNames);
        await grantGuard.EnsureRolesGrantableAsync(input.RoleNames);
        var user = new AppUser(null, input.UserName.Trim())
        {
            Name = input.Name,
            Email = input.Email,
            PhoneNumber = UserPhoneNumber.Normalize(input.PhoneNumber),
            IsActive = input.IsActive,
        };
        (await userManager.CreateAsync(user, input.Password)).CheckErrors();
        (await userManager.AddToRolesAsync(user, input.RoleNames)).CheckErrors();
        return await GetAsync(user.Id);
    }

    [RequiresPermission(PilotAssessmentPermissions.Users.Update)]
    public async Task<UserDto> UpdateAsync(Guid id, UpdateUserInput input)
    {
        var user = await users.GetAsync(id);
        if (user.ConcurrencyStamp != input.ConcurrencyStamp)
        {
            throw new ConflictException(PilotAssessmentErrorCodes.ConcurrencyConflict);
        }

        var phone = UserPhoneNumber.Normalize(input.PhoneNumber);
        await EnsureRolesExistAsync(input.RoleNames);
        var current = await userManager.GetRolesAsync(user);
        await grantGuard.EnsureRolesGrantableAsync(input.RoleNames.Except(current));
        var deactivated = user.IsActive && !input.IsActive;
        user.Name = input.Name;
        user.PhoneNumber = phone;
        user.IsActive = input.IsActive;
        (await userManager.SetUserNameAsync(user, input.UserName.Trim())).CheckErrors();
        (await userManager.SetEmailAsync(user, input.Email)).CheckErrors();
        if (!string.IsNullOrEmpty(input.Password))
        {
            (await userManager.RemovePasswordAsync(user)).CheckErrors();
            (await userManager.AddPasswordAsync(user, input.Password)).CheckErrors();
        }

        if (deactivated)
        {
            // A new stamp refuses the user's access tokens at once.
            (await userManager.UpdateSecurityStampAsync(user)).CheckErrors();
        }

        (await userManager.RemoveFromRolesAsync(user, current.Except(input.RoleNames))).CheckErrors();
        (await userManager.AddToRolesAsync(user, input.RoleNames.Except(current))).CheckErrors();
        (await userManager.UpdateAsync(user)).CheckErrors();
        if (deactivated || !string.IsNullOrEmpty(input.Password))
        {
            await tokenService.RevokeUserAsync(user.Id);
        }

        return await GetAsync(user.Id);
    }

    [RequiresPermission(PilotAssessmentPermissions.Users.Delete)]
    public async Task DeleteAsync(Guid id)
    {
        if (id == CurrentUser.Id)
        {
            throw new BusinessException(PilotAssessmentErrorCodes.CannotDeleteSelf);
        }

        var user = await users.GetAsync(id);
        (await userManager.DeleteAsync(user)).CheckErrors();
        await tokenService.RevokeUserAsync(id);
    }

    /// <summary>Each user's open units by name (every id is a key; the province's users have none).</summary>
    private async Task<Dictionary<Guid, IReadOnlyList<string>>> UnitNamesAsync(IReadOnlyCollection<Guid> userIds)
    {
        var memberships = await members.ToListAsync(members.Query().Where(m => userIds.Contains(m.UserId)).Select(m => new { m.UserId, m.UnitId }));
        var unitIds = memberships.Select(m => m.UnitId).Distinct().ToList();
        var names = (await units.ToListAsync(units.Query().Where(u => unitIds.Contains(u.Id) && u.ClosedTime == null).Select(u => new { u.Id, u.Code, u.Name })))
            .ToDictionary(u => u.Id);
        return userIds.ToDictionary(id => id, id => (IReadOnlyList<string>)memberships.Where(m => m.UserId == id && names.ContainsKey(m.UnitId))
            .Select(m => names[m.UnitId]).OrderBy(u => u.Code, StringComparer.Ordinal).Select(u => u.Name).ToList());
    }

    private async Task EnsureRolesExistAsync(IEnumerable<string> roleNames)
    {
        foreach (var roleName in roleNames)
        {
            if (!await roleManager.RoleExistsAsync(roleName))
            {
                throw new EntityNotFoundException(typeof(AppRole), roleName);
            }
        }
    }
}

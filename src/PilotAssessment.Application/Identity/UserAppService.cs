using AutoMapper.QueryableExtensions;
using Microsoft.AspNetCore.Identity;
using PilotAssessment.Dtos;

namespace PilotAssessment.Identity;

/// <summary>Users of the current tenant (the host's users when no city is selected).</summary>
[RequiresPermission(PilotAssessmentPermissions.Users.Default)]
public sealed class UserAppService(
    ApplicationServiceContext context,
    UserManager<AppUser> userManager,
    RoleManager<AppRole> roleManager,
    IRepository<AppUser> users,
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
            query = query.Where(u => u.UserName!.Contains(input.Filter) || (u.Name != null && u.Name.Contains(input.Filter)));
        }

        var total = await users.CountAsync(query);
        var page = await users.ToListAsync(query.OrderBy(u => u.UserName).Skip(input.SkipCount).Take(input.MaxResultCount)
            .ProjectTo<UserDto>(mapper.ConfigurationProvider));
        var roles = await identityUsers.GetRoleNamesAsync(page.Select(u => u.Id).ToList());
        return new PagedResultDto<UserDto>(total, page.Select(u => u with { RoleNames = roles[u.Id] }).ToList());
    }

    public async Task<UserDto> GetAsync(Guid id)
    {
        var user = await users.GetAsync(id);
        return mapper.Map<UserDto>(user) with { RoleNames = (await identityUsers.GetRoleNamesAsync([id]))[id] };
    }

    [RequiresPermission(PilotAssessmentPermissions.Users.Create)]
    public async Task<UserDto> CreateAsync(CreateUserInput input)
    {
        await EnsureRolesExistAsync(input.RoleNames);
        await grantGuard.EnsureRolesGrantableAsync(input.RoleNames);
        var user = new AppUser(null, input.UserName.Trim()) { Name = input.Name, Email = input.Email, IsActive = input.IsActive };
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

        await EnsureRolesExistAsync(input.RoleNames);
        var current = await userManager.GetRolesAsync(user);
        await grantGuard.EnsureRolesGrantableAsync(input.RoleNames.Except(current));
        var deactivated = user.IsActive && !input.IsActive;
        user.Name = input.Name;
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

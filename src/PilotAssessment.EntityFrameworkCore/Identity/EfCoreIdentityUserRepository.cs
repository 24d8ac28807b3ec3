using PilotAssessment.EntityFrameworkCore;

namespace PilotAssessment.Identity;

public sealed class EfCoreIdentityUserRepository(PilotAssessmentDbContext dbContext) : IIdentityUserRepository
{
    public async Task<Dictionary<Guid, List<string>>> GetRoleNamesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default)
    {
        var pairs = await (
            from userRole in dbContext.UserRoles
            join role in dbContext.Roles on userRole.RoleId equals role.Id
            where userIds.Contains(userRole.UserId)
            select new { userRole.UserId, role.Name })
            .ToListAsync(cancellationToken);
        return userIds.ToDictionary(id => id, id => pairs.Where(p => p.UserId == id).Select(p => p.Name!).OrderBy(n => n).ToList());
    }

    public Task<List<Guid>> GetUserIdsInRoleAsync(string roleName, CancellationToken cancellationToken = default)
    {
        var normalized = roleName.ToUpperInvariant();
        return (
            from userRole in dbContext.UserRoles
            join role in dbContext.Roles on userRole.RoleId equals role.Id
            join user in dbContext.Users on userRole.UserId equals user.Id
            where role.NormalizedName == normalized
            select user.Id)
            .ToListAsync(cancellationToken);
    }
}

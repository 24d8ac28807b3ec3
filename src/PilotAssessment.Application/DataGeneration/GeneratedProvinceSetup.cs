using Microsoft.AspNetCore.Identity;
using PilotAssessment.Identity;
using PilotAssessment.Results;
using PilotAssessment.Seeding;

namespace PilotAssessment.DataGeneration;

/// <summary>
/// What a generated province needs beyond its data to be used like a real one: each city's roles and users
/// (<see cref="DataGeneratorOptions.WithUsers"/>) and the stored reference figures of every period.
/// </summary>
public sealed class GeneratedProvinceSetup(
    IdentityDataSeeder identitySeeder,
    UserManager<AppUser> userManager,
    ReferenceFigureStore figures,
    IUnitOfWork unitOfWork,
    ICurrentTenant currentTenant)
{
    /// <summary>The documented password of every generated user (the demo one): for benchmarks and demos only.</summary>
    public const string Password = DataSeeder.DefaultAdminPassword;

    /// <summary>The users each city gets: its administrator and one clerk.</summary>
    public static readonly (string UserName, string Name, string Role)[] Users =
    [
        ("admin", "市级管理员", RoleNames.CityAdmin),
        ("clerk", "填报员", RoleNames.Clerk),
    ];

    /// <summary>Each city's built-in roles and <see cref="Users"/>; existing ones are left as they are.</summary>
    public async Task SeedUsersAsync(IReadOnlyList<Guid> cityIds, Action<string>? progress = null)
    {
        // One hash for all: hashing is deliberately slow, and every generated user has the same documented password.
        var hash = userManager.PasswordHasher.HashPassword(new AppUser(), Password);
        for (var c = 0; c < cityIds.Count; c++)
        {
            await identitySeeder.SeedAsync(cityIds[c], "admin", adminPassword: null);
            using (currentTenant.Change(cityIds[c]))
            {
                foreach (var (userName, name, role) in Users)
                {
                    if (await userManager.FindByNameAsync(userName) is not null)
                    {
                        continue;
                    }

                    var user = new AppUser(cityIds[c], userName) { Name = name, EmailConfirmed = true, PasswordHash = hash };
                    (await userManager.CreateAsync(user)).CheckErrors();
                    (await userManager.AddToRoleAsync(user, role)).CheckErrors();
                }
            }

            await unitOfWork.SaveChangesAsync();
            if ((c + 1) % 50 == 0)
            {
                progress?.Invoke($"users of {c + 1}/{cityIds.Count} cities");
            }
        }
    }

    /// <summary>The stored province averages of each period, as submissions and approvals would have left them.</summary>
    public async Task RecomputeReferenceFiguresAsync(IEnumerable<Guid> periodIds)
    {
        foreach (var periodId in periodIds)
        {
            await figures.RecomputeAsync(periodId);
            await unitOfWork.SaveChangesAsync();
        }
    }
}

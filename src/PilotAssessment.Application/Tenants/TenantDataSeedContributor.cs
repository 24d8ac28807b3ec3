using Microsoft.Extensions.Logging;
using PilotAssessment.Identity;
using PilotAssessment.Seeding;

namespace PilotAssessment.Tenants;

/// <summary>
/// The host's roles and administrator; with demo data, the five Gansu pilot cities and their users, all with the
/// documented demo password. Without demo data the first administrator gets <see cref="DataSeedContext.InitialAdminPassword"/>
/// (<c>Identity:InitialAdminPassword</c>) and must change it at first sign-in.
/// </summary>
public sealed class TenantDataSeedContributor(IRepository<Tenant> tenants, TenantManager tenantManager, IdentityDataSeeder identitySeeder,
    ILogger<TenantDataSeedContributor> logger)
    : IDataSeedContributor
{
    public static readonly (string Name, string DisplayName)[] GansuPilotCities =
    [
        ("兰州", "兰州市"), ("天水", "天水市"), ("酒泉", "酒泉市"), ("张掖", "张掖市"), ("金昌", "金昌市"),
    ];

    public int Order => 10;

    public async Task SeedAsync(DataSeedContext context)
    {
        if (!context.IncludeDemoData)
        {
            if (context.InitialAdminPassword is null && !await identitySeeder.UserExistsAsync(null, "admin"))
            {
                logger.LogWarning(
                    "No province administrator exists and none is created: set Identity:InitialAdminPassword (environment variable Identity__InitialAdminPassword) "
                    + "and run the DbMigrator again; the administrator \"admin\" must change it at first sign-in.");
            }

            await identitySeeder.SeedAsync(null, "admin", context.InitialAdminPassword, mustChangePassword: true);
            return;
        }

        await identitySeeder.SeedAsync(
            null,
            "admin",
            context.AdminPassword,
            [("official", "省级考评官员", RoleNames.Official), ("auditor", "审核员", RoleNames.Auditor)],
            demoPassword: true);

        foreach (var (name, displayName) in GansuPilotCities)
        {
            var normalized = Tenant.Normalize(name);
            var existing = await tenants.FirstOrDefaultAsync(tenants.Query().Where(t => t.NormalizedName == normalized));
            var demoUsers = new[] { ("clerk", "填报员", RoleNames.Clerk) };
            if (existing is null)
            {
                await tenantManager.CreateAsync(name, displayName, "admin", context.AdminPassword, demoUsers, demoPassword: true);
            }
            else
            {
                await identitySeeder.SeedAsync(existing.Id, "admin", context.AdminPassword, demoUsers, demoPassword: true);
            }
        }
    }
}

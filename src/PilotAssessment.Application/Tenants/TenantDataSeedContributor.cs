using PilotAssessment.Identity;
using PilotAssessment.Repositories;
using PilotAssessment.Seeding;

namespace PilotAssessment.Tenants;

/// <summary>The host's roles and administrator; with demo data, the five Gansu pilot cities and their users.</summary>
public sealed class TenantDataSeedContributor(IRepository<Tenant> tenants, TenantManager tenantManager, IdentityDataSeeder identitySeeder)
    : IDataSeedContributor
{
    public static readonly (string Name, string DisplayName)[] GansuPilotCities =
    [
        ("兰州", "兰州市"), ("天水", "天水市"), ("酒泉", "酒泉市"), ("张掖", "张掖市"), ("金昌", "金昌市"),
    ];

    public int Order => 10;

    public async Task SeedAsync(DataSeedContext context)
    {
        await identitySeeder.SeedAsync(
            null,
            "admin",
            context.AdminPassword,
            context.IncludeDemoData ? [("official", "省级考评官员", RoleNames.Official), ("auditor", "审核员", RoleNames.Auditor)] : null);

        if (!context.IncludeDemoData)
        {
            return;
        }

        foreach (var (name, displayName) in GansuPilotCities)
        {
            var normalized = Tenant.Normalize(name);
            var existing = (await tenants.ToListAsync(tenants.Query().Where(t => t.NormalizedName == normalized))).FirstOrDefault();
            var demoUsers = new[] { ("clerk", "填报员", RoleNames.Clerk) };
            if (existing is null)
            {
                await tenantManager.CreateAsync(name, displayName, "admin", context.AdminPassword, demoUsers);
            }
            else
            {
                await identitySeeder.SeedAsync(existing.Id, "admin", context.AdminPassword, demoUsers);
            }
        }
    }
}

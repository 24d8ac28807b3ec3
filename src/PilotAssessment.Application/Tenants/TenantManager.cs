using PilotAssessment.Identity;

namespace PilotAssessment.Tenants;

/// <summary>
/// Creates a pilot city with its built-in roles and administrator, all or nothing. The administrator changes the
/// password the province chose at first sign-in; only the demo cities keep the documented one.
/// </summary>
public sealed class TenantManager(IRepository<Tenant> tenants, IdentityDataSeeder identitySeeder, IUnitOfWorkManager unitOfWorkManager)
{
    public async Task<Tenant> CreateAsync(string name, string displayName, string adminUserName, string adminPassword,
        IEnumerable<(string UserName, string Name, string Role)>? demoUsers = null, bool demoPassword = false)
    {
        var normalized = Tenant.Normalize(name);
        if (await tenants.AnyAsync(tenants.Query().Where(t => t.NormalizedName == normalized)))
        {
            throw new BusinessException(PilotAssessmentErrorCodes.TenantNameTaken, name.Trim()).WithError("name", name.Trim());
        }

        // Joins the caller's unit of work (an application service's or a seed contributor's): all or nothing.
        await using var unitOfWork = await unitOfWorkManager.BeginAsync();

        // Saved now, as the province's row, before the city's roles and administrator are written inside the city.
        var tenant = await tenants.InsertAsync(new Tenant(SequentialGuid.Next(), name, displayName), autoSave: true);
        await identitySeeder.SeedAsync(tenant.Id, adminUserName, adminPassword, demoUsers, demoPassword, mustChangePassword: !demoPassword);
        await unitOfWork.CompleteAsync();
        return tenant;
    }
}

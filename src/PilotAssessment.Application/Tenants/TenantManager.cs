using PilotAssessment.ExceptionHandling;
using PilotAssessment.Identity;
using PilotAssessment.Repositories;

namespace PilotAssessment.Tenants;

/// <summary>
/// Creates a pilot city with its built-in roles and administrator, all or nothing. The administrator changes the
/// password the province chose at first sign-in; only the demo cities keep the documented one.
/// </summary>
public sealed class TenantManager(IRepository<Tenant> tenants, IdentityDataSeeder identitySeeder, IUnitOfWork unitOfWork)
{
    public async Task<Tenant> CreateAsync(string name, string displayName, string adminUserName, string adminPassword,
        IEnumerable<(string UserName, string Name, string Role)>? demoUsers = null, bool demoPassword = false)
    {
        var normalized = Tenant.Normalize(name);
        if (await tenants.AnyAsync(tenants.Query().Where(t => t.NormalizedName == normalized)))
        {
            throw new BusinessException(PilotAssessmentErrorCodes.TenantNameTaken, name.Trim()).WithError("name", name.Trim());
        }

        await using var transaction = await unitOfWork.BeginTransactionAsync();
        var tenant = await tenants.InsertAsync(new Tenant(Guid.NewGuid(), name, displayName));
        await identitySeeder.SeedAsync(tenant.Id, adminUserName, adminPassword, demoUsers, demoPassword, mustChangePassword: !demoPassword);
        await transaction.CommitAsync();
        return tenant;
    }
}

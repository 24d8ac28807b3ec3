namespace PilotAssessment.Seeding;

/// <summary>Seeds one kind of data. Must be idempotent: running it twice leaves the same data.</summary>
public interface IDataSeedContributor
{
    /// <summary>Contributors run in ascending order.</summary>
    int Order { get; }

    Task SeedAsync(DataSeedContext context);
}

public sealed class DataSeedContext
{
    /// <summary>When set, the contributor seeds inside this tenant only.</summary>
    public Guid? TenantId { get; init; }

    /// <summary>Seed the demo data (Gansu pilot cities, demo users, the sample scheme).</summary>
    public bool IncludeDemoData { get; init; } = true;

    /// <summary>
    /// With the demo data: a history for the dashboards (earlier published periods of the sample scheme for the
    /// demo cities). Set by the run command's first start on the embedded database (<c>Database:SeedDemoHistory</c>).
    /// </summary>
    public bool IncludeDemoHistory { get; init; }

    /// <summary>Password of the demo users (only with <see cref="IncludeDemoData"/>).</summary>
    public string AdminPassword { get; init; } = DataSeeder.DefaultAdminPassword;

    /// <summary>
    /// Without demo data: the password of the province's first administrator, created once when missing, who must
    /// change it at first sign-in (configuration <c>Identity:InitialAdminPassword</c>). Null creates no administrator.
    /// </summary>
    public string? InitialAdminPassword { get; init; }
}

public interface IDataSeeder
{
    Task SeedAsync(DataSeedContext context);
}

/// <summary>Runs the contributors in order, each in its own unit of work (one transaction: all of it or nothing).</summary>
public sealed class DataSeeder(IEnumerable<IDataSeedContributor> contributors, IUnitOfWorkManager unitOfWorkManager) : IDataSeeder
{
    /// <summary>The documented password of the demo users; never used without demo data.</summary>
    public const string DefaultAdminPassword = "1q2w3E*";

    public async Task SeedAsync(DataSeedContext context)
    {
        foreach (var contributor in contributors.OrderBy(c => c.Order))
        {
            await using var unitOfWork = await unitOfWorkManager.BeginAsync();
            await contributor.SeedAsync(context);
            await unitOfWork.CompleteAsync();
        }
    }
}

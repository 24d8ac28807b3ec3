using Microsoft.Extensions.Logging;
using PilotAssessment.Seeding;

namespace PilotAssessment.EntityFrameworkCore;

/// <summary>Applies pending migrations of the configured provider, then seeds. Safe to run any number of times.</summary>
public sealed class DbMigrationService(PilotAssessmentDbContext dbContext, IDataSeeder seeder, ILogger<DbMigrationService> logger)
{
    public async Task MigrateAndSeedAsync(DataSeedContext seedContext, CancellationToken cancellationToken = default)
    {
        var pending = (await dbContext.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        logger.LogInformation("Applying {Count} pending migration(s) on {Provider}", pending.Count, dbContext.Database.ProviderName);
        await dbContext.Database.MigrateAsync(cancellationToken);
        await seeder.SeedAsync(seedContext);
        logger.LogInformation("Database migrated and seeded");
    }
}

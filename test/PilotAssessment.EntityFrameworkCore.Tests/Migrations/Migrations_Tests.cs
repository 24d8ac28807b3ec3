using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.Seeding;
using Shouldly;
using Xunit;

namespace PilotAssessment.EntityFrameworkCore.Migrations;

public sealed class Migrations_Tests
{
    [Fact]
    public void Should_Have_No_Pending_Model_Changes_For_Sqlite()
    {
        using var context = new SqliteDesignTimeDbContextFactory().CreateDbContext([]);
        context.Database.HasPendingModelChanges().ShouldBeFalse();
    }

    [Fact]
    public void Should_Have_No_Pending_Model_Changes_For_MySql()
    {
        using var context = new MySqlDesignTimeDbContextFactory().CreateDbContext([]);
        context.Database.HasPendingModelChanges().ShouldBeFalse();
    }
}

/// <summary>DbMigrator's work (migrate, then seed) run a second time changes nothing.</summary>
public abstract class DbMigrator_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : PilotAssessmentTestApplication
{
    [Fact]
    public async Task Should_Leave_The_Same_Data_When_Run_Twice()
    {
        var before = await SnapshotAsync();

        await app.WithScopeAsync(sp => sp.GetRequiredService<DbMigrationService>().MigrateAndSeedAsync(new DataSeedContext()));

        var after = await SnapshotAsync();
        after.ShouldBe(before);
        before.ShouldContain(line => line.StartsWith("Tenants:5", StringComparison.Ordinal));
    }

    private Task<List<string>> SnapshotAsync() => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<PilotAssessmentDbContext>();
        return new List<string>
        {
            "Tenants:" + await db.Tenants.IgnoreQueryFilters().CountAsync(),
            "Users:" + string.Join(",", await db.Users.IgnoreQueryFilters().OrderBy(u => u.Id).Select(u => u.Id + "/" + u.UserName + "/" + u.PasswordHash).ToListAsync()),
            "Roles:" + string.Join(",", await db.Roles.IgnoreQueryFilters().OrderBy(r => r.Id).Select(r => r.Id + "/" + r.Name).ToListAsync()),
            "UserRoles:" + await db.UserRoles.CountAsync(),
            "Grants:" + string.Join(",", await db.PermissionGrants.IgnoreQueryFilters().OrderBy(g => g.Id).Select(g => g.Id + "/" + g.Name).ToListAsync()),
        };
    });
}

public sealed class DbMigrator_Sqlite_Tests(SqliteTestApplication app) : DbMigrator_Tests<SqliteTestApplication>(app);

public sealed class DbMigrator_MySql_Tests(MySqlTestApplication app) : DbMigrator_Tests<MySqlTestApplication>(app);

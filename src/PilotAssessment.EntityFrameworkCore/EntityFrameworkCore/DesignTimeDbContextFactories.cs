using Microsoft.EntityFrameworkCore.Design;
using PilotAssessment.Data;
using PilotAssessment.MultiTenancy;

namespace PilotAssessment.EntityFrameworkCore;

/// <summary>Used by `dotnet ef migrations add ... --context SqlitePilotAssessmentDbContext`.</summary>
public sealed class SqliteDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqlitePilotAssessmentDbContext>
{
    public SqlitePilotAssessmentDbContext CreateDbContext(string[] args) =>
        (SqlitePilotAssessmentDbContext)new SqlitePilotAssessmentDbContext(
            new DbContextOptionsBuilder<SqlitePilotAssessmentDbContext>().UseSqlite("Data Source=design-time.db").Options)
            .Lease(new CurrentTenant(), new DataFilter());
}

/// <summary>Used by `dotnet ef migrations add ... --context MySqlPilotAssessmentDbContext`; needs no running server.</summary>
public sealed class MySqlDesignTimeDbContextFactory : IDesignTimeDbContextFactory<MySqlPilotAssessmentDbContext>
{
    public static readonly ServerVersion DesignServerVersion = ServerVersion.Parse("8.0.36-mysql");

    public MySqlPilotAssessmentDbContext CreateDbContext(string[] args) =>
        (MySqlPilotAssessmentDbContext)new MySqlPilotAssessmentDbContext(
            new DbContextOptionsBuilder<MySqlPilotAssessmentDbContext>().UseMySql("Server=localhost;Database=pilot_assessment", DesignServerVersion).Options)
            .Lease(new CurrentTenant(), new DataFilter());
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PilotAssessment;
using PilotAssessment.EntityFrameworkCore;
using PilotAssessment.Seeding;

// Applies migrations and seeds the configured database (appsettings.json, environment, command line):
//   dotnet run --project src/PilotAssessment.DbMigrator -- --Database:Provider=MySql --ConnectionStrings:Default="Server=..."
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddPilotAssessmentApplication(builder.Configuration);
builder.Services.AddPilotAssessmentEntityFrameworkCore(builder.Configuration);

using var host = builder.Build();
await using var scope = host.Services.CreateAsyncScope();
await scope.ServiceProvider.GetRequiredService<DbMigrationService>().MigrateAndSeedAsync(new DataSeedContext
{
    IncludeDemoData = builder.Configuration.GetValue("Database:SeedDemoData", true),
});

using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PilotAssessment;
using PilotAssessment.DataGeneration;
using PilotAssessment.EntityFrameworkCore;
using PilotAssessment.Periods;
using PilotAssessment.Repositories;
using PilotAssessment.Results;
using PilotAssessment.Seeding;

// Applies migrations and seeds the configured database (appsettings.json, environment, command line):
//   dotnet run --project src/PilotAssessment.DbMigrator -- --Database:Provider=MySql --ConnectionStrings:Default="Server=..."
// Then, with "generate", adds a generated national-scale province (docs/adr/0007):
//   dotnet run --project src/PilotAssessment.DbMigrator -- generate --cities 300 --indicators 150 --periods 12 [--seed N] [--publish N]
// --publish N publishes the N oldest periods through the product's publishing (default: all but the last, which stays locked).
// --open-last leaves the last period open for entry (drafts; every other city submitted) and publishes all the others;
// --users gives every city its roles, an administrator "admin" and a clerk "clerk" with the documented demo password
// 1q2w3E* (benchmarks and demos only), e.g. generate --cities 300 --open-last --users
var generate = args.FirstOrDefault() == "generate";
var generatorKeys = new[] { "--cities", "--indicators", "--periods", "--seed", "--publish", "--year" };
var generatorFlags = new[] { "--open-last", "--users" };
int? Option(string name) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).Cast<int?>().FirstOrDefault();
var hostArgs = args.Where((a, i) => a != "generate" && !generatorKeys.Contains(a) && !generatorFlags.Contains(a) && (i == 0 || !generatorKeys.Contains(args[i - 1]))).ToArray();

var builder = Host.CreateApplicationBuilder(hostArgs);
builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning); // also when appsettings.json is not in the working directory
builder.Services.AddPilotAssessmentApplication(builder.Configuration);
builder.Services.AddPilotAssessmentEntityFrameworkCore(builder.Configuration);

using var host = builder.Build();
await using (var scope = host.Services.CreateAsyncScope())
{
    var demo = builder.Configuration.GetValue("Database:SeedDemoData", true);
    await scope.ServiceProvider.GetRequiredService<DbMigrationService>().MigrateAndSeedAsync(new DataSeedContext
    {
        IncludeDemoData = demo,
        InitialAdminPassword = builder.Configuration["Identity:InitialAdminPassword"],
        IncludeDemoHistory = demo && builder.Configuration.GetValue("Database:SeedDemoHistory", false),
    });
}

if (generate)
{
    var options = new DataGeneratorOptions();
    options = options with
    {
        Cities = Option("--cities") ?? options.Cities,
        Indicators = Option("--indicators") ?? options.Indicators,
        Periods = Option("--periods") ?? options.Periods,
        Seed = Option("--seed") ?? options.Seed,
        Year = Option("--year") ?? options.Year,
        LeaveLastOpen = args.Contains("--open-last"),
        WithUsers = args.Contains("--users"),
    };
    var publish = Math.Clamp(Option("--publish") ?? options.Periods - 1, 0, options.LeaveLastOpen ? options.Periods - 1 : options.Periods);
    Console.WriteLine($"Generating {options.Cities} cities × {options.Indicators} indicators × {options.Periods} periods (seed {options.Seed})");
    var total = Stopwatch.StartNew();
    GeneratedProvince province;
    await using (var scope = host.Services.CreateAsyncScope())
    {
        province = await scope.ServiceProvider.GetRequiredService<NationalDataWriter>().WriteAsync(new NationalDataGenerator(options), Console.WriteLine);
    }

    await using (var scope = host.Services.CreateAsyncScope())
    {
        var setup = scope.ServiceProvider.GetRequiredService<GeneratedProvinceSetup>();
        await setup.RecomputeReferenceFiguresAsync(province.PeriodIds);
        if (options.WithUsers)
        {
            await setup.SeedUsersAsync(province.CityIds, Console.WriteLine);
            Console.WriteLine($"users: {string.Join(", ", GeneratedProvinceSetup.Users.Select(u => u.UserName))} in each city, password {GeneratedProvinceSetup.Password}");
        }
    }

    for (var p = 0; p < publish; p++)
    {
        var started = Stopwatch.StartNew();
        await using var scope = host.Services.CreateAsyncScope();
        var period = await scope.ServiceProvider.GetRequiredService<IRepository<AssessmentPeriod>>().GetAsync(province.PeriodIds[p]);
        await scope.ServiceProvider.GetRequiredService<PeriodRecomputeService>().PublishAsync(period, province.CityIds, TimeProvider.System.GetUtcNow().UtcDateTime);
        Console.WriteLine($"published {p + 1}/{publish} {period.Name} in {started.Elapsed.TotalSeconds:F1} s");
    }

    Console.WriteLine($"Done: {province.Lines:N0} entry lines, {publish} periods published, in {total.Elapsed.TotalSeconds:F0} s");
}

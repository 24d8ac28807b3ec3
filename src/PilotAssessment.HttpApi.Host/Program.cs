using PilotAssessment;

var builder = WebApplication.CreateBuilder(args);
PilotAssessmentHttpApiHostModule.ConfigureServices(builder);

var app = builder.Build();
await PilotAssessmentHttpApiHostModule.ConfigureAsync(app);
await app.RunAsync();

/// <summary>Entry point; public so host tests can start it in memory.</summary>
public partial class Program;

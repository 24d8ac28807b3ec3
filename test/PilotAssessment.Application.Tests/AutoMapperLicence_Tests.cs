using System.Collections.Concurrent;
using AutoMapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PilotAssessment.Tenants;
using Shouldly;
using Xunit;

namespace PilotAssessment;

/// <summary>What AutoMapper does without a licence key (docs/adr/0013): it warns in the log and maps all the same.</summary>
public sealed class AutoMapperLicence_Tests
{
    [Theory]
    [InlineData(null)]
    [InlineData("not-a-licence-key")]
    public void Should_Map_Without_A_Valid_Licence_Key_And_Say_So_In_The_Log(string? key)
    {
        var logs = new LogCollector();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs));
        services.AddPilotAssessmentApplication(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AutoMapper:LicenseKey"] = key }).Build());
        using var provider = services.BuildServiceProvider();

        var city = new Tenant(Guid.NewGuid(), "lanzhou", "兰州市");
        provider.GetRequiredService<IMapper>().Map<TenantDto>(city).DisplayName.ShouldBe("兰州市");

        // Whether a malformed key is logged again depends on what the process configured before; only the missing key's warning is looked for.
        if (key is null && Environment.GetEnvironmentVariable("AUTOMAPPER_LICENSE_KEY") is null && Environment.GetEnvironmentVariable("LUCKYPENNY_LICENSE_KEY") is null)
        {
            logs.Entries.ShouldContain(e => e.Level >= LogLevel.Warning && e.Message.Contains("license key", StringComparison.OrdinalIgnoreCase));
        }
    }

    private sealed record LogEntry(string Category, LogLevel Level, string Message);

    private sealed class LogCollector : ILoggerProvider
    {
        public ConcurrentQueue<LogEntry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Collecting(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Collecting(LogCollector owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception)));
        }
    }
}

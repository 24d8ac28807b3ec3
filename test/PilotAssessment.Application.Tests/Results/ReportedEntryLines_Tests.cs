using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.Data;
using PilotAssessment.DataEntry;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Periods;
using PilotAssessment.Repositories;
using PilotAssessment.Tenants;
using Shouldly;
using Xunit;

namespace PilotAssessment.Results;

/// <summary>The database's count of reported lines (completeness by GROUP BY) agrees with <see cref="EntryLine.IsReported"/>.</summary>
public abstract class ReportedEntryLines_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : PilotAssessmentTestApplication
{
    private static readonly EntryValue[] Values =
    [
        new(),
        new() { LastYearNumber = 12 },
        new() { Flags = ["grade\":null,"] },
        new() { Occurrences = [] },
        new() { SurveyRates = [] },
        new() { Occurrences = [], SurveyRates = [], LastYearNumber = 3, Flags = [] },
        new() { Number = 0 },
        new() { Number = 95.5m, LastYearNumber = 90 },
        new() { Occurrences = [new EntryOccurrence { Count = 0 }] },
        new() { Occurrences = [new EntryOccurrence { Type = "{\"number\":null,", Count = 2 }] },
        new() { Grade = "优" },
        new() { Grade = "null," },
        new() { ChecklistPresent = [] },
        new() { ChecklistPresent = ["制度", "\"grade\":null,"] },
        new() { SurveyRates = new Dictionary<string, decimal> { ["满意"] = 0.9m } },
    ];

    [Fact]
    public async Task Should_Count_In_The_Database_The_Lines_That_Are_Reported()
    {
        var periodId = (await app.CreatePeriodAsync(TimeSpan.FromMinutes(-1), TimeSpan.FromDays(10))).Id;
        var expected = await app.WithScopeAsync(async sp =>
        {
            var tenants = sp.GetRequiredService<IRepository<Tenant>>();
            var city = (await tenants.ToListAsync(tenants.Query().OrderBy(t => t.Name))).First();
            using var _ = sp.GetRequiredService<ICurrentTenant>().Change(city.Id);
            var lines = sp.GetRequiredService<IRepository<EntryLine>>();
            var inserted = new List<EntryLine>();
            for (var i = 0; i < Values.Length; i++)
            {
                var line = new EntryLine(Guid.NewGuid(), periodId, $"X{i:D2}");
                line.SetValue(Values[i], null, app.Clock.GetUtcNow().UtcDateTime);
                inserted.Add(await lines.InsertAsync(line, autoSave: true));
            }

            return inserted.Where(l => l.IsReported).Select(l => l.IndicatorCode).Order().ToList();
        });

        expected.Count.ShouldBe(9);
        var counted = await app.WithScopeAsync(async sp =>
        {
            using var _ = sp.GetRequiredService<IDataFilter>().Disable<IMultiTenant>();
            var lines = sp.GetRequiredService<IRepository<EntryLine>>();
            return await lines.ToListAsync(lines.QueryReadOnly().Where(l => l.PeriodId == periodId).Where(ReportedEntryLines.Predicate).Select(l => l.IndicatorCode));
        });
        counted.Order().ShouldBe(expected);
    }
}

public sealed class ReportedEntryLines_Sqlite_Tests(SqliteTestApplication app) : ReportedEntryLines_Tests<SqliteTestApplication>(app);

public sealed class ReportedEntryLines_MySql_Tests(MySqlTestApplication app) : ReportedEntryLines_Tests<MySqlTestApplication>(app);

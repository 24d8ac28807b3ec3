using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.DataEntry;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.OrganizationUnits;
using PilotAssessment.Periods;
using PilotAssessment.Repositories;
using PilotAssessment.Results;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Rules;
using PilotAssessment.Schemes.SampleData;
using PilotAssessment.Schemes.Scoring;
using PilotAssessment.Schemes.Validation;
using Shouldly;
using Xunit;

namespace PilotAssessment.Supervision;

/// <summary>
/// An indicator configured with <c>occurrence_source: supervision</c> takes its count from the register: each
/// unrectified problem of the city is one occurrence, listed in the line's explanation, and closing one changes the score.
/// </summary>
public abstract class ProblemScoring_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : PilotAssessmentTestApplication
{
    private const string Fed = "A03";
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF"u8.ToArray();

    [Fact]
    public async Task Should_Count_The_Citys_Open_Problems_In_The_Fed_Indicator_And_Change_Its_Score_When_One_Is_Closed()
    {
        var periodId = await PeriodOfFedSchemeAsync(2071);
        var city = await app.TenantIdAsync("兰州");
        var first = await AsOfficialAsync(p => p.CreateAsync(NewProblem(city, "矛盾纠纷排查台账不全")));
        await AsOfficialAsync(p => p.CreateAsync(NewProblem(city, "网格员配备不足")));
        var tianshui = await app.TenantIdAsync("天水");
        await AsOfficialAsync(p => p.CreateAsync(NewProblem(tianshui, "天水的问题")));

        var line = await LineAsync(periodId, "兰州");
        line.Value.Occurrences!.Select(o => o.Type).ShouldBe(["矛盾纠纷排查台账不全", "网格员配备不足"], ignoreOrder: true);
        var before = await ScoreAsync(periodId, city);
        before.Points.ShouldBe(1m);
        before.Explanation.ZhHans.ShouldContain("矛盾纠纷排查台账不全1次×1分");
        before.Explanation.ZhHans.ShouldContain("网格员配备不足1次×1分");
        before.Explanation.ZhHans.ShouldNotContain("天水的问题");

        // The clerk cannot type the line: its occurrences are the register's.
        var typed = await Should.ThrowAsync<BusinessException>(() => app.DataEntryAsync("兰州", "clerk", e => e.SaveAsync(periodId, Fed, new EntryValueDto { Number = 0 }, line.ConcurrencyStamp)));
        typed.Code.ShouldBe(SupervisionErrorCodes.LineFromRegister);

        await RectifyAndCloseAsync(first.Id);

        var after = await ScoreAsync(periodId, city);
        after.Points.ShouldBe(2m);
        after.Explanation.ZhHans.ShouldNotContain("矛盾纠纷排查台账不全");
        after.Explanation.ZhHans.ShouldContain("网格员配备不足1次×1分");
        (await ScoreAsync(periodId, tianshui)).Points.ShouldBe(2m);
    }

    [Fact]
    public async Task Should_Double_A_Problem_Found_Again_After_It_Was_Closed()
    {
        var periodId = await PeriodOfFedSchemeAsync(2072);
        var city = await app.TenantIdAsync("酒泉");
        var first = await AsOfficialAsync(p => p.CreateAsync(NewProblem(city, "值班值守不落实")));
        await RectifyAndCloseAsync(first.Id, "酒泉");
        (await ScoreAsync(periodId, city)).Points.ShouldBe(3m);

        var input = NewProblem(city, "值班值守仍不落实");
        input.PreviousProblemId = first.Id;
        var again = await AsOfficialAsync(p => p.CreateAsync(input));

        again.Repeat.ShouldBeTrue();
        var line = await ScoreAsync(periodId, city);
        line.Points.ShouldBe(1m);
        line.Explanation.ZhHans.ShouldContain("值班值守仍不落实1次×1分×2（加倍）");
    }

    private static CreateProblemInput NewProblem(Guid city, string title) => new()
    {
        CityId = city,
        Title = title,
        Category = "平安建设",
        Severity = ProblemSeverity.Normal,
        Deadline = new DateOnly(2026, 4, 30),
    };

    private async Task RectifyAndCloseAsync(Guid problemId, string city = "兰州")
    {
        var unit = await app.AsUserAsync(city, "admin", sp => sp.GetRequiredService<IOrganizationUnitAppService>().CreateAsync(
            new CreateOrganizationUnitInput { Code = $"U{problemId:N}"[..12], Name = $"整改单位{problemId:N}"[..12], Kind = OrganizationUnitKind.Department }));
        await app.AsUserAsync(city, "admin", async sp =>
        {
            var problems = sp.GetRequiredService<IProblemAppService>();
            await problems.HandToUnitAsync(problemId, new HandToUnitInput { UnitId = unit.Id });
        });
        await app.AsUserAsync(city, "admin", sp => sp.GetRequiredService<IProblemAppService>().UploadEvidenceAsync(problemId, "整改.pdf", new MemoryStream(Pdf), Pdf.Length));
        await app.AsUserAsync(city, "admin", sp => sp.GetRequiredService<IProblemAppService>().ReportRectificationAsync(problemId, new ReportRectificationInput { Note = "已整改" }));
        var closed = await AsOfficialAsync(p => p.CloseAsync(problemId, new CloseProblemInput()));
        closed.Status.ShouldBe(nameof(ProblemStatus.Closed));
    }

    private Task<T> AsOfficialAsync<T>(Func<IProblemAppService, Task<T>> action) =>
        app.AsUserAsync(null, "official", sp => action(sp.GetRequiredService<IProblemAppService>()));

    private Task<EntryLineDto> LineAsync(Guid periodId, string city) =>
        app.DataEntryAsync(city, "admin", async e => (await e.GetSheetAsync(periodId)).Lines.Single(l => l.IndicatorCode == Fed));

    private Task<ScoreLine> ScoreAsync(Guid periodId, Guid city) => app.AsUserAsync(null, "official", async sp =>
    {
        var period = await sp.GetRequiredService<IRepository<AssessmentPeriod>>().GetAsync(periodId);
        var scores = await sp.GetRequiredService<PeriodRecomputeService>().ScoreAsync(period, [city], withAuditorScores: true);
        return scores.Sheets.Single().Sheet.Lines.Single(l => l.IndicatorCode == Fed);
    });

    /// <summary>The sample scheme with 涉稳信息报送 (−1 each, at most 3) fed from the register, doubled for repeats; an open period of it.</summary>
    private async Task<Guid> PeriodOfFedSchemeAsync(int year)
    {
        var schemeId = Guid.NewGuid();
        await app.WithScopeAsync(async sp =>
        {
            var draft = SampleSchemeLoader.CreateDraft(schemeId);
            var definition = draft.Definition with
            {
                Categories = draft.Definition.Categories.Select(c => c with
                {
                    Indicators = c.Indicators.Select(i => i.Code == Fed
                        ? i with { OccurrenceSource = IndicatorOccurrenceSource.Supervision, Rule = new PerOccurrenceDeductionRule { Per = 1, Cap = 3, DoubleWhen = [SupervisionConsts.RepeatedFlag] } }
                        : i).ToList(),
                }).ToList(),
            };
            var scheme = new Scheme(schemeId, $"督导计分方案{year}", year, draft.Scale, definition);
            scheme.Publish(new SchemeValidator(), app.Clock.GetUtcNow().UtcDateTime);
            await sp.GetRequiredService<IRepository<Scheme>>().InsertAsync(scheme, autoSave: true);
        });
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var period = await app.PeriodsAsync(async p =>
        {
            var created = await p.CreateAsync(new CreatePeriodInput
            {
                SchemeId = schemeId,
                Kind = PeriodKind.Annual,
                Year = year,
                Number = 1,
                EntryOpensAt = ProvinceTime.ToLocal(now.AddHours(-1)),
                EntryClosesAt = ProvinceTime.ToLocal(now.AddDays(10)),
            });
            return await p.OpenAsync(created.Id);
        });
        return period.Id;
    }
}

public sealed class ProblemScoring_Sqlite_Tests(SqliteTestApplication app) : ProblemScoring_Tests<SqliteTestApplication>(app);

public sealed class ProblemScoring_MySql_Tests(MySqlTestApplication app) : ProblemScoring_Tests<MySqlTestApplication>(app);

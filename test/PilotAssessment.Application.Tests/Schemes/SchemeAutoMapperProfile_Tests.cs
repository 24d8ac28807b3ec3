using System.Globalization;
using PilotAssessment.Schemes.Rules;
using PilotAssessment.Schemes.SampleData;
using PilotAssessment.Schemes.Scoring;
using Shouldly;
using Xunit;

namespace PilotAssessment.Schemes;

public sealed class SchemeAutoMapperProfile_Tests
{
    [Fact]
    public void Should_Map_A_Scheme_To_The_List_Shape_With_Its_Status_Name_And_Indicator_Count()
    {
        var sample = SampleSchemeLoader.Load();
        var scheme = new Scheme(Guid.NewGuid(), sample.Name, sample.Year, sample.Scale, sample.Definition);

        var dto = ApplicationMapper.Mapper.Map<SchemeDto>(scheme);

        dto.Id.ShouldBe(scheme.Id);
        dto.Name.ShouldBe(sample.Name);
        dto.Status.ShouldBe("Draft");
        dto.IndicatorCount.ShouldBe(30);
        dto.Definition.ShouldBeNull();
        dto.Problems.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("zh-Hans", "得满分", "扣 2 分", "一票否决")]
    [InlineData("en", "Full points", "2 points off", "Vetoed")]
    public void Should_Show_Each_Explanation_Of_A_Score_Sheet_In_The_Readers_Language(string culture, string line, string bonus, string veto)
    {
        var sheet = new ScoreSheet
        {
            Lines =
            [
                new ScoreLine
                {
                    IndicatorCode = "A01", IndicatorName = "矛盾纠纷化解率", CategoryCode = "A", RuleKind = "threshold", MaxPoints = 5, Value = 98, Points = 5,
                    Status = LineStatus.Scored, Explanation = new BilingualText("得满分", "Full points"),
                },
                new ScoreLine
                {
                    IndicatorCode = "A02", IndicatorName = "群众安全感", CategoryCode = "A", RuleKind = "survey", MaxPoints = 5, Points = 0,
                    Status = LineStatus.Unreported, Explanation = new BilingualText("未填报", "Not reported"),
                },
            ],
            Categories = [new CategoryScore { Code = "A", Name = "平安建设", MaxPoints = 10, Points = 5, Percent = 50, Colour = "yellow" }],
            BonusLines = [new BonusLine { Code = "B01", Name = "创新案例", Count = 1, Points = -2, Explanation = new BilingualText("扣 2 分", "2 points off") }],
            Vetoes = [new VetoOutcome { Code = "V01", Name = "重大案件", Consequence = new TotalZeroedConsequence(), Effect = new BilingualText("一票否决", "Vetoed") }],
            Total = 3,
        };

        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var dto = ApplicationMapper.Mapper.Map<ScoreSheetDto>(sheet);

            dto.Lines[0].Explanation.ShouldBe(line);
            dto.Lines[0].ExplanationZhHans.ShouldBe("得满分");
            dto.Lines[0].ExplanationEn.ShouldBe("Full points");
            dto.Lines[0].Status.ShouldBe("Scored");
            dto.Lines[1].Status.ShouldBe("Unreported");
            dto.BonusLines.Single().Explanation.ShouldBe(bonus);
            dto.Vetoes.Single().Effect.ShouldBe(veto);
            dto.Vetoes.Single().ConsequenceKind.ShouldBe("total_zeroed");
            dto.Categories.Single().Colour.ShouldBe("yellow");
            dto.UnreportedCount.ShouldBe(1);
            dto.ErrorCount.ShouldBe(0);
            dto.Total.ShouldBe(3);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}

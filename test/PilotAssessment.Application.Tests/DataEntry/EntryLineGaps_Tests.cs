using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Rules;
using Shouldly;
using Xunit;

namespace PilotAssessment.DataEntry;

/// <summary>What a saved draft may still lack: last year's figure of a year-on-year line, a survey's missing components.</summary>
public class EntryLineGaps_Tests
{
    private static readonly IndicatorDefinition Survey = new()
    {
        Code = "I02",
        Name = "群众满意度",
        Unit = "%",
        Rule = new SurveyCompositeRule
        {
            Components = [new SurveyComponent { Key = "awareness", Name = "知晓率" }, new SurveyComponent { Key = "satisfaction", Name = "满意度" }],
            FullAt = 90,
        },
    };

    private static string[] Gaps(IndicatorDefinition indicator, EntryValue value, decimal? reference = null) =>
        EntryLineGaps.Of(indicator, value, (reference, reference is null ? null : "Entered")).Select(g => $"{g.Field}:{g.Gap.Code}").ToArray();

    [Fact]
    public void Should_Flag_A_Year_On_Year_Figure_Without_Last_Years_Only_When_None_Is_Known()
    {
        var b01 = EntryWorkbooks.SampleIndicators["B01"];

        Gaps(b01, new EntryValue { Number = 1200 }).ShouldBe([$"value.lastYearNumber:{DataEntryErrorCodes.LastYearMissing}"]);
        Gaps(b01, new EntryValue { Number = 1200 }, reference: 1300).ShouldBeEmpty();
        Gaps(b01, new EntryValue()).ShouldBeEmpty();
        Gaps(EntryWorkbooks.SampleIndicators["B04"], new EntryValue { Number = 90 }).ShouldBeEmpty();
    }

    [Fact]
    public void Should_Flag_Each_Missing_Component_Of_A_Survey_Begun()
    {
        Gaps(Survey, new EntryValue { SurveyRates = new Dictionary<string, decimal> { ["awareness"] = 80 } })
            .ShouldBe([$"value.surveyRates.satisfaction:{DataEntryErrorCodes.SurveyRateMissing}"]);
        Gaps(Survey, new EntryValue { SurveyRates = new Dictionary<string, decimal> { ["awareness"] = 80, ["satisfaction"] = 90 } }).ShouldBeEmpty();
        Gaps(Survey, new EntryValue()).ShouldBeEmpty();
    }
}

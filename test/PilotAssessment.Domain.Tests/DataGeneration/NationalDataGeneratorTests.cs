using PilotAssessment.DataEntry;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Scoring;
using PilotAssessment.Schemes.Validation;
using Shouldly;
using Xunit;

namespace PilotAssessment.DataGeneration;

public sealed class NationalDataGeneratorTests
{
    private static readonly DataGeneratorOptions Small = new() { Cities = 3, Indicators = 20, Periods = 2 };

    [Theory]
    [InlineData(20)]
    [InlineData(150)]
    public void Should_Build_A_Scheme_The_Validator_Accepts_With_Every_Part_Used(int indicators)
    {
        var generator = new NationalDataGenerator(new DataGeneratorOptions { Indicators = indicators });
        var scheme = generator.Scheme();

        new SchemeValidator().Validate(scheme, generator.Scale).ShouldBeEmpty();
        scheme.AllIndicators().Count().ShouldBe(indicators);
        scheme.AllIndicators().Sum(i => i.MaxPoints).ShouldBe(generator.Scale);
        scheme.AllIndicators().Select(i => i.Rule.GetType()).Distinct().Count().ShouldBeGreaterThanOrEqualTo(7);
        scheme.Categories.ShouldAllBe(c => c.Children.Count > 0);
        scheme.Bonus.Items.ShouldNotBeEmpty();
        scheme.Vetoes.Count.ShouldBe(3);
        scheme.Colours.Count.ShouldBe(4);
        scheme.Grades.Count.ShouldBe(4);
    }

    [Fact]
    public void Should_Name_Every_City_Once_In_Chinese_Without_The_Demo_Cities()
    {
        var cities = new NationalDataGenerator(new DataGeneratorOptions { Cities = 300 }).Cities();

        cities.Count.ShouldBe(300);
        cities.Select(c => c.Name).Distinct().Count().ShouldBe(300);
        cities.ShouldAllBe(c => c.DisplayName == c.Name + "市" && c.Name.All(ch => ch >= '\u4e00' && ch <= '\u9fff' || char.IsAsciiDigit(ch)));
        cities.Select(c => c.Name).ShouldNotContain("兰州");
        cities.Select(c => c.Name).ShouldNotContain("金昌");
    }

    [Fact]
    public void Should_Score_Every_Period_With_A_Spread_Of_Values_And_Totals()
    {
        var generator = new NationalDataGenerator(Small);
        var scheme = generator.Scheme();
        var engine = new ScoringEngine();
        generator.Periods().Select(p => p.Name).ShouldBe(["2025年1月", "2025年2月"]);

        for (var period = 0; period < Small.Periods; period++)
        {
            var totals = new List<decimal>();
            for (var city = 0; city < Small.Cities; city++)
            {
                var data = generator.CityPeriod(scheme, city, period);
                var sheet = engine.Score(scheme, new CityPeriodValues
                {
                    Indicators = data.Values.ToDictionary(v => v.Key, v => v.Value.ToIndicatorValue()),
                    VetoFacts = data.VetoFacts,
                    BonusCounts = data.BonusCounts,
                    DataItems = data.DataItems,
                });
                sheet.Lines.Count.ShouldBe(20);
                sheet.Lines.ShouldNotContain(l => l.Status == LineStatus.Error);
                sheet.Total.ShouldBeGreaterThan(0);
                totals.Add(sheet.Total);
                data.Values.Values.Where(v => v.Number is not null).Select(v => v.Number).Distinct().Count().ShouldBeGreaterThan(3);
            }

            totals.Distinct().Count().ShouldBe(Small.Cities);
        }
    }

    [Fact]
    public void Should_Give_The_Same_Data_For_The_Same_Seed_And_Other_Data_For_Another()
    {
        string Dump(int seed)
        {
            var generator = new NationalDataGenerator(Small with { Seed = seed });
            var scheme = generator.Scheme();
            return string.Join("|", Enumerable.Range(0, Small.Cities).SelectMany(c => Enumerable.Range(0, Small.Periods).Select(p =>
            {
                var data = generator.CityPeriod(scheme, c, p);
                return string.Join(";", data.Values.OrderBy(v => v.Key).Select(v => v.Key + "=" + v.Value.ToJson())) + string.Join(",", data.DataItems.Values);
            })));
        }

        Dump(7).ShouldBe(Dump(7));
        Dump(7).ShouldNotBe(Dump(8));
    }

    [Fact]
    public void Should_Leave_Some_Lines_Unreported_And_Fire_Some_Vetoes_At_National_Scale()
    {
        var generator = new NationalDataGenerator(new DataGeneratorOptions { Cities = 300, Indicators = 150, Periods = 1 });
        var scheme = generator.Scheme();
        var entered = scheme.AllIndicators().Count(i => string.IsNullOrWhiteSpace(i.Formula));
        var data = Enumerable.Range(0, 300).Select(c => generator.CityPeriod(scheme, c, 0)).ToList();

        var unreported = data.Sum(d => entered - d.Values.Count);
        unreported.ShouldBeInRange(300 * entered / 100, 300 * entered * 4 / 100); // about 2 %
        data.Count(d => d.VetoFacts.Count > 0).ShouldBeInRange(1, 12);
        data.ShouldAllBe(d => d.Values.Values.All(v => !v.IsEmpty || v.ChecklistPresent != null));
    }
}

using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Rules;
using PilotAssessment.Schemes.Scoring;

namespace PilotAssessment.Benchmarks;

/// <summary>A realistic 1000-point scheme of 150 indicators using every rule kind, and reproducible values for many cities.</summary>
public static class ProvinceGenerator
{
    public const int IndicatorCount = 150;

    public static SchemeDefinition Scheme()
    {
        var categories = new List<CategoryDefinition>();
        var index = 0;
        for (var c = 0; c < 10; c++)
        {
            // Each category has 5 direct indicators and two sub-categories of 5, so 15 per category and 3 levels in use.
            var code = ((char)('A' + c)).ToString();
            categories.Add(new CategoryDefinition
            {
                Code = code,
                Name = $"类别{code}",
                Indicators = Enumerable.Range(0, 5).Select(_ => Indicator(index++)).ToList(),
                Children =
                [
                    new CategoryDefinition { Code = code + "1", Name = $"类别{code}1", Indicators = Enumerable.Range(0, 5).Select(_ => Indicator(index++)).ToList() },
                    new CategoryDefinition
                    {
                        Code = code + "2",
                        Name = $"类别{code}2",
                        Children = [new CategoryDefinition { Code = code + "21", Name = $"类别{code}21", Indicators = Enumerable.Range(0, 5).Select(_ => Indicator(index++)).ToList() }],
                    },
                ],
            });
        }

        return new SchemeDefinition
        {
            Categories = categories,
            DataItems = [new() { Code = "population", Name = "常住人口" }, new() { Code = "cases", Name = "刑事案件数" }],
            Bonus = new BonusDefinition
            {
                Items =
                [
                    new() { Code = "X01", Name = "见义勇为", PointsPerInstance = 5 },
                    new() { Code = "X02", Name = "经验推广", PointsPerInstance = 20, Cap = 40 },
                ],
                TotalCap = 50,
            },
            Vetoes =
            [
                new() { Code = "V1", Name = "政治安全", TriggerFact = "political", Consequence = new GradeSetConsequence { Grade = "不合格", AwardIneligible = true } },
                new() { Code = "V4", Name = "群体性事件", TriggerFact = "mass", Consequence = new FixedDeductionConsequence { Points = 300 } },
                new() { Code = "V5", Name = "极端案事件", TriggerFact = "extreme", Consequence = new GradeCapConsequence { MaxGrade = "良好" } },
            ],
            Grades =
            [
                new() { Name = "优秀", MinScore = 900 },
                new() { Name = "良好", MinScore = 800 },
                new() { Name = "合格", MinScore = 600 },
                new() { Name = "不合格", MinScore = 0 },
            ],
            Colours =
            [
                new() { Name = "绿", MinPercent = 90 },
                new() { Name = "蓝", MinPercent = 80 },
                new() { Name = "橙", MinPercent = 70 },
                new() { Name = "红", MinPercent = 0 },
            ],
        };
    }

    // 100 indicators of 6 points and 50 of 8 make 1000.
    private static decimal Max(int i) => i % 3 == 2 ? 8m : 6m;

    private static IndicatorDefinition Indicator(int i)
    {
        var max = Max(i);
        var (rule, unit, formula) = (i % 12) switch
        {
            0 => ((ScoringRule)new ThresholdBandsRule { Bands = [new(95, max), new(85, max * 0.6m), new(70, max * 0.3m)] }, "%", (string?)null),
            1 => (new PerOccurrenceDeductionRule { Per = 1, Rates = [new() { Type = "capital", Per = 3 }], DoubleWhen = ["major_event_period"], Cap = max }, "起", null),
            2 => (new RatioToTargetRule { Target = 100 }, "%", null),
            3 => (new YoyChangeRule { Per = 0.5m, Improved = max, Flat = max - 1, Floor = 0 }, "起", null),
            4 => (new ReferenceComparisonRule { Bands = [new(0, max), new(0.5m, max / 2)], Otherwise = 1 }, "‰", null),
            5 => (new ShortfallBandsRule { FullAt = 96, Per = 0.25m, SteepBelow = 90, SteepPer = 0.5m, Cap = max - 1 }, "%", null),
            6 => (new RankBasedRule { Ranks = Enumerable.Range(1, 5).Select(r => new RankPoints { Rank = r, Points = max - r + 1 }).ToList(), Otherwise = 1, DropPenalties = [new() { Places = 5, Points = 1 }] }, "名次", null),
            7 => (new RankChangeRule { DropBands = [new(0, max), new(4, max * 0.75m), new(9, max / 2)] }, "名次", null),
            8 => (new QualitativeGradeRule { Grades = [new() { Grade = "优", Percent = 100 }, new() { Grade = "良", Percent = 80 }, new() { Grade = "中", Percent = 60 }, new() { Grade = "差", Percent = 40 }] }, null, null),
            9 => (new ChecklistRule { Items = ["计划", "队伍", "演练", "台账"], Per = 1.5m }, "项", null),
            10 => (new SurveyCompositeRule { Components = [new() { Key = "safety", Weight = 0.6m }, new() { Key = "satisfaction", Weight = 0.4m }], FullAt = 95 }, "%", null),
            _ => (new ThresholdBandsRule { Dir = BetterDirection.Lower, Bands = [new(30, max), new(40, max / 2)] }, "件/10万人", "cases / population * 100000"),
        };
        return new IndicatorDefinition { Code = $"K{i:000}", Name = $"指标{i:000}", Unit = unit, MaxPoints = max, Rule = rule, Formula = formula };
    }

    public static (CityPeriodValues Values, ReferenceData Reference)[] Cities(SchemeDefinition scheme, int count, int seed = 20260301)
    {
        var random = new Random(seed);
        var indicators = scheme.AllIndicators().ToList();
        var averages = indicators.ToDictionary(i => i.Code, _ => 2.6m);
        var cities = new (CityPeriodValues, ReferenceData)[count];
        for (var c = 0; c < count; c++)
        {
            var values = new Dictionary<string, IndicatorValue>(indicators.Count);
            var lastYear = new Dictionary<string, decimal>();
            var ranks = new Dictionary<string, int>();
            var lastRanks = new Dictionary<string, int>();
            for (var i = 0; i < indicators.Count; i++)
            {
                var indicator = indicators[i];
                if (random.Next(100) == 0)
                {
                    continue; // about 1 % unreported
                }

                decimal Rate(int low) => Math.Round(low + (decimal)random.NextDouble() * (100 - low), 1);
                values[indicator.Code] = indicator.Rule switch
                {
                    PerOccurrenceDeductionRule => IndicatorValue.Count(new OccurrenceCount("default", random.Next(3), random.Next(5) == 0 ? ["major_event_period"] : null), new OccurrenceCount("capital", random.Next(2))),
                    YoyChangeRule => IndicatorValue.Of(random.Next(80, 120)),
                    ReferenceComparisonRule => IndicatorValue.Of(Math.Round(2m + (decimal)random.NextDouble(), 2)),
                    QualitativeGradeRule => IndicatorValue.Graded(new[] { "优", "良", "中", "差" }[random.Next(4)]),
                    ChecklistRule => IndicatorValue.Present(new[] { "计划", "队伍", "演练", "台账" }.Where(_ => random.Next(4) > 0).ToArray()),
                    SurveyCompositeRule => IndicatorValue.Survey(new Dictionary<string, decimal> { ["safety"] = Rate(80), ["satisfaction"] = Rate(75) }),
                    RankBasedRule or RankChangeRule => new IndicatorValue(),
                    _ when indicator.Formula is not null => new IndicatorValue(),
                    _ => IndicatorValue.Of(Rate(60)),
                };
                if (indicator.Rule is YoyChangeRule)
                {
                    lastYear[indicator.Code] = 100;
                }

                if (indicator.Rule is RankBasedRule or RankChangeRule)
                {
                    ranks[indicator.Code] = random.Next(1, count + 1);
                    lastRanks[indicator.Code] = random.Next(1, count + 1);
                }
            }

            var facts = new Dictionary<string, bool>();
            if (random.Next(50) == 0)
            {
                facts[new[] { "political", "mass", "extreme" }[random.Next(3)]] = true;
            }

            cities[c] = (
                new CityPeriodValues
                {
                    CityKey = $"城市{c:000}",
                    Indicators = values,
                    BonusCounts = new Dictionary<string, int> { ["X01"] = random.Next(4), ["X02"] = random.Next(3) },
                    VetoFacts = facts,
                    DataItems = new Dictionary<string, decimal> { ["population"] = random.Next(0, 200) == 0 ? 0 : random.Next(500_000, 10_000_000), ["cases"] = random.Next(100, 4000) },
                },
                new ReferenceData { ProvinceAverages = averages, LastYearValues = lastYear, Ranks = ranks, LastYearRanks = lastRanks });
        }

        return cities;
    }
}

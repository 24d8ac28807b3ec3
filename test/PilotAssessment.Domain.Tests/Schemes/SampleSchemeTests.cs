using PilotAssessment.Schemes.Json;
using PilotAssessment.Schemes.Rules;
using PilotAssessment.Schemes.SampleData;
using PilotAssessment.Schemes.Scoring;
using PilotAssessment.Schemes.Validation;
using Shouldly;
using Xunit;

namespace PilotAssessment.Schemes;

public class SampleSchemeTests
{
    private static readonly SchemeDocument Sample = SampleSchemeLoader.Load();

    private static SchemeDefinition Definition => Sample.Definition;

    // rule_kind and max of every indicator in indicators.csv
    private static readonly Dictionary<string, (string Kind, decimal Max)> Csv = new()
    {
        ["A01"] = ("per_occurrence_deduction", 4),
        ["A02"] = ("checklist", 3),
        ["A03"] = ("per_occurrence_deduction", 3),
        ["B01"] = ("yoy_change", 5),
        ["B02"] = ("ratio_to_target", 4),
        ["B03"] = ("reference_comparison", 3),
        ["B04"] = ("threshold_bands", 3),
        ["C01"] = ("yoy_change", 5),
        ["C02"] = ("ratio_to_target", 4),
        ["C03"] = ("per_occurrence_deduction", 3),
        ["C04"] = ("threshold_bands", 3),
        ["D01"] = ("ratio_to_target", 4),
        ["D02"] = ("per_occurrence_deduction", 4),
        ["D03"] = ("threshold_bands", 4),
        ["E01"] = ("ratio_to_target", 4),
        ["E02"] = ("threshold_bands", 4),
        ["F01"] = ("qualitative_grade", 4),
        ["F02"] = ("ratio_to_target", 4),
        ["F03"] = ("threshold_bands", 2),
        ["F04"] = ("per_occurrence_deduction", 2),
        ["G01"] = ("ratio_to_target", 3),
        ["G02"] = ("threshold_bands", 2),
        ["G03"] = ("checklist", 3),
        ["H01"] = ("ratio_to_target", 3),
        ["H02"] = ("ratio_to_target", 3),
        ["H03"] = ("threshold_bands", 2),
        ["I01"] = ("shortfall_bands", 6),
        ["I02"] = ("shortfall_bands", 2),
        ["I03"] = ("shortfall_bands", 2),
        ["I04"] = ("rank_change", 2),
    };

    [Fact]
    public void Should_load_and_validate_the_sample_scheme()
    {
        Sample.Scale.ShouldBe(100);
        Definition.Categories.Count.ShouldBe(9);
        Definition.AllIndicators().Count().ShouldBe(30);
        Definition.AllIndicators().Sum(i => i.MaxPoints).ShouldBe(100m);
        Definition.Bonus.Items.Count.ShouldBe(3);
        Definition.Bonus.TotalCap.ShouldBe(5m);
        Definition.Vetoes.Count.ShouldBe(5);
        Definition.Grades.Select(g => (g.Name, g.MinScore)).ShouldBe([("优秀", 90m), ("良好", 80m), ("合格", 60m), ("不合格", 0m)]);
        Definition.Colours.Select(c => (c.Name, c.MinPercent)).ShouldBe([("绿", 90m), ("蓝", 80m), ("橙", 70m), ("红", 0m)]);
        new SchemeValidator().Validate(Definition, Sample.Scale).ShouldBeEmpty();
    }

    [Fact]
    public void Should_publish_the_sample_as_a_scheme()
    {
        var scheme = SampleSchemeLoader.CreateDraft(Guid.NewGuid());
        scheme.Publish(new SchemeValidator(), DateTime.UtcNow);
        scheme.Status.ShouldBe(SchemeStatus.Published);
    }

    [Fact]
    public void Should_round_trip_all_30_rules_of_the_sample()
    {
        var back = SchemeJsonSerializer.DeserializeDefinition(SchemeJsonSerializer.SerializeDefinition(Definition));
        var before = Definition.AllIndicators().ToList();
        var after = back.AllIndicators().ToList();
        after.Count.ShouldBe(30);
        for (var i = 0; i < 30; i++)
        {
            var (kind, max) = Csv[before[i].Code];
            after[i].Code.ShouldBe(before[i].Code);
            after[i].Rule.Kind.ShouldBe(kind);
            after[i].MaxPoints.ShouldBe(max);
            JsonOf(after[i].Rule).ShouldBe(JsonOf(before[i].Rule), before[i].Code);
        }

        // Spot checks that parameters of the CSV survived as typed values.
        var c03 = (PerOccurrenceDeductionRule)after.Single(i => i.Code == "C03").Rule;
        c03.Per.ShouldBe(1.5m);
        c03.DoubleWhen.ShouldBe(["major_event_period"]);
        var d02 = (PerOccurrenceDeductionRule)after.Single(i => i.Code == "D02").Rule;
        d02.Rates.Select(r => (r.Type, r.Per)).ShouldBe([("per_province", 1m), ("per_capital", 3m)]);
        var c01 = (YoyChangeRule)after.Single(i => i.Code == "C01").Rule;
        (c01.Improved, c01.Flat, c01.Per).ShouldBe((5m, 4m, 0.5m));
        var i01 = (ShortfallBandsRule)after.Single(i => i.Code == "I01").Rule;
        (i01.FullAt, i01.Per, i01.SteepBelow, i01.SteepPer, i01.Cap).ShouldBe((96m, 0.25m, 90m, 0.5m, 5m));
        var b03 = (ReferenceComparisonRule)after.Single(i => i.Code == "B03").Rule;
        b03.Bands.Select(b => (b.At, b.Points)).ShouldBe([(0m, 3m), (0.5m, 2m)]);
        b03.Otherwise.ShouldBe(1m);
        var g02 = (ThresholdBandsRule)after.Single(i => i.Code == "G02").Rule;
        g02.Dir.ShouldBe(BetterDirection.Lower);
        var i04 = (RankChangeRule)after.Single(i => i.Code == "I04").Rule;
        i04.DropBands.Select(b => (b.At, b.Points)).ShouldBe([(0m, 2m), (4m, 1.5m), (9m, 1m)]);
    }

    private static string JsonOf(ScoringRule rule) => System.Text.Json.JsonSerializer.Serialize(rule, SchemeJsonSerializer.Options);

    private static IndicatorValue N(decimal value) => IndicatorValue.Of(value);

    private static IndicatorValue Times(int count) => IndicatorValue.Of(count);

    private static readonly CityPeriodValues Lanzhou = new()
    {
        CityKey = "兰州",
        Indicators = new Dictionary<string, IndicatorValue>
        {
            ["A01"] = Times(0),
            ["A02"] = IndicatorValue.Present("制度", "台账", "处置预案"),
            ["A03"] = Times(1),
            ["B01"] = N(10450),
            ["B02"] = N(97.5m),
            ["B03"] = N(2.85m),
            ["B04"] = N(96),
            ["C01"] = N(38),
            ["C02"] = N(1.62m),
            ["C03"] = Times(0),
            ["C04"] = N(97.2m),
            ["D01"] = N(96.5m),
            ["D02"] = IndicatorValue.Count(new OccurrenceCount("per_province", 2), new OccurrenceCount("per_capital", 0)),
            ["D03"] = N(92),
            ["E01"] = N(93.1m),
            ["E02"] = N(96),
            ["F01"] = IndicatorValue.Graded("良"),
            ["F02"] = N(100),
            ["F03"] = N(91),
            ["F04"] = Times(1),
            ["G01"] = N(98),
            ["G02"] = N(6.5m),
            ["G03"] = IndicatorValue.Present("计划", "活动"),
            ["H01"] = N(95),
            ["H02"] = N(36),
            ["H03"] = N(97),
            ["I01"] = N(93.5m),
            ["I02"] = N(88.6m),
            ["I03"] = N(91),
        },
        BonusCounts = new Dictionary<string, int> { ["X01"] = 3, ["X02"] = 1, ["X03"] = 2 },
        VetoFacts = new Dictionary<string, bool> { ["extreme_individual_incident"] = true },
    };

    private static readonly ReferenceData LanzhouReference = new()
    {
        ProvinceAverages = new Dictionary<string, decimal> { ["B03"] = 2.60m },
        LastYearValues = new Dictionary<string, decimal> { ["B01"] = 10000, ["C01"] = 40 },
        Ranks = new Dictionary<string, int> { ["I04"] = 1 },
        LastYearRanks = new Dictionary<string, int> { ["I04"] = 2 },
    };

    private static readonly CityPeriodValues Tianshui = new()
    {
        CityKey = "天水",
        Indicators = new Dictionary<string, IndicatorValue>
        {
            ["A01"] = Times(1),
            ["A02"] = IndicatorValue.Present("制度"),
            ["A03"] = Times(4),
            ["B01"] = N(5200),
            ["B02"] = N(90),
            ["B03"] = N(2.4m),
            ["B04"] = N(84),
            ["C01"] = N(12),
            ["C02"] = N(1.5m),
            ["C03"] = IndicatorValue.Count(new OccurrenceCount("default", 1, ["major_event_period"])),
            ["C04"] = N(95),
            ["D01"] = N(98),
            ["D02"] = IndicatorValue.Count(new OccurrenceCount("per_province", 0), new OccurrenceCount("per_capital", 1)),
            ["D03"] = N(80),
            ["E01"] = N(85),
            ["E02"] = N(89.9m),
            ["F01"] = IndicatorValue.Graded("中"),
            ["F02"] = N(87.5m),
            ["F03"] = N(85),
            ["F04"] = Times(0),
            ["G01"] = N(82.5m),
            ["G02"] = N(5),
            ["G03"] = IndicatorValue.Present("计划", "活动", "台账"),
            ["H01"] = N(80),
            ["H02"] = N(41),
            // H03 not reported
            ["I01"] = N(88),
            ["I02"] = N(90),
            ["I03"] = N(83.3m),
        },
        BonusCounts = new Dictionary<string, int> { ["X01"] = 1 },
    };

    private static readonly ReferenceData TianshuiReference = new()
    {
        ProvinceAverages = new Dictionary<string, decimal> { ["B03"] = 2.60m },
        LastYearValues = new Dictionary<string, decimal> { ["B01"] = 5000, ["C01"] = 12 },
        Ranks = new Dictionary<string, int> { ["I04"] = 4 },
        LastYearRanks = new Dictionary<string, int> { ["I04"] = 1 },
    };

    [Fact]
    public void Should_score_Lanzhou_as_worked_out_by_hand()
    {
        var sheet = new ScoringEngine().Score(Definition, Lanzhou, LanzhouReference);
        var expected = new Dictionary<string, decimal>
        {
            ["A01"] = 4, // none occurred
            ["A02"] = 3, // all three present
            ["A03"] = 2, // 3 − 1 × 1
            ["B01"] = 2.75m, // (10450 − 10000) / 10000 = +4.5 %; 5 − 0.5 × 4.5 = 2.75
            ["B02"] = 3.9m, // 4 × 97.5 / 100
            ["B03"] = 2, // 2.85 − 2.60 = 0.25 above the average, ≤ 0.5 → 2
            ["B04"] = 3, // 96 ≥ 95
            ["C01"] = 5, // (38 − 40) / 40 = −5 %: fell → 5
            ["C02"] = 3.52m, // 1.62 − 1.5 = 0.12 = 1.2 steps of 0.1; 4 − 1.2 × 0.4 = 4 − 0.48
            ["C03"] = 3, // none
            ["C04"] = 2, // 97.2: ≥ 95, < 98
            ["D01"] = 3.94m, // 4 × 96.5 / 98 = 3.93877… → 3.94
            ["D02"] = 2, // 2 to the province × 1 = 2; 4 − 2
            ["D03"] = 3, // 92 ≥ 90
            ["E01"] = 3.92m, // 4 × 93.1 / 95 = 4 × 0.98
            ["E02"] = 4, // 96 ≥ 95
            ["F01"] = 3.2m, // 良 = 80 % of 4
            ["F02"] = 4, // 4 × 100 / 100
            ["F03"] = 1, // 91: ≥ 85, < 95
            ["F04"] = 1.5m, // 1 meeting missed × 0.5
            ["G01"] = 2.94m, // 3 × 0.98
            ["G02"] = 1, // 6.5: > 5, ≤ 10
            ["G03"] = 2, // 台账 missing: 3 − 1
            ["H01"] = 2.85m, // 3 × 0.95
            ["H02"] = 2.7m, // 3 × 36 / 40
            ["H03"] = 2, // 97 ≥ 95
            ["I01"] = 5.37m, // 96 − 93.5 = 2.5 × 0.25 = 0.625 → 0.63; 6 − 0.63
            ["I02"] = 1.65m, // 90 − 88.6 = 1.4 × 0.25 = 0.35; 2 − 0.35
            ["I03"] = 2, // 91 ≥ 90
            ["I04"] = 2, // rank 1, last year 2: rose
        };
        ShouldMatch(sheet, expected);

        // A 9/10 = 90 % 绿; B 2.75+3.9+2+3 = 11.65/15 = 77.67 % 橙; C 5+3.52+3+2 = 13.52/15 = 90.13 % 绿;
        // D 3.94+2+3 = 8.94/12 = 74.5 % 橙; E 3.92+4 = 7.92/8 = 99 % 绿; F 3.2+4+1+1.5 = 9.7/12 = 80.83 % 蓝;
        // G 2.94+1+2 = 5.94/8 = 74.25 % 橙; H 2.85+2.7+2 = 7.55/8 = 94.38 % 绿; I 5.37+1.65+2+2 = 11.02/12 = 91.83 % 绿
        ShouldMatchCategories(sheet, [
            ("A", 9m, 90m, "绿"), ("B", 11.65m, 77.67m, "橙"), ("C", 13.52m, 90.13m, "绿"),
            ("D", 8.94m, 74.5m, "橙"), ("E", 7.92m, 99m, "绿"), ("F", 9.7m, 80.83m, "蓝"),
            ("G", 5.94m, 74.25m, "橙"), ("H", 7.55m, 94.38m, "绿"), ("I", 11.02m, 91.83m, "绿")]);

        // 9 + 11.65 + 13.52 + 8.94 + 7.92 + 9.7 + 5.94 + 7.55 + 11.02 = 85.24
        sheet.IndicatorPoints.ShouldBe(85.24m);
        // X01 3 × 0.5 = 1.5; X02 1 × 2 = 2; X03 2 × 1 = 2; 5.5 → capped at 5
        sheet.BonusLines.Select(b => b.Points).ShouldBe([1.5m, 2m, 2m]);
        sheet.BonusBeforeCap.ShouldBe(5.5m);
        sheet.Bonus.ShouldBe(5m);
        // 85.24 + 5 = 90.24 earns 优秀, but V5 (个人极端案事件) caps the grade at 良好; awards stay open
        sheet.Total.ShouldBe(90.24m);
        sheet.Percent.ShouldBe(90.24m);
        sheet.Colour.ShouldBe("绿");
        sheet.ScoreGrade.ShouldBe("优秀");
        sheet.Vetoes.ShouldHaveSingleItem().Code.ShouldBe("V5");
        sheet.Grade.ShouldBe("良好");
        sheet.AwardEligible.ShouldBeTrue();
        sheet.UnreportedCount.ShouldBe(0);
        sheet.ErrorCount.ShouldBe(0);

        Line(sheet, "I01").Explanation.ZhHans.ShouldBe("群众安全感 93.5%，低于96%共2.5个百分点，扣0.63分（最多扣5分），得5.37分");
        Line(sheet, "B01").Explanation.ZhHans.ShouldBe("刑事案件立案数同比变化 本年10450，上年10000，同比上升4.5%，在5分基础上扣2.25分，得2.75分");
        Line(sheet, "C02").Explanation.En.ShouldBe("Road deaths per 10,000 vehicles 1.62 deaths per 10,000 vehicles, 0.12 deaths per 10,000 vehicles over the target 1.5 deaths per 10,000 vehicles, −0.4 per 0.1, −0.48, scores 3.52");
        Line(sheet, "D02").Explanation.ZhHans.ShouldBe("越级上访 到省2批次×1分，扣2分，得2分");
        Line(sheet, "I04").Explanation.En.ShouldBe("Change of annual rank: rank 1, last year 2, rose 1 place, scores 2");
        sheet.Vetoes[0].Effect.En.ShouldBe("Veto Extreme individual incident: grade at best Good");
    }

    [Fact]
    public void Should_score_Tianshui_as_worked_out_by_hand()
    {
        var sheet = new ScoringEngine().Score(Definition, Tianshui, TianshuiReference);
        var expected = new Dictionary<string, decimal>
        {
            ["A01"] = 2, // 1 × 2; 4 − 2
            ["A02"] = 1, // 台账 and 处置预案 missing: 3 − 2
            ["A03"] = 0, // 4 × 1 = 4, capped at 3; 3 − 3
            ["B01"] = 3, // (5200 − 5000) / 5000 = +4 %; 5 − 0.5 × 4
            ["B02"] = 3.6m, // 4 × 0.9
            ["B03"] = 3, // 2.4 − 2.6 = −0.2, not above the average
            ["B04"] = 1, // 84: ≥ 70, < 85
            ["C01"] = 4, // 12 → 12: flat
            ["C02"] = 4, // exactly on the target 1.5
            ["C03"] = 0, // 1 fire during a major-event period: 1.5 × 2 = 3; 3 − 3
            ["C04"] = 2, // exactly 95
            ["D01"] = 4, // 4 × 98 / 98
            ["D02"] = 1, // 1 to Beijing × 3; 4 − 3
            ["D03"] = 2, // exactly 80
            ["E01"] = 3.58m, // 4 × 85 / 95 = 3.5789… → 3.58
            ["E02"] = 2, // 89.9: ≥ 80, < 90
            ["F01"] = 2.4m, // 中 = 60 % of 4
            ["F02"] = 3.5m, // 4 × 0.875
            ["F03"] = 1, // exactly 85
            ["F04"] = 2, // no meeting missed
            ["G01"] = 2.48m, // 3 × 0.825 = 2.475 → 2.48 (half away from zero)
            ["G02"] = 2, // exactly 5 (≤ 5)
            ["G03"] = 3, // all present
            ["H01"] = 2.4m, // 3 × 0.8
            ["H02"] = 3, // 41 / 40 counts as 100 %
            ["H03"] = 0, // not reported → Unreported, 0
            ["I01"] = 3.5m, // 96 − 88 = 8: 6 points down to 90 × 0.25 = 1.5, 2 points below 90 × 0.5 = 1; 6 − 2.5
            ["I02"] = 2, // exactly 90
            ["I03"] = 0.32m, // 90 − 83.3 = 6.7 × 0.25 = 1.675 → 1.68; 2 − 1.68
            ["I04"] = 1.5m, // rank 4, last year 1: dropped 3 (1–4 places)
        };
        ShouldMatch(sheet, expected);
        Line(sheet, "H03").Status.ShouldBe(LineStatus.Unreported);
        Line(sheet, "C03").Explanation.ZhHans.ShouldContain("×2（加倍）");

        // A 2+1+0 = 3/10 = 30 % 红; B 3+3.6+3+1 = 10.6/15 = 70.67 % 橙; C 4+4+0+2 = 10/15 = 66.67 % 红;
        // D 4+1+2 = 7/12 = 58.33 % 红; E 3.58+2 = 5.58/8 = 69.75 % 红; F 2.4+3.5+1+2 = 8.9/12 = 74.17 % 橙;
        // G 2.48+2+3 = 7.48/8 = 93.5 % 绿; H 2.4+3+0 = 5.4/8 = 67.5 % 红; I 3.5+2+0.32+1.5 = 7.32/12 = 61 % 红
        ShouldMatchCategories(sheet, [
            ("A", 3m, 30m, "红"), ("B", 10.6m, 70.67m, "橙"), ("C", 10m, 66.67m, "红"),
            ("D", 7m, 58.33m, "红"), ("E", 5.58m, 69.75m, "红"), ("F", 8.9m, 74.17m, "橙"),
            ("G", 7.48m, 93.5m, "绿"), ("H", 5.4m, 67.5m, "红"), ("I", 7.32m, 61m, "红")]);

        // 3 + 10.6 + 10 + 7 + 5.58 + 8.9 + 7.48 + 5.4 + 7.32 = 65.28; bonus X01 1 × 0.5 = 0.5; total 65.78 → 合格, 红
        sheet.IndicatorPoints.ShouldBe(65.28m);
        sheet.Bonus.ShouldBe(0.5m);
        sheet.Total.ShouldBe(65.78m);
        sheet.Grade.ShouldBe("合格");
        sheet.Colour.ShouldBe("红");
        sheet.Vetoes.ShouldBeEmpty();
        sheet.AwardEligible.ShouldBeTrue();
        sheet.UnreportedCount.ShouldBe(1);
    }

    [Fact]
    public void Should_rank_the_two_cities()
    {
        var engine = new ScoringEngine();
        var ranked = CityRanking.Rank([engine.Score(Definition, Tianshui, TianshuiReference), engine.Score(Definition, Lanzhou, LanzhouReference)]);
        ranked.Select(r => (r.Item.CityKey, r.Rank, r.Score)).ShouldBe([("兰州", 1, 90.24m), ("天水", 2, 65.78m)]);
    }

    private static ScoreLine Line(ScoreSheet sheet, string code) => sheet.Lines.Single(l => l.IndicatorCode == code);

    private static void ShouldMatch(ScoreSheet sheet, Dictionary<string, decimal> expected)
    {
        sheet.Lines.Count.ShouldBe(30);
        foreach (var line in sheet.Lines)
        {
            line.Points.ShouldBe(expected[line.IndicatorCode], $"{line.IndicatorCode}: {line.Explanation.ZhHans}");
        }
    }

    private static void ShouldMatchCategories(ScoreSheet sheet, (string Code, decimal Points, decimal Percent, string Colour)[] expected)
    {
        sheet.Categories.Select(c => (c.Code, c.Points, c.Percent, c.Colour)).ShouldBe(expected);
    }
}

using System.Text.Json.Nodes;
using PilotAssessment.Schemes.Json;
using PilotAssessment.Schemes.Rules;
using PilotAssessment.Schemes.SampleData;
using Shouldly;
using Xunit;
using static PilotAssessment.Schemes.TestSchemes;

namespace PilotAssessment.Schemes;

public class SchemeJsonSerializerTests
{
    [Fact]
    public void Should_round_trip_a_definition_with_every_rule_kind_and_consequence()
    {
        var definition = With(
            Indicator("R01", 2, new ThresholdBandsRule { Dir = BetterDirection.Lower, Bands = [new(5, 2), new(10, 1.50m)], Otherwise = 0, MissingScoresFull = true }),
            Indicator("R02", 2, new PerOccurrenceDeductionRule { Per = 0.25m, Rates = [new() { Type = "per_capital", Name = "到京", NameEn = "to Beijing", Per = 3 }], Cap = 2, DoubleWhen = ["repeated"] }),
            Indicator("R03", 2, new RatioToTargetRule { Dir = BetterDirection.Lower, Target = 1.5m, Per = 0.4m, UnitStep = 0.1m, Steps = StepCounting.StartedSteps }),
            Indicator("R04", 2, new YoyChangeRule { Measure = ChangeMeasure.Difference, Per = 0.5m, Improved = 2, Flat = 1.5m, Cap = 1 }),
            Indicator("R05", 2, new ReferenceComparisonRule { Ref = ReferenceKind.LastYear, Bands = [new(-0.5m, 2), new(0, 1)] }),
            Indicator("R06", 2, new ShortfallBandsRule { FullAt = 96, Per = 0.25m, SteepBelow = 90, SteepPer = 0.5m, Cap = 2 }),
            Indicator("R07", 2, new RankBasedRule { Ranks = [new() { Rank = 1, Points = 2 }], DropPenalties = [new() { Places = 5, Points = 1 }], RiseBonuses = [new() { Places = 5, Points = 0.5m }] }),
            Indicator("R08", 2, new RankChangeRule { DropBands = [new(0, 2), new(4, 1.5m)], RiseBonuses = [new() { Places = 3, Points = 0.5m }] }),
            Indicator("R09", 2, new QualitativeGradeRule { Grades = [new() { Grade = "优", Percent = 100 }] }),
            Indicator("R10", 2, new ChecklistRule { Items = ["计划", "台账"], Per = 1, Floor = 0.5m }),
            Indicator("R11", 2, new SurveyCompositeRule { Components = [new() { Key = "safety", Name = "安全感", Weight = 0.6m }], FullAt = 95 }),
            Indicator("R12", 2, new FormulaRule { Expression = "max × min(value ÷ population, 1)" }, formula: "cases / population")) with
        {
            DataItems = [new() { Code = "population", Name = "常住人口", Unit = "人" }, new() { Code = "cases", Name = "案件数" }],
            Bonus = new BonusDefinition { Items = [new() { Code = "X01", Name = "见义勇为", PointsPerInstance = 0.5m, Cap = 2 }], TotalCap = 5 },
            Vetoes =
            [
                new() { Code = "V1", Name = "一", TriggerFact = "a", Consequence = new FixedDeductionConsequence { Points = 30 } },
                new() { Code = "V2", Name = "二", TriggerFact = "b", Consequence = new GradeCapConsequence { MaxGrade = "良好" } },
                new() { Code = "V3", Name = "三", TriggerFact = "c", Consequence = new GradeSetConsequence { Grade = "不合格", AwardIneligible = true } },
                new() { Code = "V4", Name = "四", TriggerFact = "d", Consequence = new TotalZeroedConsequence() },
            ],
            Rounding = new RoundingSettings { Decimals = 1 },
        };

        var json = SchemeJsonSerializer.SerializeDefinition(definition);
        var back = SchemeJsonSerializer.DeserializeDefinition(json);
        SchemeJsonSerializer.SerializeDefinition(back).ShouldBe(json);

        json.ShouldContain("\"kind\":\"per_occurrence_deduction\"");
        json.ShouldContain("\"points\":1.50"); // the decimal's scale survives
        json.ShouldContain("到京"); // readable, not \u escaped
        var rules = back.AllIndicators().Select(i => i.Rule).ToList();
        rules.Select(r => r.GetType()).Distinct().Count().ShouldBe(12);
        rules.OfType<ThresholdBandsRule>().First().Bands[1].Points.ShouldBe(1.50m);
        rules.OfType<ThresholdBandsRule>().First().MissingScoresFull.ShouldBeTrue();
        rules.OfType<RatioToTargetRule>().Single().Steps.ShouldBe(StepCounting.StartedSteps);
        back.Vetoes.Select(v => v.Consequence.Kind).ShouldBe(["fixed_deduction", "grade_cap", "grade_set", "total_zeroed"]);
        back.Vetoes[2].Consequence.AwardIneligible.ShouldBeTrue();
        back.Rounding.Decimals.ShouldBe(1);
        back.Rounding.Mode.ShouldBe(MidpointRounding.AwayFromZero);
    }

    [Fact]
    public void Should_round_trip_a_document_with_its_header()
    {
        var document = SampleSchemeLoader.Load() with { Version = 3, Scale = 100 };
        var json = SchemeJsonSerializer.Serialize(document);
        var back = SchemeJsonSerializer.Deserialize(json);
        back.Name.ShouldBe(document.Name);
        back.Year.ShouldBe(2026);
        back.Version.ShouldBe(3);
        SchemeJsonSerializer.Serialize(back).ShouldBe(json);
    }

    [Fact]
    public void Should_accept_the_kind_anywhere_in_a_rule_object()
    {
        const string json = "{\"name\": \"x\", \"definition\": {\"categories\": [{\"code\": \"A\", \"name\": \"甲\", \"indicators\": [{\"code\": \"A02\", \"name\": \"一\", \"max_points\": 3, \"rule\": {\"items\": [\"制度\"], \"per\": 1, \"kind\": \"checklist\"}}]}]}}";
        SchemeJsonSerializer.TryDeserialize(json, out var document, out var errors).ShouldBeTrue(string.Join(";", errors.Select(e => e.Detail)));
        document!.Definition.AllIndicators().First(i => i.Code == "A02").Rule.ShouldBeOfType<ChecklistRule>();
    }

    [Theory]
    [InlineData("{\"name\": \"x\", \"definition\": {\"categories\": [ }", "$.definition.categories", 1)]
    [InlineData("{\n  \"name\": \"x\",\n  \"definition\": {\n    \"categories\": [{\"code\": \"A\", \"name\": \"甲\", \"indicators\": [{\"code\": \"A01\", \"name\": \"一\", \"max_points\": \"four\", \"rule\": {\"kind\": \"checklist\"}}]}]\n  }\n}", "$.definition.categories[0].indicators[0].max_points", 4)]
    [InlineData("{\"name\": \"x\", \"definition\": {\"categories\": [{\"code\": \"A\", \"name\": \"甲\", \"indicators\": [{\"code\": \"A01\", \"name\": \"一\", \"rule\": {\"kind\": \"lottery\"}}]}]}}", "$.definition.categories[0].indicators[0].rule", 1)]
    [InlineData("{\"name\": \"x\", \"definition\": {\"categories\": [], \"colour\": []}}", "$.definition.colour", 1)]
    [InlineData("{\"name\": \"x\", \"definition\": {\"categories\": [{\"code\": \"A\", \"indicators\": []}]}}", "$.definition.categories[0]", 1)]
    public void Should_report_malformed_json_with_path_and_line(string json, string path, int line)
    {
        SchemeJsonSerializer.TryDeserialize(json, out var document, out var errors).ShouldBeFalse();
        document.ShouldBeNull();
        var error = errors.ShouldHaveSingleItem();
        error.Code.ShouldBe(SchemeErrorCodes.JsonMalformed);
        error.Path.ShouldNotBeNull();
        error.Path.ShouldStartWith(path);
        error.Line.ShouldBe(line);
    }

    [Fact]
    public void Should_report_a_rule_without_kind()
    {
        const string json = "{\"name\": \"x\", \"definition\": {\"categories\": [{\"code\": \"A\", \"name\": \"甲\", \"indicators\": [{\"code\": \"A01\", \"name\": \"一\", \"rule\": {\"per\": 1}}]}]}}";
        SchemeJsonSerializer.TryDeserialize(json, out _, out var errors).ShouldBeFalse();
        errors.ShouldHaveSingleItem().Code.ShouldBe(SchemeErrorCodes.JsonMalformed);
    }

    [Fact]
    public void Should_leave_the_scheme_unchanged_when_an_import_is_malformed()
    {
        var scheme = SampleSchemeLoader.CreateDraft(Guid.NewGuid());
        var before = SchemeJsonSerializer.Serialize(scheme);
        var exception = Should.Throw<SchemeJsonException>(() => scheme.UpdateDefinition(SchemeJsonSerializer.DeserializeDefinition("{\"categories\": [")));
        exception.Code.ShouldBe(SchemeErrorCodes.JsonMalformed);
        exception.Errors.ShouldNotBeEmpty();
        SchemeJsonSerializer.Serialize(scheme).ShouldBe(before);
    }

    [Fact]
    public void Should_keep_every_parameter_of_the_sample_file()
    {
        // Each rule as written in the file must read back with the same values (defaults are added, nothing is lost).
        var original = JsonNode.Parse(SampleSchemeLoader.ReadJson())!;
        var written = JsonNode.Parse(SchemeJsonSerializer.Serialize(SampleSchemeLoader.Load()))!;
        ShouldContainAll(original, written, "$");
    }

    private static void ShouldContainAll(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case JsonObject obj:
                actual.ShouldBeOfType<JsonObject>(path);
                foreach (var (key, value) in obj)
                {
                    ShouldContainAll(value, actual!.AsObject()[key], $"{path}.{key}");
                }

                break;
            case JsonArray array:
                var actualArray = actual.ShouldBeOfType<JsonArray>(path);
                actualArray.Count.ShouldBe(array.Count, path);
                for (var i = 0; i < array.Count; i++)
                {
                    ShouldContainAll(array[i], actualArray[i], $"{path}[{i}]");
                }

                break;
            case JsonValue value when value.TryGetValue<decimal>(out var number):
                actual!.GetValue<decimal>().ShouldBe(number, path);
                break;
            default:
                JsonNode.DeepEquals(expected, actual).ShouldBeTrue(path);
                break;
        }
    }
}

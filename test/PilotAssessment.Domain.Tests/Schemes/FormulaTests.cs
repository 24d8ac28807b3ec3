using PilotAssessment.Schemes.Formulas;
using PilotAssessment.Schemes.Rules;
using PilotAssessment.Schemes.Scoring;
using PilotAssessment.Schemes.Validation;
using Shouldly;
using Xunit;
using static PilotAssessment.Schemes.TestSchemes;

namespace PilotAssessment.Schemes;

public class FormulaTests
{
    private sealed class Variables(Dictionary<string, decimal> values) : IFormulaVariables
    {
        public bool TryGet(string code, out decimal value) => values.TryGetValue(code, out value);
    }

    private static decimal Eval(string text, Dictionary<string, decimal>? values = null) =>
        FormulaParser.Parse(text).Evaluate(new Variables(values ?? []));

    [Theory]
    [InlineData("1 + 2 * 3", 7)]
    [InlineData("(1 + 2) * 3", 9)]
    [InlineData("10 - 4 - 3", 3)] // left associative
    [InlineData("12 / 4 / 3", 1)]
    [InlineData("-2 * -3", 6)]
    [InlineData("- (2 + 3)", -5)]
    [InlineData("6 × 2 ÷ 4", 3)]
    [InlineData("6 − 2", 4)]
    [InlineData("（1 + 1）× 2", 4)]
    [InlineData("min(3, 1, 2)", 1)]
    [InlineData("max(3, 1, 2)", 3)]
    [InlineData("abs(-2.5)", 2.5)]
    [InlineData("if(2 > 1, 10, 20)", 10)]
    [InlineData("if(2 <= 1, 10, 20)", 20)]
    [InlineData("(1 == 1) + (1 != 1) + (2 >= 2) + (1 < 2)", 3)]
    [InlineData("0.1 + 0.2", 0.3)] // decimals, not binary floating point
    public void Should_evaluate_arithmetic_on_decimals(string text, decimal expected)
    {
        Eval(text).ShouldBe(expected);
    }

    [Fact]
    public void Should_compute_a_case_rate_per_100000_people()
    {
        Eval("cases / population * 100000", new() { ["cases"] = 1234, ["population"] = 4_380_000 })
            .ShouldBe(1234m / 4_380_000m * 100000m);
    }

    [Fact]
    public void Should_evaluate_only_the_branch_taken()
    {
        Eval("if(population == 0, 0, cases / population)", new() { ["cases"] = 5, ["population"] = 0 }).ShouldBe(0m);
    }

    [Theory]
    [InlineData("1 +", SchemeErrorCodes.FormulaUnexpectedEnd, 4)]
    [InlineData("(1 + 2", SchemeErrorCodes.FormulaUnexpectedEnd, 7)]
    [InlineData("1 + * 2", SchemeErrorCodes.FormulaUnexpectedToken, 5)]
    [InlineData("1 2", SchemeErrorCodes.FormulaUnexpectedToken, 3)]
    [InlineData("a $ b", SchemeErrorCodes.FormulaUnexpectedCharacter, 3)]
    [InlineData("1.2.3", SchemeErrorCodes.FormulaBadNumber, 1)]
    [InlineData("sqrt(4)", SchemeErrorCodes.FormulaUnknownFunction, 1)]
    [InlineData("2 * if(1, 2)", SchemeErrorCodes.FormulaWrongArgumentCount, 5)]
    [InlineData("min()", SchemeErrorCodes.FormulaWrongArgumentCount, 1)]
    [InlineData("", SchemeErrorCodes.FormulaUnexpectedEnd, 1)]
    [InlineData("1 < 2 < 3", SchemeErrorCodes.FormulaUnexpectedToken, 7)]
    public void Should_report_syntax_errors_with_their_position(string text, string code, int position)
    {
        FormulaParser.TryParse(text, out var node, out var error).ShouldBeFalse();
        node.ShouldBeNull();
        error!.Code.ShouldBe(code);
        error.Position.ShouldBe(position);
    }

    [Fact]
    public void Should_refuse_a_formula_nested_too_deeply()
    {
        var text = new string('(', 200) + "1" + new string(')', 200);
        FormulaParser.TryParse(text, out _, out var error).ShouldBeFalse();
        error!.Code.ShouldBe(SchemeErrorCodes.FormulaTooDeep);
    }

    [Fact]
    public void Should_throw_on_division_by_zero_with_the_position()
    {
        var exception = Should.Throw<FormulaEvaluationException>(() => Eval("1 / (2 - 2)"));
        exception.Error.ShouldBe(FormulaEvaluationError.DivisionByZero);
        exception.Position.ShouldBe(3);
    }

    [Fact]
    public void Should_list_references_with_their_first_position()
    {
        FormulaParser.Parse("a + b * a").References().ShouldBe(new Dictionary<string, int> { ["a"] = 1, ["b"] = 5 });
    }

    private static SchemeDefinition WithFormulas(string indicatorFormula, params DataItemDefinition[] items) =>
        With(Indicator("T01", 10, new ThresholdBandsRule { Dir = BetterDirection.Lower, Bands = [new(10, 10), new(20, 5)], Otherwise = 0 }, unit: "件/10万人", formula: indicatorFormula))
            with
        { DataItems = items };

    private static readonly DataItemDefinition[] CaseItems =
    [
        new() { Code = "cases", Name = "刑事案件数" },
        new() { Code = "population", Name = "常住人口" },
    ];

    [Fact]
    public void Should_score_an_indicator_whose_value_is_computed_from_data_items()
    {
        var definition = WithFormulas("cases / population * 100000", CaseItems);
        new SchemeValidator().Validate(definition, 100).ShouldBeEmpty();
        var values = new CityPeriodValues { DataItems = new Dictionary<string, decimal> { ["cases"] = 600, ["population"] = 4_000_000 } };
        var line = new ScoringEngine().Score(definition, values).Lines[0];
        line.Value.ShouldBe(15m); // 600 / 4,000,000 × 100,000
        line.Points.ShouldBe(5m);
    }

    [Fact]
    public void Should_score_division_by_zero_as_an_error_line_not_a_crash()
    {
        var definition = WithFormulas("cases / population * 100000", CaseItems);
        var values = new CityPeriodValues { DataItems = new Dictionary<string, decimal> { ["cases"] = 600, ["population"] = 0 } };
        var sheet = new ScoringEngine().Score(definition, values);
        var line = sheet.Lines[0];
        line.Status.ShouldBe(LineStatus.Error);
        line.Points.ShouldBe(0m);
        line.Explanation.ZhHans.ShouldContain("除数为0");
        line.Explanation.En.ShouldContain("division by zero at position 7");
        sheet.ErrorCount.ShouldBe(1);
    }

    [Fact]
    public void Should_mark_a_line_unreported_when_a_data_item_is_missing()
    {
        var definition = WithFormulas("cases / population * 100000", CaseItems);
        var values = new CityPeriodValues { DataItems = new Dictionary<string, decimal> { ["cases"] = 600 } };
        var line = new ScoringEngine().Score(definition, values).Lines[0];
        line.Status.ShouldBe(LineStatus.Unreported);
        line.Explanation.ZhHans.ShouldContain("population");
    }

    [Fact]
    public void Should_report_unknown_codes_with_indicator_and_position()
    {
        var problems = new SchemeValidator().Validate(WithFormulas("cases / populaton * 100000", CaseItems), 100);
        var problem = problems.ShouldHaveSingleItem();
        problem.Target.ShouldBe("T01");
        problem.Code.ShouldBe(SchemeErrorCodes.FormulaUnknownCode);
        problem.Arguments.ShouldBe(["populaton", 9]);
    }

    [Fact]
    public void Should_report_a_syntax_error_with_indicator_and_position()
    {
        var problem = new SchemeValidator().Validate(WithFormulas("cases / * population", CaseItems), 100).ShouldHaveSingleItem();
        problem.Target.ShouldBe("T01");
        problem.Code.ShouldBe(SchemeErrorCodes.FormulaUnexpectedToken);
        problem.Arguments[0].ShouldBe(9);
    }

    [Fact]
    public void Should_report_a_cycle_between_formulas_and_not_hang_when_scoring_it()
    {
        var definition = WithFormulas(
            "rate * 2",
            new DataItemDefinition { Code = "rate", Name = "率", Formula = "base + 1" },
            new DataItemDefinition { Code = "base", Name = "基数", Formula = "rate - 1" });
        var problem = new SchemeValidator().Validate(definition, 100).ShouldHaveSingleItem();
        problem.Code.ShouldBe(SchemeErrorCodes.FormulaCycle);
        problem.Arguments[0].ShouldBe("rate → base → rate");

        var line = new ScoringEngine().Score(definition, new CityPeriodValues()).Lines[0];
        line.Status.ShouldBe(LineStatus.Error);
        line.Explanation.ZhHans.ShouldContain("循环引用");
    }

    [Fact]
    public void Should_report_an_indicator_that_refers_to_itself()
    {
        var problems = new SchemeValidator().Validate(WithFormulas("T01 + 1"), 100);
        problems.ShouldContain(p => p.Code == SchemeErrorCodes.FormulaCycle && p.Target == "T01");
    }

    [Fact]
    public void Should_allow_value_max_and_target_only_in_rule_formulas()
    {
        var ok = With(Indicator("T01", 4, new FormulaRule { Expression = "max * min(value / target, 1)" }) with { Target = 90 });
        new SchemeValidator().Validate(ok, 100).ShouldBeEmpty();
        var problems = new SchemeValidator().Validate(WithFormulas("value * 2"), 100);
        problems.ShouldContain(p => p.Code == SchemeErrorCodes.FormulaUnknownCode);
    }
}

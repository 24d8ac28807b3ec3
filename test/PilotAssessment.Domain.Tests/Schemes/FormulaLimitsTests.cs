using PilotAssessment.Schemes.Formulas;
using PilotAssessment.Schemes.Rules;
using PilotAssessment.Schemes.Scoring;
using PilotAssessment.Schemes.Validation;
using Shouldly;
using Xunit;
using static PilotAssessment.Schemes.TestSchemes;

namespace PilotAssessment.Schemes;

public class FormulaLimitsTests
{
    private static readonly ThresholdBandsRule Band = new() { Dir = BetterDirection.Higher, Bands = [new(10, 100)], Otherwise = 0 };

    private static string Chain(int terms, string term = "1") => string.Join("-", Enumerable.Repeat(term, terms));

    // Runs on a thread with a small stack, so anything that recurses once per term fails here instead of passing on a big stack.
    private static T OnSmallStack<T>(Func<T> action)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = action();
                }
                catch (Exception exception)
                {
                    failure = exception;
                }
            },
            maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();
        return failure is null ? result : throw new InvalidOperationException("Failed on the small stack", failure);
    }

    [Fact]
    public void Should_refuse_a_formula_longer_than_the_limit_before_parsing_it()
    {
        var text = Chain(100_000);
        FormulaParser.TryParse(text, out var node, out var error).ShouldBeFalse();
        node.ShouldBeNull();
        error!.Code.ShouldBe(SchemeErrorCodes.FormulaTooLong);
        error.Arguments.ShouldBe([text.Length, SchemeConsts.MaxFormulaLength]);
    }

    [Fact]
    public void Should_refuse_a_formula_with_too_many_nodes_within_the_length()
    {
        var text = Chain(1_500); // 2,999 characters, 2,999 nodes
        text.Length.ShouldBeLessThanOrEqualTo(SchemeConsts.MaxFormulaLength);
        FormulaParser.TryParse(text, out _, out var error).ShouldBeFalse();
        error!.Code.ShouldBe(SchemeErrorCodes.FormulaTooComplex);
    }

    [Fact]
    public void Should_refuse_a_chain_deeper_than_the_limit_even_without_brackets()
    {
        var text = Chain(SchemeConsts.MaxFormulaDepth + 10, "a");
        FormulaParser.TryParse(text, out _, out var error).ShouldBeFalse();
        error!.Code.ShouldBe(SchemeErrorCodes.FormulaTooComplex);
    }

    [Fact]
    public void Should_evaluate_and_list_references_of_a_long_chain_within_the_limits_on_a_small_stack()
    {
        var text = Chain(SchemeConsts.MaxFormulaDepth - 10, "a");
        var node = FormulaParser.Parse(text);
        node.Depth.ShouldBeLessThanOrEqualTo(SchemeConsts.MaxFormulaDepth);
        OnSmallStack(() => node.References()).Keys.ShouldBe(["a"]);
    }

    [Fact]
    public void Should_report_a_too_long_formula_as_a_scheme_problem()
    {
        var definition = With(Indicator("T01", 100, Band, formula: Chain(100_000)));
        var problems = OnSmallStack(() => new SchemeValidator().Validate(definition, 100));
        problems.ShouldContain(p => p.Target == "T01" && p.Code == SchemeErrorCodes.FormulaTooLong);
    }

    [Fact]
    public void Should_refuse_to_store_a_definition_whose_formula_is_beyond_the_limits()
    {
        var definition = With(Indicator("T01", 100, Band, formula: Chain(100_000)));
        var scheme = new Scheme(Guid.NewGuid(), "方案", 2026, 100);
        var refused = Should.Throw<SchemeInvalidException>(() => scheme.UpdateDefinition(definition));
        refused.Problems.ShouldHaveSingleItem().Code.ShouldBe(SchemeErrorCodes.FormulaTooLong);
        Should.Throw<SchemeInvalidException>(() => new Scheme(Guid.NewGuid(), "方案", 2026, 100, definition));
    }

    private static SchemeDefinition ChainOfDataItems(int length) =>
        With(Indicator("T01", 100, Band, formula: "d0")) with
        {
            DataItems = [.. Enumerable.Range(0, length).Select(i => new DataItemDefinition
            {
                Code = $"d{i}",
                Name = $"数据项{i}",
                Formula = i == length - 1 ? null : $"d{i + 1} + 1",
            })],
        };

    [Fact]
    public void Should_validate_a_long_chain_of_formulas_without_recursing_once_per_formula()
    {
        var definition = ChainOfDataItems(20_000);
        OnSmallStack(() => new SchemeValidator().Validate(definition, 100)).ShouldNotContain(p => p.Code == SchemeErrorCodes.FormulaCycle);
    }

    [Fact]
    public void Should_score_a_too_long_chain_of_formulas_as_an_error_line_not_a_crash()
    {
        var definition = ChainOfDataItems(20_000);
        var values = new CityPeriodValues { DataItems = new Dictionary<string, decimal> { ["d19999"] = 1 } };
        var line = OnSmallStack(() => new ScoringEngine().Score(definition, values)).Lines[0];
        line.Status.ShouldBe(LineStatus.Error);
        line.Explanation.ZhHans.ShouldContain("公式层层引用过多");
    }

    [Fact]
    public void Should_score_a_short_chain_of_formulas()
    {
        var definition = ChainOfDataItems(10);
        var values = new CityPeriodValues { DataItems = new Dictionary<string, decimal> { ["d9"] = 1 } };
        new ScoringEngine().Score(definition, values).Lines[0].Value.ShouldBe(10m);
    }
}

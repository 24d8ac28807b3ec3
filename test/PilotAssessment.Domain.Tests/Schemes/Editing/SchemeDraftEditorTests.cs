using PilotAssessment.ExceptionHandling;
using PilotAssessment.Schemes.Editing;
using PilotAssessment.Schemes.Rules;
using PilotAssessment.Schemes.SampleData;
using PilotAssessment.Schemes.Validation;
using Shouldly;
using Xunit;

namespace PilotAssessment.Schemes.Editing;

public class SchemeDraftEditorTests
{
    private static readonly SchemeDefinition Sample = SampleSchemeLoader.Load().Definition;

    private static readonly SchemeDefinition WithPopulation = Sample with { DataItems = [new() { Code = "population", Name = "常住人口" }] };

    private static IndicatorDefinition NewIndicator(string code, decimal max = 1) =>
        new() { Code = code, Name = "新指标", MaxPoints = max, Rule = new ThresholdBandsRule { Bands = [new(90, max)] } };

    [Fact]
    public void Should_add_rename_move_and_remove_a_category()
    {
        var added = SchemeDraftEditor.AddCategory(Sample, "B", "B9", " 新类别 ", null);
        added.AllCategories().Single(c => c.Code == "B").Children.Single().Name.ShouldBe("新类别");

        var renamed = SchemeDraftEditor.RenameCategory(added, "B9", "改名", "Renamed");
        renamed.AllCategories().Single(c => c.Code == "B9").NameEn.ShouldBe("Renamed");

        var moved = SchemeDraftEditor.MoveCategory(renamed, "B9", null, 0);
        moved.Categories[0].Code.ShouldBe("B9");
        moved.AllCategories().Single(c => c.Code == "B").Children.ShouldBeEmpty();

        SchemeDraftEditor.RemoveCategory(moved, "B9").Categories.Count.ShouldBe(Sample.Categories.Count);
    }

    [Fact]
    public void Should_add_move_edit_and_remove_an_indicator_without_touching_points()
    {
        var added = SchemeDraftEditor.AddIndicator(Sample, "A", NewIndicator("A09"), position: 0);
        added.Categories[0].Indicators[0].Code.ShouldBe("A09");
        new SchemeValidator().Validate(added, 100).ShouldContain(p => p.Code == SchemeErrorCodes.PointsDoNotAddUp);

        var moved = SchemeDraftEditor.MoveIndicator(added, "A09", "I", 1);
        moved.AllCategories().Single(c => c.Code == "I").Indicators[1].Code.ShouldBe("A09");
        moved.Categories[0].Indicators.ShouldNotContain(i => i.Code == "A09");

        var edited = SchemeDraftEditor.UpdateIndicator(moved, "A09", i => i with { Unit = "件", ResponsibleUnit = "市委政法委", ScoreSource = ScoreSource.Field, EvidenceRequired = true });
        var indicator = edited.AllIndicators().Single(i => i.Code == "A09");
        (indicator.Unit, indicator.ResponsibleUnit, indicator.ScoreSource, indicator.EvidenceRequired).ShouldBe(("件", "市委政法委", ScoreSource.Field, true));

        SchemeDraftEditor.RemoveIndicator(edited, "A09").AllIndicators().Select(i => i.Code).ShouldBe(Sample.AllIndicators().Select(i => i.Code));
    }

    [Theory]
    [InlineData("B01", "code", SchemeErrorCodes.DuplicateCode)] // an indicator's code
    [InlineData("population", "code", SchemeErrorCodes.DuplicateCode)] // a data item's code
    [InlineData("X01", "code", SchemeErrorCodes.DuplicateCode)] // a bonus item's code
    [InlineData(" ", "code", SchemeErrorCodes.CodeRequired)]
    public void Should_refuse_a_code_that_is_taken_or_empty(string code, string field, string error)
    {
        var exception = Should.Throw<BusinessException>(() => SchemeDraftEditor.AddCategory(WithPopulation, null, code, "名称", null));

        exception.Code.ShouldBe(error);
        exception.Errors.Keys.ShouldBe([field]);
    }

    [Fact]
    public void Should_refuse_removing_a_category_that_still_holds_indicators()
    {
        var exception = Should.Throw<BusinessException>(() => SchemeDraftEditor.RemoveCategory(Sample, "A"));

        exception.Code.ShouldBe(SchemeErrorCodes.CategoryNotEmpty);
        var error = exception.Errors["code"].ShouldHaveSingleItem();
        error.Code.ShouldBe(SchemeErrorCodes.CategoryNotEmpty);
        error.Arguments.ShouldBe(["A", 3, 0]);
    }

    [Fact]
    public void Should_refuse_moving_a_category_under_itself_or_too_deep()
    {
        var nested = SchemeDraftEditor.AddCategory(SchemeDraftEditor.AddCategory(Sample, "A", "A9", "子类", null), "A9", "A99", "孙类", null);

        Should.Throw<BusinessException>(() => SchemeDraftEditor.MoveCategory(nested, "A", "A99", null)).Code.ShouldBe(SchemeErrorCodes.CategoryMoveIntoItself);
        Should.Throw<BusinessException>(() => SchemeDraftEditor.AddCategory(nested, "A99", "A999", "太深", null)).Code.ShouldBe(SchemeErrorCodes.CategoryTooDeep);
        Should.Throw<BusinessException>(() => SchemeDraftEditor.MoveCategory(nested, "A", "B", null)).Code.ShouldBe(SchemeErrorCodes.CategoryTooDeep);
    }

    [Fact]
    public void Should_refuse_unknown_codes_and_positions()
    {
        Should.Throw<BusinessException>(() => SchemeDraftEditor.MoveIndicator(Sample, "Z01", "A", null)).Code.ShouldBe(SchemeErrorCodes.IndicatorNotFound);
        Should.Throw<BusinessException>(() => SchemeDraftEditor.MoveIndicator(Sample, "A01", "Z", null)).Errors.Keys.ShouldBe(["categoryCode"]);
        Should.Throw<BusinessException>(() => SchemeDraftEditor.MoveIndicator(Sample, "A01", "B", 9)).Code.ShouldBe(SchemeErrorCodes.PositionOutOfRange);
    }

    [Fact]
    public void Should_list_a_disagreeing_wording_among_the_problems_of_publishing()
    {
        var edited = SchemeDraftEditor.UpdateIndicator(Sample, "B04", i => i with { Rule = new ThresholdBandsRule { Bands = [new(90, 3), new(85, 2), new(70, 1)] } });

        var problems = new SchemeValidator().Validate(edited, 100);

        problems.ShouldHaveSingleItem().ShouldBe(new SchemeProblem("B04", SchemeErrorCodes.RuleTextDisagrees, ["95"]), new SchemeProblemComparer());
        var draft = SampleSchemeLoader.CreateDraft(Guid.NewGuid());
        draft.UpdateDefinition(edited);
        Should.Throw<SchemeInvalidException>(() => draft.Publish(new SchemeValidator(), DateTime.UtcNow)).Problems.ShouldHaveSingleItem().Target.ShouldBe("B04");
    }

    private sealed class SchemeProblemComparer : IEqualityComparer<SchemeProblem>
    {
        public bool Equals(SchemeProblem? x, SchemeProblem? y) =>
            x?.Target == y?.Target && x?.Code == y?.Code && (x?.Arguments ?? []).SequenceEqual(y?.Arguments ?? []);

        public int GetHashCode(SchemeProblem obj) => obj.Target.GetHashCode(StringComparison.Ordinal);
    }
}

using PilotAssessment.ExceptionHandling;
using PilotAssessment.Schemes;
using Shouldly;
using Xunit;

namespace PilotAssessment.DataEntry;

/// <summary>A value is saved only in a shape the line's rule can score (the sample scheme's lines of every entered kind).</summary>
public class EntryValueValidator_Tests
{
    private static readonly IReadOnlyDictionary<string, IndicatorDefinition> Indicators = EntryWorkbooks.SampleIndicators;

    /// <summary>Each field's errors as "Code|arg|arg", joined by "; ".</summary>
    private static Dictionary<string, string> Errors(string code, EntryValue value) =>
        EntryValueValidator.Validate(Indicators[code], value, null)?.Errors.ToDictionary(e => e.Key, e => string.Join("; ", e.Value.AsText())) ?? [];

    public static TheoryData<string, EntryValue> Scorable() => new()
    {
        { "B04", new EntryValue { Number = 90 } },
        { "B01", new EntryValue { Number = 1200, LastYearNumber = 1300 } },
        { "B01", new EntryValue { Number = 1200 } }, // last year's figure may come from the previous period
        { "A01", new EntryValue { Number = 2 } },
        { "A01", new EntryValue { Occurrences = [new EntryOccurrence { Count = 2 }] } },
        { "C03", new EntryValue { Number = 1, Flags = ["major_event_period"] } },
        { "D02", new EntryValue { Occurrences = [new EntryOccurrence { Type = "per_province", Count = 1 }, new EntryOccurrence { Type = "per_capital", Count = 0 }] } },
        { "A02", new EntryValue { ChecklistPresent = ["制度"] } },
        { "A02", new EntryValue { ChecklistPresent = [] } },
        { "F01", new EntryValue { Grade = "优" } },
        { "I04", new EntryValue { Number = 3, LastYearNumber = 5 } },
        { "B04", new EntryValue { Number = 90, Occurrences = [], ChecklistPresent = [], SurveyRates = [] } }, // empty parts are no parts
    };

    [Theory]
    [MemberData(nameof(Scorable))]
    public void Should_Take_A_Value_In_A_Shape_Its_Rule_Scores(string code, EntryValue value)
    {
        Errors(code, value).ShouldBeEmpty();
    }

    [Fact]
    public void Should_Refuse_A_Checklist_Or_A_Grade_Sent_As_A_Number()
    {
        Errors("A02", new EntryValue { Number = 2 }).ShouldBe(new Dictionary<string, string> { ["value.number"] = $"{DataEntryErrorCodes.FieldNotForRule}|RuleKind:checklist" });
        Errors("F01", new EntryValue { Number = 90 })["value.number"].ShouldBe($"{DataEntryErrorCodes.FieldNotForRule}|RuleKind:qualitative_grade");
    }

    [Fact]
    public void Should_Refuse_Typed_Occurrences_Sent_As_A_Plain_Number_Or_Without_Their_Type()
    {
        Errors("D02", new EntryValue { Number = 2 }).ShouldBe(new Dictionary<string, string> { ["value.number"] = $"{DataEntryErrorCodes.OccurrenceTypeRequired}|到省/到京" });
        Errors("D02", new EntryValue { Occurrences = [new EntryOccurrence { Count = 2 }] })
            .ShouldBe(new Dictionary<string, string> { ["value.occurrences[0].type"] = $"{DataEntryErrorCodes.OccurrenceTypeRequired}|到省/到京" });
        Errors("D02", new EntryValue { Occurrences = [new EntryOccurrence { Type = "default", Count = 2 }] }).Keys.ShouldBe(["value.occurrences[0].type"]);
    }

    [Fact]
    public void Should_Refuse_A_Count_That_Is_Not_A_Whole_Number()
    {
        Errors("A01", new EntryValue { Number = 1.5m }).ShouldBe(new Dictionary<string, string> { ["value.number"] = DataEntryErrorCodes.CountWholeNumber });
    }

    [Fact]
    public void Should_Refuse_Every_Part_The_Rule_Does_Not_Read_Beside_Its_Field()
    {
        var errors = Errors("B04", new EntryValue
        {
            Number = 90,
            LastYearNumber = 80,
            Occurrences = [new EntryOccurrence { Count = 1 }],
            Flags = ["major_event_period"],
            Grade = "优",
            ChecklistPresent = ["制度"],
            SurveyRates = new Dictionary<string, decimal> { ["x"] = 50 },
        });

        errors.Keys.Order().ShouldBe(["value.checklistPresent", "value.flags", "value.grade", "value.lastYearNumber", "value.occurrences", "value.surveyRates"]);
        errors.Values.ShouldAllBe(e => e == $"{DataEntryErrorCodes.FieldNotForRule}|RuleKind:threshold_bands");
        Errors("A01", new EntryValue { Number = 1, Grade = "优" }).Keys.ShouldBe(["value.grade"]);
        Errors("F01", new EntryValue { Grade = "优", Occurrences = [new EntryOccurrence { Count = 1 }] }).Keys.ShouldBe(["value.occurrences"]);
    }
}

using PilotAssessment.ExceptionHandling;
using PilotAssessment.Schemes;
using Shouldly;
using Xunit;

namespace PilotAssessment.DataEntry;

/// <summary>An uploaded workbook read into values and checked cell by cell, without a database.</summary>
public class EntryXlsxImporter_Tests
{
    private static readonly IReadOnlyDictionary<string, IndicatorDefinition> Indicators = EntryWorkbooks.SampleIndicators;

    [Fact]
    public void Should_Read_Every_Row_Into_The_Value_Its_Rule_Scores()
    {
        var workbook = EntryWorkbooks.With(
            ("B04", "E", "92.5"),
            ("A01", "F", "2"),
            ("D02", "J", "到省:1|per_capital:2"),
            ("A02", "H", "制度|台账"),
            ("F01", "G", "良"),
            ("F01", "I", "见附件"),
            ("C01", "I", "只有说明"));

        var import = EntryXlsxImporter.Import(new MemoryStream(workbook), Indicators, _ => true);

        import.IsValid.ShouldBeTrue(string.Join("; ", import.Errors.Select(e => $"{e.Key}: {string.Join(",", e.Value.AsText())}")));
        var rows = import.Rows.ToDictionary(r => r.Indicator.Code);
        rows.Keys.Order().ShouldBe(["A01", "A02", "B04", "C01", "D02", "F01"]);
        rows["B04"].Value.Number.ShouldBe(92.5m);
        rows["A01"].Value.Occurrences!.Single().Count.ShouldBe(2);
        rows["D02"].Value.Occurrences!.Select(o => (o.Type, o.Count)).ShouldBe([("per_province", 1), ("per_capital", 2)]);
        rows["A02"].Value.ChecklistPresent.ShouldBe(["制度", "台账"]);
        (rows["F01"].Value.Grade, rows["F01"].Note).ShouldBe(("良", "见附件"));
        (rows["C01"].Value.IsEmpty, rows["C01"].Note).ShouldBe((true, "只有说明"));
    }

    [Fact]
    public void Should_Give_Every_Problem_By_Its_Cell()
    {
        var workbook = EntryWorkbooks.With(
            ("B04", "E", "abc"),
            ("A02", "E", "2"),        // a checklist sent as a number
            ("D02", "F", "3"),        // typed occurrences sent as a plain count
            ("I01", "E", "120"),
            ("Z99", "E", "1"),
            ("C02", "E", "1.2"),      // another unit's line
            ("F01", "G", "甲"));

        var import = EntryXlsxImporter.Import(new MemoryStream(workbook), Indicators, code => code != "C02");

        import.IsValid.ShouldBeFalse();
        import.Errors.ToDictionary(e => e.Key, e => string.Join("; ", e.Value.AsText())).ShouldBe(new Dictionary<string, string>
        {
            ["E2"] = DataEntryErrorCodes.NumberRequired,
            ["E3"] = $"{DataEntryErrorCodes.FieldNotForRule}|RuleKind:checklist",
            ["F4"] = $"{DataEntryErrorCodes.OccurrenceTypeRequired}|到省/到京",
            ["E5"] = $"{DataEntryErrorCodes.PercentOutOfRange}|0|100",
            ["A6"] = $"{DataEntryErrorCodes.UnknownIndicator}|Z99",
            ["A7"] = $"{DataEntryErrorCodes.LineOfAnotherUnit}|C02",
            ["G8"] = $"{DataEntryErrorCodes.UnknownGrade}|甲|优/良/中/差",
        });
    }

    [Fact]
    public void Should_Refuse_A_File_That_Is_No_Workbook_As_A_Whole()
    {
        var refused = Should.Throw<BusinessException>(() => EntryXlsxImporter.Import(new MemoryStream("%PDF-1.4\n%%EOF"u8.ToArray()), Indicators, _ => true));

        refused.Code.ShouldBe(DataEntryErrorCodes.XlsxUnreadable);
        refused.Errors["file"].AsText().ShouldBe([DataEntryErrorCodes.XlsxUnreadable]);
    }
}

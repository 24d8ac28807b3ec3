using PilotAssessment.ExceptionHandling;
using PilotAssessment.Schemes;
using Shouldly;
using Xunit;

namespace PilotAssessment.DataEntry;

/// <summary>Facts take the scheme's reported data items only, within range, as veto facts and bonus counts are checked.</summary>
public class FactDataItems_Tests
{
    private static readonly SchemeDefinition Definition = new()
    {
        DataItems =
        [
            new DataItemDefinition { Code = "population", Name = "常住人口" },
            new DataItemDefinition { Code = "cases", Name = "刑事案件数" },
            new DataItemDefinition { Code = "rate", Name = "千人发案率", Formula = "cases / population * 1000" },
        ],
    };

    private static BusinessException Check(Dictionary<string, decimal> items)
    {
        var error = new BusinessException(DataEntryErrorCodes.Invalid, "facts");
        EntryValueValidator.CheckFactDataItems(Definition, items, error);
        return error;
    }

    [Fact]
    public void Should_Take_The_Schemes_Reported_Data_Items()
    {
        Check(new() { ["population"] = 4_000_000, ["cases"] = 600 }).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Should_Refuse_Unknown_And_Computed_Data_Items_And_Values_Out_Of_Range()
    {
        var errors = Check(new() { ["unknown"] = 1, ["rate"] = 0.15m, ["population"] = 1e13m }).Errors;

        errors["dataItems.unknown"].AsText().ShouldBe([$"{DataEntryErrorCodes.UnknownDataItem}|unknown"]);
        errors["dataItems.rate"].AsText().ShouldBe([$"{DataEntryErrorCodes.UnknownDataItem}|rate"]);
        errors["dataItems.population"].ShouldHaveSingleItem().Code.ShouldBe(DataEntryErrorCodes.DataItemOutOfRange);
    }
}

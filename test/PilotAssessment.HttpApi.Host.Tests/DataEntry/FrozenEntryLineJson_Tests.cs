using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PilotAssessment.Dtos;
using Shouldly;
using Xunit;

namespace PilotAssessment.DataEntry;

/// <summary>
/// The host writes an entry line as the serializer would; a frozen line (of a kept sheet) is written once and those
/// bytes are copied again, so what it sends is the line as it was first written.
/// </summary>
public sealed class FrozenEntryLineJson_Tests(SqliteHostFixture host) : IClassFixture<SqliteHostFixture>
{
    [Fact]
    public void Should_Write_A_Line_As_The_Serializer_Does_And_A_Frozen_Line_Once()
    {
        var options = host.GetService<IOptions<JsonOptions>>().Value.JsonSerializerOptions;
        var plain = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = options.Encoder };
        var sheet = new EntrySheetDto { Lines = [Line("B01", 90), Line("B02", 80)] };
        FrozenDtos.Freeze(sheet.Lines[0]);

        var first = JsonSerializer.Serialize(sheet, options);
        first.ShouldBe(JsonSerializer.Serialize(sheet, plain));

        // Neither line is changed in the product once frozen; here the change shows which bytes were written.
        sheet.Lines[0].Value.Number = 1;
        sheet.Lines[1].Value.Number = 2;
        var again = JsonSerializer.Deserialize<EntrySheetDto>(JsonSerializer.Serialize(sheet, options), options)!;
        again.Lines[0].Value.Number.ShouldBe(90);
        again.Lines[1].Value.Number.ShouldBe(2);
        again.Lines[0].IndicatorName.ShouldBe("刑事案件立案数（B01）");
    }

    private static EntryLineDto Line(string code, decimal number) => new()
    {
        IndicatorCode = code,
        IndicatorName = $"刑事案件立案数（{code}）",
        RuleKind = "threshold_bands",
        Value = new EntryValueDto { Number = number },
        Evidence = [],
        Incomplete = [],
    };
}

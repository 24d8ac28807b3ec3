using DocumentFormat.OpenXml.Spreadsheet;

namespace PilotAssessment.DataEntry;

/// <summary>The 说明 sheet of the entry template: how to fill it in, column by column, in the user's language.</summary>
public static class EntryXlsxGuide
{
    /// <summary>The numbered texts of the sheet (<c>DataEntry:XlsxGuide:1</c> …), the first its title.</summary>
    public const int Lines = 12;

    public static Worksheet Sheet(EntryXlsxTexts texts)
    {
        var data = new SheetData();
        for (var i = 1u; i <= Lines; i++)
        {
            var style = i == 1 ? EntryXlsxStyles.Title : 0u;
            data.AppendChild(EntryXlsxTemplate.Row(i, [EntryXlsxTemplate.Cell("A", i, texts[$"DataEntry:XlsxGuide:{i}"], style)]));
        }

        return new Worksheet(
            new Columns(new Column { Min = 1, Max = 1, Width = 120, CustomWidth = true }),
            data,
            new SheetProtection { Sheet = true, Objects = true, Scenarios = true });
    }
}

using DocumentFormat.OpenXml.Wordprocessing;

namespace PilotAssessment.Word;

/// <summary>The bordered full-width table of the printable Word documents (agreement, briefing): a bold header row, then the rows.</summary>
public static class WordTable
{
    /// <summary><paramref name="cell"/> makes the paragraph of one cell's text (bold in the header).</summary>
    public static Table Create(string[] header, IEnumerable<string[]> rows, Func<string, bool, Paragraph> cell)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(border, new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }));
        table.Append(Row(header, bold: true, cell));
        foreach (var row in rows)
        {
            table.Append(Row(row, bold: false, cell));
        }

        return table;
    }

    private static TableRow Row(IEnumerable<string> cells, bool bold, Func<string, bool, Paragraph> cell) =>
        new(cells.Select(c => new TableCell(cell(c, bold))));
}

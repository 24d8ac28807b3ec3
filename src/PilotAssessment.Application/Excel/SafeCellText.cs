using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PilotAssessment.Excel;

/// <summary>
/// Text from users must never become a formula in an exported spreadsheet (formula/CSV injection:
/// <c>=HYPERLINK(…)</c>, <c>+cmd|…</c>, <c>@SUM(…)</c>). Cells are written as inline strings, which a
/// spreadsheet never evaluates, and risky ones also get the quote-prefix style so editing them keeps them text.
/// </summary>
public static class SafeCellText
{
    private static readonly char[] RiskyFirstCharacters = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>True when a spreadsheet could take the text for a formula.</summary>
    public static bool IsRisky(string? text) => !string.IsNullOrEmpty(text) && RiskyFirstCharacters.Contains(text[0]);

    /// <summary>For plain-text exports (CSV): prefixes a risky text with an apostrophe.</summary>
    public static string Escape(string? text) => IsRisky(text) ? "'" + text : text ?? string.Empty;

    /// <summary>
    /// An inline-string cell holding <paramref name="text"/> exactly. Risky texts get
    /// <paramref name="quotePrefixStyleIndex"/> (a cell format with <c>quotePrefix="1"</c>, see <see cref="QuotePrefixFormat"/>).
    /// </summary>
    public static Cell InlineStringCell(string reference, string text, uint? quotePrefixStyleIndex = null, uint? styleIndex = null)
    {
        var value = new Text(text);
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Contains('\n')))
        {
            value.Space = SpaceProcessingModeValues.Preserve;
        }

        var cell = new Cell(new InlineString(value)) { CellReference = reference, DataType = CellValues.InlineString };
        var style = IsRisky(text) && quotePrefixStyleIndex is not null ? quotePrefixStyleIndex : styleIndex;
        if (style is not null)
        {
            cell.StyleIndex = style;
        }

        return cell;
    }

    /// <summary>A cell format that tells the spreadsheet to keep the content as text.</summary>
    public static CellFormat QuotePrefixFormat() => new()
    {
        NumberFormatId = 49, // "@" text
        FontId = 0,
        FillId = 0,
        BorderId = 0,
        FormatId = 0,
        QuotePrefix = true,
        ApplyNumberFormat = true,
    };
}

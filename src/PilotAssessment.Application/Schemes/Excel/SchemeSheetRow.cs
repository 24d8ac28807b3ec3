using System.Globalization;
using PilotAssessment.Excel;
using L = PilotAssessment.Schemes.Excel.SchemeExcelLayout;

namespace PilotAssessment.Schemes.Excel;

/// <summary>One data row of a scheme workbook's sheet: typed reads of its cells by column key, each error reported with the row and column.</summary>
internal sealed class SchemeSheetRow(SchemeSheetTable sheet, int number, Dictionary<int, string> cells)
{
    /// <summary>The cell's text; null when empty or when the column is missing (reported once for the sheet).</summary>
    public string? Text(string key) =>
        sheet.Columns.TryGetValue(key, out var column) && cells.TryGetValue(column, out var text) && text.Length > 0 ? text : null;

    public string RequiredText(string key)
    {
        var text = Text(key);
        if (string.IsNullOrWhiteSpace(text))
        {
            Required(key);
            return string.Empty;
        }

        return text;
    }

    public decimal? Decimal(string key, bool required)
    {
        var text = Text(key)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return required ? Required(key) : null;
        }

        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(key, SchemeExcelErrorCodes.NotANumber, text);
        return null;
    }

    public int? Int(string key, bool required)
    {
        var text = Text(key)?.Trim();
        var value = Decimal(key, required);
        if (value is null)
        {
            return null;
        }

        if (value != decimal.Truncate(value.Value) || value < int.MinValue || value > int.MaxValue)
        {
            Error(key, SchemeExcelErrorCodes.NotAWholeNumber, text);
            return null;
        }

        return (int)value.Value;
    }

    public bool Bool(string key)
    {
        var text = Text(key)?.Trim();
        switch (text?.ToLowerInvariant())
        {
            case null or "" or L.No or "false" or "0" or "no" or "n":
                return false;
            case L.Yes or "true" or "1" or "yes" or "y":
                return true;
            default:
                Error(key, SchemeExcelErrorCodes.NotABoolean, text);
                return false;
        }
    }

    public T? Enum<T>(string key, bool required)
        where T : struct, Enum
    {
        var text = Text(key)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return required ? Required<T>(key) : null;
        }

        if (SchemeExcelJson.TryParseEnum<T>(text, out var value))
        {
            return value;
        }

        Error(key, SchemeExcelErrorCodes.UnknownValue, text, SchemeExcelJson.EnumNames<T>());
        return null;
    }

    public void Error(string key, string code, params object?[] arguments)
    {
        var header = sheet.Layout[key].Header;
        var column = sheet.Columns.TryGetValue(key, out var index) ? SafeXlsxReader.ColumnName(index) : string.Empty;
        sheet.Errors.Add(new SchemeExcelError(sheet.Layout.Name, number, column, code,
            [sheet.Layout.Name, column + number, header, .. arguments]));
    }

    private decimal? Required(string key)
    {
        // A missing column is already reported for the whole sheet.
        if (sheet.Columns.ContainsKey(key))
        {
            Error(key, SchemeExcelErrorCodes.ValueRequired);
        }

        return null;
    }

    private T? Required<T>(string key)
        where T : struct
    {
        Required(key);
        return null;
    }
}

namespace PilotAssessment.Schemes.Excel;

/// <summary>
/// One problem of an imported workbook: the sheet, the 1-based row and the column letter (both empty for a
/// missing sheet or column), and a localization code whose arguments begin with sheet, cell and column header.
/// </summary>
public sealed record SchemeExcelError(string Sheet, int Row, string Column, string Code, IReadOnlyList<object?> Arguments)
{
    /// <summary>"指标!F12", or the sheet alone when the error is not in one cell; "file" for the file itself.</summary>
    public string Location => Sheet.Length == 0 ? "file" : Row > 0 ? $"{Sheet}!{Column}{Row}" : Sheet;
}

/// <summary>A workbook that cannot be imported; <see cref="ExcelErrors"/> lists every problem, and nothing was saved.</summary>
public sealed class SchemeExcelException : BusinessException
{
    public SchemeExcelException(IReadOnlyList<SchemeExcelError> errors)
        : base(
            errors is [{ Code: SchemeExcelErrorCodes.NotXlsx }] ? SchemeExcelErrorCodes.NotXlsx : SchemeExcelErrorCodes.Invalid,
            errors.Count)
    {
        ExcelErrors = errors;
        foreach (var error in errors)
        {
            WithError(error.Location, error.Code, [.. error.Arguments]);
        }
    }

    public IReadOnlyList<SchemeExcelError> ExcelErrors { get; }
}

namespace PilotAssessment.Excel;

/// <summary>Why an uploaded workbook was refused; each reader turns it into its own localized message.</summary>
public enum SafeXlsxProblem
{
    /// <summary>Not a zip, not an xlsx package, broken XML.</summary>
    Unreadable,

    /// <summary>The workbook has no worksheet.</summary>
    NoSheet,

    /// <summary>A part inflates beyond <see cref="SafeXlsxReader.MaxPartBytes"/> (a zip bomb, or a sheet far bigger than any we read).</summary>
    PartTooLarge,

    /// <summary>More non-empty rows than the caller allows.</summary>
    TooManyRows,

    /// <summary>A cell holds more text than Excel itself allows.</summary>
    CellTooLong,
}

public sealed class SafeXlsxException(SafeXlsxProblem problem, Exception? inner = null)
    : Exception($"The workbook cannot be read: {problem}", inner)
{
    public SafeXlsxProblem Problem { get; } = problem;
}

/// <summary>One row of a sheet: its 1-based number and the non-empty cells by 1-based column number.</summary>
public sealed record SafeXlsxRow(int Number, IReadOnlyDictionary<int, string> Cells);

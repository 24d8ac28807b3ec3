using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PilotAssessment.Files;

namespace PilotAssessment.Excel;

/// <summary>
/// Reads uploaded workbooks without trusting them: the zip's parts are checked against a size limit before anything is
/// opened, every part is read through a stream that stops at that limit whatever the zip claims, sheets and shared strings
/// are read as a stream of XML (never a DOM of the whole sheet), DTDs are refused, cells are bounded, and the caller's row
/// limit stops reading as soon as it is passed. Every failure is a <see cref="SafeXlsxException"/>.
/// </summary>
public sealed class SafeXlsxReader : IDisposable
{
    /// <summary>Most bytes one part (a sheet, the shared strings) may inflate to; a scheme's or an entry sheet's parts are far below.</summary>
    public const long MaxPartBytes = 20_000_000;

    /// <summary>Excel's own limit of characters in a cell.</summary>
    public const int MaxCellCharacters = 32_767;

    /// <summary>Most entries of the zip; a workbook has a dozen or two.</summary>
    public const int MaxZipEntries = 1_000;

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        MaxCharactersInDocument = MaxPartBytes,
        MaxCharactersFromEntities = 0,
        CloseInput = true,
    };

    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbook;
    private IReadOnlyList<string>? _sharedStrings;

    private SafeXlsxReader(SpreadsheetDocument document, WorkbookPart workbook)
    {
        _document = document;
        _workbook = workbook;
    }

    /// <summary>Opens a workbook from a seekable stream.</summary>
    /// <exception cref="SafeXlsxException">The file is not a workbook we can read safely.</exception>
    public static SafeXlsxReader Open(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        CheckZip(content);
        SpreadsheetDocument? document = null;
        try
        {
            document = SpreadsheetDocument.Open(content, false, new OpenSettings { MaxCharactersInPart = MaxPartBytes });
            var workbook = document.WorkbookPart ?? throw new SafeXlsxException(SafeXlsxProblem.Unreadable);
            if (workbook.Workbook?.Sheets?.Elements<Sheet>().Any() != true || !workbook.WorksheetParts.Any())
            {
                throw new SafeXlsxException(SafeXlsxProblem.NoSheet);
            }

            return new SafeXlsxReader(document, workbook);
        }
        catch (Exception exception) when (IsUnreadable(exception))
        {
            document?.Dispose();
            throw new SafeXlsxException(SafeXlsxProblem.Unreadable, exception);
        }
        catch
        {
            document?.Dispose();
            throw;
        }
    }

    /// <summary>The workbook part, for small settings read from it (sheet names); its size is bounded by <see cref="MaxPartBytes"/>.</summary>
    public WorkbookPart Workbook => _workbook;

    /// <summary>The rows of the sheet with the given name (trimmed), or null when there is no such sheet.</summary>
    /// <exception cref="SafeXlsxException">The sheet is broken or beyond the limits (raised while enumerating).</exception>
    public IEnumerable<SafeXlsxRow>? Sheet(string name, int maxRows = int.MaxValue)
    {
        var sheet = Guard(() => _workbook.Workbook.Sheets!.Elements<Sheet>().FirstOrDefault(s => s.Name?.Value?.Trim() == name));
        return sheet?.Id?.Value is { } id && Guard(() => _workbook.GetPartById(id)) is WorksheetPart part ? Rows(part, maxRows) : null;
    }

    /// <summary>The rows of the first sheet of the workbook.</summary>
    /// <exception cref="SafeXlsxException">The sheet is broken or beyond the limits (raised while enumerating).</exception>
    public IEnumerable<SafeXlsxRow> FirstSheet(int maxRows = int.MaxValue)
    {
        var first = Guard(() => _workbook.Workbook.Sheets!.Elements<Sheet>().First());
        var part = first.Id?.Value is { } id ? Guard(() => _workbook.GetPartById(id)) as WorksheetPart : null;
        return Rows(part ?? Guard(() => _workbook.WorksheetParts.First()), maxRows);
    }

    public void Dispose() => _document.Dispose();

    private static bool IsUnreadable(Exception exception) =>
        exception is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or XmlException
            or InvalidOperationException or ArgumentException or NotSupportedException or UnauthorizedAccessException;

    private static T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception exception) when (exception is not SafeXlsxException && IsUnreadable(exception))
        {
            throw new SafeXlsxException(SafeXlsxProblem.Unreadable, exception);
        }
    }

    // What the zip says of itself is checked before the package reads any part: entries and their inflated sizes.
    private static void CheckZip(Stream content)
    {
        var start = content.Position;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxZipEntries)
            {
                throw new SafeXlsxException(SafeXlsxProblem.Unreadable);
            }

            if (zip.Entries.Any(e => e.Length > MaxPartBytes))
            {
                throw new SafeXlsxException(SafeXlsxProblem.PartTooLarge);
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or ArgumentException or NotSupportedException)
        {
            throw new SafeXlsxException(SafeXlsxProblem.Unreadable, exception);
        }
        finally
        {
            content.Position = start;
        }
    }

    private static XmlReader XmlOf(OpenXmlPart part) =>
        XmlReader.Create(new LimitedReadStream(part.GetStream(FileMode.Open, FileAccess.Read), MaxPartBytes, () => new SafeXlsxException(SafeXlsxProblem.PartTooLarge)), XmlSettings);

    private IReadOnlyList<string> SharedStrings()
    {
        if (_sharedStrings is not null)
        {
            return _sharedStrings;
        }

        var strings = new List<string>();
        if (_workbook.SharedStringTablePart is { } part)
        {
            using var xml = XmlOf(part);
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si" && !xml.IsEmptyElement)
                {
                    strings.Add(SafeXlsxXml.ReadRichText(xml));
                }
                else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
                {
                    strings.Add(string.Empty);
                }
            }
        }

        return _sharedStrings = strings;
    }

    private IEnumerable<SafeXlsxRow> Rows(WorksheetPart part, int maxRows)
    {
        var shared = Guard(SharedStrings);
        XmlReader xml;
        try
        {
            xml = XmlOf(part);
        }
        catch (Exception exception) when (IsUnreadable(exception))
        {
            throw new SafeXlsxException(SafeXlsxProblem.Unreadable, exception);
        }

        using (xml)
        {
            var rowNumber = 0;
            var nonEmpty = 0;
            while (true)
            {
                SafeXlsxRow? row;
                try
                {
                    if (!xml.Read())
                    {
                        yield break;
                    }

                    if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row")
                    {
                        continue;
                    }

                    rowNumber = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : rowNumber + 1;
                    row = new SafeXlsxRow(rowNumber, xml.IsEmptyElement ? new Dictionary<int, string>() : SafeXlsxXml.ReadCells(xml, shared));
                }
                catch (Exception exception) when (exception is not SafeXlsxException && IsUnreadable(exception))
                {
                    throw new SafeXlsxException(SafeXlsxProblem.Unreadable, exception);
                }

                if (row.Cells.Count > 0 && ++nonEmpty > maxRows)
                {
                    throw new SafeXlsxException(SafeXlsxProblem.TooManyRows);
                }

                yield return row;
            }
        }
    }

    /// <summary>"AB12" → 28; 0 when the reference has no column letters.</summary>
    public static int ColumnOf(string? reference)
    {
        var column = 0;
        foreach (var c in reference ?? string.Empty)
        {
            var letter = c is >= 'a' and <= 'z' ? (char)(c - 'a' + 'A') : c;
            if (letter is < 'A' or > 'Z')
            {
                break;
            }

            column = (column * 26) + (letter - 'A' + 1);
            if (column > 16_384)
            {
                return 0;
            }
        }

        return column;
    }

    /// <summary>1 → "A", 28 → "AB".</summary>
    public static string ColumnName(int column)
    {
        var name = string.Empty;
        while (column > 0)
        {
            var remainder = (column - 1) % 26;
            name = (char)('A' + remainder) + name;
            column = (column - 1) / 26;
        }

        return name;
    }
}

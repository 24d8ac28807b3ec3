using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PilotAssessment.DataEntry;

namespace PilotAssessment.Excel;

/// <summary>Workbooks built to hurt a reader: a zip bomb, broken XML, no sheet, the same row twice, far too many rows.</summary>
public static class HostileWorkbooks
{
    private const string SheetStart =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";

    private const string SheetEnd = "</sheetData></worksheet>";

    private const string Header = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>指标代码</t></is></c></row>";

    /// <summary>An entry workbook of the given lines, as the template writes it.</summary>
    public static byte[] Entry(params string[] codes) =>
        EntryXlsx.Template(codes.Select(c => new EntryLineDto { IndicatorCode = c, IndicatorName = c, Value = new EntryValueDto { Number = 90 } }));

    /// <summary>A small file whose sheet inflates to <paramref name="inflatedBytes"/> (empty rows after a header).</summary>
    public static byte[] ZipBomb(long inflatedBytes = 300_000_000) => WithSheet(Entry("B04"), sheet =>
    {
        Write(sheet, SheetStart + Header);
        var padding = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<row/>", 10_000)));
        for (long written = 0; written < inflatedBytes; written += padding.Length)
        {
            sheet.Write(padding);
        }

        Write(sheet, SheetEnd);
    });

    /// <summary>The sheet part is cut off in the middle of a cell.</summary>
    public static byte[] MalformedSheet() => WithSheet(Entry("B04"), sheet => Write(sheet, SheetStart + Header + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>B04</t>"));

    /// <summary>A well-formed workbook without any worksheet.</summary>
    public static byte[] NoSheet()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary><paramref name="rows"/> rows of data after the header, each naming an indicator.</summary>
    public static byte[] ManyRows(int rows, string code = "B04") => WithSheet(Entry(code), sheet =>
    {
        Write(sheet, SheetStart + Header);
        for (var i = 2; i < rows + 2; i++)
        {
            Write(sheet, $"<row r=\"{i}\"><c r=\"A{i}\" t=\"inlineStr\"><is><t>{code}</t></is></c><c r=\"E{i}\"><v>{i}</v></c></row>");
        }

        Write(sheet, SheetEnd);
    });

    private static void Write(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));

    // A new zip in create mode, so a huge sheet is deflated as it is written and never held in memory.
    private static byte[] WithSheet(byte[] xlsx, Action<Stream> writeSheet)
    {
        using var source = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            // Only the first sheet (the one read); the template's 说明 sheet stays as it is.
            var first = source.Entries.First(e => e.FullName.Contains("worksheets/", StringComparison.Ordinal) && !e.FullName.Contains("_rels", StringComparison.Ordinal));
            foreach (var entry in source.Entries)
            {
                using var target = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal).Open();
                if (entry == first)
                {
                    writeSheet(target);
                }
                else
                {
                    using var content = entry.Open();
                    content.CopyTo(target);
                }
            }
        }

        return stream.ToArray();
    }
}

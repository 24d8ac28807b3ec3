using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Shouldly;

namespace PilotAssessment.Results;

/// <summary>What the tests read back from an exported score sheet or ranking: the workbook's cells and the PDF's text.</summary>
public static partial class ExportedFiles
{
    /// <summary>The text of every cell of the workbook's one sheet, row by row.</summary>
    public static List<List<string>> XlsxRows(byte[] content)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(content), false);
        return document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Descendants<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? string.Empty).ToList())
            .ToList();
    }

    public static List<string> XlsxTexts(byte[] content) => XlsxRows(content).SelectMany(r => r).ToList();

    /// <summary>The PDF's text as pdftotext reads it, without white space (the layout breaks lines anywhere).</summary>
    public static async Task<string> PdfTextAsync(byte[] content)
    {
        Encoding.ASCII.GetString(content, 0, 5).ShouldBe("%PDF-");
        var path = Path.Combine(Path.GetTempPath(), $"sheet-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, content);
        try
        {
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, StandardOutputEncoding = Encoding.UTF8 };
            foreach (var argument in new[] { "-layout", path, "-" })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            process.ExitCode.ShouldBe(0);
            return Compact(text);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The text without white space, as <see cref="PdfTextAsync"/> gives it.</summary>
    public static string Compact(string text) => WhiteSpace().Replace(text, string.Empty);

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Localization;
using PilotAssessment.Excel;
using PilotAssessment.Periods;

namespace PilotAssessment.Supervision;

/// <summary>The problem register as a workbook, in the reader's language, times in Beijing time.</summary>
internal static class ProblemXlsxWriter
{
    public static byte[] Write(IReadOnlyList<ProblemDto> problems, IStringLocalizer localizer)
    {
        string T(string key) => localizer[key];
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            worksheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets()).AppendChild(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = T("Supervision:Xlsx:Sheet") });
            Row(data, T("Supervision:Xlsx:City"), T("Supervision:Xlsx:Title"), T("Supervision:Xlsx:Category"), T("Supervision:Xlsx:Severity"),
                T("Supervision:Xlsx:Source"), T("Supervision:Xlsx:Round"), T("Supervision:Xlsx:Unit"), T("Supervision:Xlsx:Status"),
                T("Supervision:Xlsx:Deadline"), T("Supervision:Xlsx:Overdue"), T("Supervision:Xlsx:Repeat"), T("Supervision:Xlsx:Created"),
                T("Supervision:Xlsx:Closed"), T("Supervision:Xlsx:Note"), T("Supervision:Xlsx:Description"));
            foreach (var p in problems)
            {
                Row(data, p.CityName, p.Title, p.Category, T($"Enum:ProblemSeverity.{p.Severity}"), T($"Enum:ProblemSource.{p.Source}"), p.RoundName, p.UnitName,
                    T($"Enum:ProblemStatus.{p.Status}"), p.Deadline.ToString("yyyy-MM-dd"), p.Overdue ? T("Supervision:Xlsx:Yes") : null,
                    p.Repeat ? T("Supervision:Xlsx:Yes") : null, Local(p.CreationTime), p.ClosedTime is { } closed ? Local(closed) : null,
                    p.RectificationNote, p.Description);
            }

            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static string Local(DateTime utc) => ProvinceTime.ToLocal(utc).ToString("yyyy-MM-dd HH:mm");

    private static void Row(SheetData data, params string?[] values)
    {
        var row = new Row();
        foreach (var value in values)
        {
            row.AppendChild(value is null
                ? new Cell()
                : new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(SafeCellText.Escape(value)) { Space = SpaceProcessingModeValues.Preserve }) });
        }

        data.AppendChild(row);
    }
}

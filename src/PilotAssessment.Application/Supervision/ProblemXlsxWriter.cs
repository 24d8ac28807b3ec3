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
        return SingleSheetXlsx.Write(T("Supervision:Xlsx:Sheet"), data =>
        {
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
        });
    }

    private static string Local(DateTime utc) => ProvinceTime.ToLocal(utc).ToString("yyyy-MM-dd HH:mm");

    private static void Row(SheetData data, params string?[] values)
    {
        var row = new Row();
        foreach (var value in values)
        {
            row.AppendChild(SingleSheetXlsx.Text(value));
        }

        data.AppendChild(row);
    }
}

using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;
using PilotAssessment.Excel;
using PilotAssessment.Localization;
using PilotAssessment.Schemes;

namespace PilotAssessment.Results;

/// <summary>
/// Writes score sheets and the ranking table as xlsx, in the reader's language (headers and statuses by their labels,
/// times in Beijing time). Every text is an inline string, never a formula, and a text that a spreadsheet would read
/// as a formula is prefixed with an apostrophe (<see cref="SafeCellText"/>).
/// </summary>
public static class ScoreSheetXlsxWriter
{
    public static byte[] Write(ScoreSheetRecordDto sheet, string periodName) => SingleSheetXlsx.Write(H("SheetName"), data =>
    {
        var notAssessed = H("NotAssessed");
        Row(data, H("City"), sheet.CityName, H("Period"), periodName);
        Row(data, H("Version"), sheet.Version, H("Reason"), sheet.Reason, H("CreatedAt"), sheet.CreationTimeLocal);
        if (sheet.NotAssessed)
        {
            Row(data, H("AuditedTotal"), notAssessed, H("Grade"), notAssessed, H("Rank"), notAssessed);
            Row(data, H("SelfTotal"), sheet.SelfTotal);
            return;
        }

        Row(data, H("AuditedTotal"), sheet.AuditedTotal, H("Grade"), sheet.Grade, H("Rank"), sheet.Rank);
        Row(data, H("SelfTotal"), sheet.SelfTotal, H("Indicators"), sheet.IndicatorPoints, H("Bonus"), sheet.Bonus, H("VetoDeduction"), sheet.VetoDeduction);
        Row(data);
        Row(data, H("IndicatorCode"), H("IndicatorName"), H("MaxPoints"), H("Value"), H("ReferenceValue"), H("ReferenceSource"),
            H("SelfScore"), H("AuditorScore"), H("AdjustReason"), H("Points"), H("Status"), H("Explanation"), H("Source"));
        foreach (var line in sheet.Lines)
        {
            Row(data, line.IndicatorCode, line.IndicatorName, line.MaxPoints, (object?)line.ValueText ?? line.Value, line.ReferenceValue, line.ReferenceSourceText,
                line.SelfScore, line.AuditorScore, line.AdjustReason, line.Points, StatusText(line.Status), English ? line.ExplanationEn : line.ExplanationZh, line.SourceText);
        }
    });

    /// <summary>The province's ranking table of a period: one row per city, best first; a city left out says 未参评.</summary>
    public static byte[] WriteRanking(IReadOnlyList<RankingRowDto> ranking, string periodName) => SingleSheetXlsx.Write(H("RankingSheetName"), data =>
    {
        var notAssessed = H("NotAssessed");
        Row(data, H("Period"), periodName);
        Row(data);
        Row(data, H("Rank"), H("City"), H("Total"), H("Grade"), H("Change"), H("SheetVersion"), H("Reason"));
        foreach (var row in ranking)
        {
            if (row.NotAssessed)
            {
                Row(data, notAssessed, row.CityName, null, notAssessed, null, row.Version, row.Reason);
            }
            else
            {
                Row(data, row.Rank, row.CityName, row.Total, row.Grade, row.Change, row.Version, row.Reason);
            }
        }
    });

    /// <summary>A line's state by its label (已计分, 未填报, 计算错误), never the member's name.</summary>
    public static string StatusText(string status) =>
        Enum.TryParse<LineStatus>(status, ignoreCase: false, out var member) ? Labels.Enum(member) : status;

    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    private static string H(string name) => Labels.Text("ScoreSheetXlsx:" + name);

    private static void Row(SheetData data, params object?[] values)
    {
        var row = new Row();
        foreach (var value in values)
        {
            row.AppendChild(SingleSheetXlsx.Cell(value));
        }

        data.AppendChild(row);
    }
}

using DocumentFormat.OpenXml.Spreadsheet;
using PilotAssessment.Excel;

namespace PilotAssessment.Results.Briefing;

/// <summary>The province's warnings and completeness tables of a period as one-sheet workbooks, formula-safe.</summary>
public static class ResultTablesXlsxWriter
{
    public sealed record WarningRow(string CityName, decimal Total, decimal Percent, string? Colour, string Scope, string Code, string Name, decimal LinePercent, string Level);

    public sealed record CompletenessRow(string CityName, int Reported, int Expected, decimal Percent, string Status, string? FirstSubmittedLocal, bool OnTime);

    public static byte[] WriteWarnings(IEnumerable<WarningRow> rows, string periodName, string asOfLocal) => SingleSheetXlsx.Write("预警", data =>
    {
        Row(data, "周期", periodName);
        Row(data, "统计时间（北京时间）", asOfLocal);
        Row(data);
        Row(data, "城市", "总分", "得分率（%）", "颜色", "范围", "编号", "名称", "得分率（%）", "预警等级");
        foreach (var row in rows)
        {
            Row(data, row.CityName, row.Total, row.Percent, row.Colour, row.Scope, row.Code, row.Name, row.LinePercent, row.Level);
        }
    });

    public static byte[] WriteCompleteness(IEnumerable<CompletenessRow> rows, string periodName, string asOfLocal) => SingleSheetXlsx.Write("填报进度", data =>
    {
        Row(data, "周期", periodName);
        Row(data, "统计时间（北京时间）", asOfLocal);
        Row(data);
        Row(data, "城市", "已填报", "应填报", "完成率（%）", "提交状态", "首次提交时间（北京时间）", "按期提交");
        foreach (var row in rows)
        {
            Row(data, row.CityName, row.Reported, row.Expected, row.Percent, row.Status, row.FirstSubmittedLocal, row.OnTime ? "是" : "否");
        }
    });

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

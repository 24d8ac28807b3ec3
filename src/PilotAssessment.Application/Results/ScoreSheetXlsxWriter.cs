using DocumentFormat.OpenXml.Spreadsheet;
using PilotAssessment.Excel;

namespace PilotAssessment.Results;

/// <summary>
/// Writes score sheets and the ranking table as xlsx. Every text is an inline string, never a formula, and a text
/// that a spreadsheet would read as a formula is prefixed with an apostrophe (<see cref="SafeCellText"/>).
/// </summary>
public static class ScoreSheetXlsxWriter
{
    public static byte[] Write(ScoreSheetRecordDto sheet, string periodName) => SingleSheetXlsx.Write("评分表", data =>
    {
        const string NotAssessed = "未参评";
        Row(data, "城市 City", sheet.CityName, "周期 Period", periodName);
        Row(data, "版本 Version", sheet.Version, "说明 Reason", sheet.Reason, "形成时间（北京时间）", sheet.CreationTimeLocal);
        if (sheet.NotAssessed)
        {
            Row(data, "审核总分 Audited total", NotAssessed, "等次 Grade", NotAssessed, "排名 Rank", NotAssessed);
            Row(data, "自评总分 Self total", sheet.SelfTotal);
            return;
        }

        Row(data, "审核总分 Audited total", sheet.AuditedTotal, "等次 Grade", sheet.Grade, "排名 Rank", sheet.Rank);
        Row(data, "自评总分 Self total", sheet.SelfTotal, "指标得分 Indicators", sheet.IndicatorPoints, "加分 Bonus", sheet.Bonus, "否决扣分 Veto deduction", sheet.VetoDeduction);
        Row(data);
        Row(data, "指标代码", "指标名称", "分值", "填报值", "参考值", "参考值来源", "自评分", "审核分", "调整理由", "得分", "状态", "说明");
        foreach (var line in sheet.Lines)
        {
            Row(data, line.IndicatorCode, line.IndicatorName, line.MaxPoints, (object?)line.ValueText ?? line.Value, line.ReferenceValue, line.ReferenceSourceText, line.SelfScore, line.AuditorScore, line.AdjustReason, line.Points, line.Status, line.ExplanationZh);
        }
    });

    /// <summary>The province's ranking table of a period: one row per city, best first; a city left out says 未参评.</summary>
    public static byte[] WriteRanking(IReadOnlyList<RankingRowDto> ranking, string periodName) => SingleSheetXlsx.Write("排名", data =>
    {
        Row(data, "周期 Period", periodName);
        Row(data);
        Row(data, "排名", "城市", "总分", "等次", "较上期", "评分表版本", "说明");
        foreach (var row in ranking)
        {
            if (row.NotAssessed)
            {
                Row(data, "未参评", row.CityName, null, "未参评", null, row.Version, row.Reason);
            }
            else
            {
                Row(data, row.Rank, row.CityName, row.Total, row.Grade, row.Change, row.Version, row.Reason);
            }
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

using System.Globalization;
using System.Text;
using System.Text.Json;
using PilotAssessment.Excel;
using SkiaSharp;

namespace PilotAssessment.Results.Pdf;

/// <summary>
/// A score sheet as a printable A4 PDF: title, header figures, the lines (header repeated on every page), category
/// subtotals, bonus, vetoes and the auditor's adjustments, with "第 n 页 / 共 m 页" at the foot of each page.
/// Glyphs are embedded, so it prints the same anywhere. Free texts that a spreadsheet would take for a formula are
/// prefixed like in the xlsx exports (<see cref="SafeCellText"/>), since PDF text is often pasted into one.
/// </summary>
public static class ScoreSheetPdfWriter
{
    public const float PageWidth = 595f; // A4 in points
    public const float PageHeight = 842f;

    public static byte[] Write(ScoreSheetRecordDto sheet, string periodName, SKTypeface typeface, DateTime generatedLocal, string? reviewingBody = null)
    {
        var layout = new PdfLayout(typeface);
        var city = sheet.CityName ?? string.Empty;
        layout.Title($"{Text(city)} {Text(periodName)} 考评评分表");
        var state = sheet.WithdrawnTime is not null ? "，所属发布已撤回" : sheet.IsCurrent ? string.Empty : "，已被新版本取代";
        layout.Subtitle($"第 {sheet.Version} 版（{KindName(sheet.Kind)}）{state}　形成时间 {sheet.CreationTimeLocal}　打印时间 {generatedLocal:yyyy-MM-dd HH:mm}（北京时间）");
        if (!string.IsNullOrWhiteSpace(sheet.Reason))
        {
            layout.Paragraph($"{(sheet.NotAssessed ? "未参评原因" : "本版原因")}：{Text(sheet.Reason)}");
        }

        layout.Gap(6);
        const string NotAssessed = "未参评";
        var change = sheet.NotAssessed ? "—" : sheet.Change is { } c ? $"{(c > 0 ? "+" : string.Empty)}{Number(c)}（上期 {Number(sheet.PreviousTotal)}）" : "—（无上期结果）";
        layout.Table(
            [new("项目", 80), new("内容", 181), new("项目", 80), new("内容", 182)],
            [
                ["审核总分", sheet.NotAssessed ? NotAssessed : $"{Number(sheet.AuditedTotal)} / {Number(sheet.MaxPoints)}", "自评总分", sheet.SelfTotal is { } self ? Number(self) : "—"],
                ["等次", sheet.NotAssessed ? NotAssessed : sheet.ScoreGrade is { } g && g != sheet.Grade ? $"{sheet.Grade}（按分数 {g}）" : sheet.Grade ?? "—", "得分率", sheet.NotAssessed ? "—" : $"{Number(sheet.Percent)}%"],
                ["排名", sheet.NotAssessed ? NotAssessed : sheet.Rank?.ToString(CultureInfo.InvariantCulture) ?? "—", "较上期变化", change],
                ["指标得分", sheet.NotAssessed ? "—" : Number(sheet.IndicatorPoints), "加分", sheet.NotAssessed ? "—" : Number(sheet.Bonus)],
                ["否决扣分", sheet.NotAssessed ? "—" : Number(sheet.VetoDeduction), "评优资格", sheet.AwardEligible ? "有" : "无"],
                ["预警色", sheet.Colour ?? "—", "未填报指标", sheet.NotAssessed ? "—" : sheet.UnreportedCount.ToString(CultureInfo.InvariantCulture)],
            ],
            header: false);
        if (sheet.NotAssessed)
        {
            layout.Heading("本市本期未参评");
            layout.Paragraph("本期考评结果发布时，本市未参加评定：不计分、不排名、不评定等次。");
            AppealsAnnex(layout, sheet.Appeals);
            Signature(layout, reviewingBody);
            return layout.Render($"{city} {periodName} 考评评分表 第 {sheet.Version} 版", $"{Text(city)} · {Text(periodName)} · 第 {sheet.Version} 版");
        }

        layout.Heading("一、指标得分明细");
        layout.Table(
            [new("编码", 34), new("指标", 100), new("分值", 28, true), new("填报值", 60), new("参考值", 44, true), new("自评分", 32, true), new("审核分", 32, true), new("得分", 30, true), new("评分说明", 163)],
            sheet.Lines.Select(l => new[]
            {
                Text(l.IndicatorCode), Text(l.IndicatorName), Number(l.MaxPoints), Text(l.ValueText ?? Number(l.Value)), Number(l.ReferenceValue), Number(l.SelfScore), Number(l.AuditorScore), Number(l.Points),
                Text(l.ExplanationZh),
            }).ToList());
        layout.Heading("二、分类小计");
        layout.Table(
            [new("编码", 50), new("分类", 213), new("得分", 65, true), new("满分", 65, true), new("得分率", 65, true), new("预警色", 65)],
            Items(sheet.Categories).Select(c => new[]
            {
                Text(Str(c, "code")), new string('　', Math.Max(0, Int(c, "depth") - 1)) + Text(Str(c, "name")), Number(Dec(c, "points")), Number(Dec(c, "maxPoints")),
                $"{Number(Dec(c, "percent"))}%", Str(c, "colour"),
            }).ToList());

        layout.Heading($"三、加分项（合计 {Number(sheet.Bonus)} 分）");
        var bonus = Items(sheet.BonusLines).Where(b => Int(b, "count") > 0 || Dec(b, "points") != 0m).ToList();
        if (bonus.Count == 0)
        {
            layout.Paragraph("无");
        }
        else
        {
            layout.Table(
                [new("编码", 50), new("加分项", 160), new("次数", 45, true), new("加分", 45, true), new("说明", 223)],
                bonus.Select(b => new[] { Text(Str(b, "code")), Text(Str(b, "name")), Int(b, "count").ToString(CultureInfo.InvariantCulture), Number(Dec(b, "points")), Text(Str(b, "explanationZh")) }).ToList());
        }

        layout.Heading($"四、否决项（扣分 {Number(sheet.VetoDeduction)}）");
        var vetoes = Items(sheet.Vetoes).ToList();
        if (vetoes.Count == 0)
        {
            layout.Paragraph("无");
        }
        else
        {
            layout.Table(
                [new("编码", 50), new("否决情形", 200), new("后果", 273)],
                vetoes.Select(v => new[] { Text(Str(v, "code")), Text(Str(v, "name")), Text(Str(v, "effectZh")) }).ToList());
        }

        layout.Heading("五、审核调整");
        var adjusted = sheet.Lines.Where(l => l.AuditorScore is not null || !string.IsNullOrWhiteSpace(l.AdjustReason)).ToList();
        if (adjusted.Count == 0)
        {
            layout.Paragraph("无");
        }
        else
        {
            layout.Table(
                [new("编码", 40), new("指标", 140), new("自评分", 45, true), new("审核分", 45, true), new("调整理由", 253)],
                adjusted.Select(l => new[] { Text(l.IndicatorCode), Text(l.IndicatorName), Number(l.SelfScore), Number(l.AuditorScore), Text(l.AdjustReason) }).ToList());
        }

        layout.Heading("六、参考值及来源");
        var referenced = sheet.Lines.Where(l => l.ReferenceSource is not null).ToList();
        if (referenced.Count == 0)
        {
            layout.Paragraph("无");
        }
        else
        {
            layout.Table(
                [new("编码", 40), new("指标", 160), new("参考值", 60, true), new("来源", 263)],
                referenced.Select(l => new[] { Text(l.IndicatorCode), Text(l.IndicatorName), Number(l.ReferenceValue), Text(l.ReferenceSourceText) }).ToList());
            layout.Paragraph("参考值于结果发布时确定并随评分表保存，此后重新评定均按此参考值计算。");
        }

        Sources(layout, sheet.Lines);
        AppealsAnnex(layout, sheet.Appeals);
        Signature(layout, reviewingBody);
        return layout.Render($"{city} {periodName} 考评评分表 第 {sheet.Version} 版", $"{Text(city)} · {Text(periodName)} · 第 {sheet.Version} 版");
    }

    /// <summary>七、数据来源: the lines a data feed wrote or whose fed value a person changed; the others were entered by hand.</summary>
    private static void Sources(PdfLayout layout, IReadOnlyList<ScoreSheetLineDto> lines)
    {
        layout.Heading("七、数据来源");
        var fed = lines.Where(l => l.Source is ScoreSheetLineSources.Fed or ScoreSheetLineSources.Overridden).ToList();
        if (fed.Count == 0)
        {
            layout.Paragraph("本表填报值均为人工录入。");
            return;
        }

        layout.Table(
            [new("编码", 40), new("指标", 160), new("填报值", 60), new("来源", 263)],
            fed.Select(l => new[] { Text(l.IndicatorCode), Text(l.IndicatorName), Text(l.ValueText ?? Number(l.Value)), SourceZh(l) }).ToList());
        layout.Paragraph("未列出的已填报指标均为人工录入。");
    }

    /// <summary>The source in Chinese whatever the reader's language, as the rest of the printed sheet.</summary>
    private static string SourceZh(ScoreSheetLineDto line) => line.Source == ScoreSheetLineSources.Fed
        ? $"数据接口：{Text(line.SourceName)}（{line.SourceTimeLocal} 北京时间报送）"
        : $"人工修改，原值来自数据接口：{Text(line.SourceName)}（原因：{Text(line.OverrideReason)}）";

    /// <summary>The reviewing body and the block the reviewer signs and seals on the printed sheet.</summary>
    private static void Signature(PdfLayout layout, string? reviewingBody)
    {
        layout.Gap(12);
        layout.Table(
            [new("审核单位", 80), new("内容", 181), new("审核人（签字）", 80), new("内容", 182)],
            [
                ["审核单位", string.IsNullOrWhiteSpace(reviewingBody) ? string.Empty : Text(reviewingBody), "审核人（签字）", string.Empty],
                ["日期", "　　　　年　　月　　日", "盖章", "\n\n\n"],
            ],
            header: false);
    }

    /// <summary>附件：申诉及裁决 — every appeal of the city in the period, with its decision.</summary>
    private static void AppealsAnnex(PdfLayout layout, IReadOnlyList<Appeals.AppealDto> appeals)
    {
        if (appeals.Count == 0)
        {
            return;
        }

        layout.Heading("附件：申诉及裁决");
        layout.Table(
            [new("申诉时间", 62), new("申诉项", 90), new("原得分", 40, true), new("申诉理由", 120), new("裁决", 50), new("改判得分", 40, true), new("裁决理由及时间", 121)],
            appeals.Select(a => new[]
            {
                a.CreationTimeLocal,
                Text(a.Target),
                Number(a.CurrentScore),
                Text(a.Reason),
                Text(a.StatusText),
                Number(a.DecidedScore),
                a.DecidedTime is null ? string.Empty : $"{Text(a.DecisionReason)}（{a.DecidedTimeLocal}{(a.ResultVersion is { } v ? $"，形成第 {v} 版" : string.Empty)}）",
            }).ToList());
    }

    private static string KindName(string kind) => kind switch
    {
        "AppealUpheld" => "申诉改判后重新评定",
        "RetroactiveVeto" => "追溯否决后重新评定",
        "ApprovalWithdrawn" => "撤销审核通过后重新评定",
        "Reranked" => "因其他城市结果变化重新排名",
        _ => "发布",
    };

    private static string Text(string? text) => SafeCellText.Escape(text);

    private static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? string.Empty;

    private static IEnumerable<JsonElement> Items(JsonElement? array) =>
        array is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray() : [];

    private static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : string.Empty;

    private static decimal Dec(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number ? p.GetDecimal() : 0m;

    private static int Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var i) ? i : 0;
}

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

    private const float Margin = 36f;
    private const float ContentWidth = PageWidth - (2 * Margin);
    private const float Bottom = PageHeight - Margin - 18f; // room for the page number
    private const float BodySize = 8.5f;
    private const float LineHeight = BodySize * 1.35f;
    private const float CellPadding = 3f;

    private static readonly SKColor Ink = new(0x22, 0x22, 0x22);
    private static readonly SKColor Rule = new(0x99, 0x99, 0x99);
    private static readonly SKColor HeaderFill = new(0xE8, 0xEC, 0xF2);

    public static byte[] Write(ScoreSheetRecordDto sheet, string periodName, SKTypeface typeface, DateTime generatedLocal, string? reviewingBody = null)
    {
        var layout = new Layout(typeface);
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

        Signature(layout, reviewingBody);
        return layout.Render($"{city} {periodName} 考评评分表 第 {sheet.Version} 版", $"{Text(city)} · {Text(periodName)} · 第 {sheet.Version} 版");
    }

    /// <summary>The reviewing body and the block the reviewer signs and seals on the printed sheet.</summary>
    private static void Signature(Layout layout, string? reviewingBody)
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

    private static string KindName(string kind) => kind switch
    {
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

    private sealed record Column(string Title, float Width, bool Right = false);

    /// <summary>Lays content out top to bottom into pages of drawing steps; pages are drawn once their count is known.</summary>
    private sealed class Layout(SKTypeface typeface)
    {
        private readonly List<List<Action<SKCanvas>>> _pages = [[]];
        private readonly Dictionary<(float Size, bool Bold), SKFont> _fonts = [];
        private float _y = Margin;

        private List<Action<SKCanvas>> Page => _pages[^1];

        public void Title(string text)
        {
            var font = Font(16, bold: true);
            var lines = Wrap(font, text, ContentWidth);
            foreach (var line in lines)
            {
                var y = _y + 16;
                Page.Add(c => DrawText(c, line, Margin + ((ContentWidth - font.MeasureText(line)) / 2), y, font));
                _y += 16 * 1.4f;
            }
        }

        public void Subtitle(string text)
        {
            var font = Font(9);
            var y = _y + 9;
            Page.Add(c => DrawText(c, text, Margin + ((ContentWidth - font.MeasureText(text)) / 2), y, font, new SKColor(0x55, 0x55, 0x55)));
            _y += 9 * 1.8f;
        }

        public void Heading(string text)
        {
            var font = Font(11, bold: true);
            Ensure(11 * 1.6f + (3 * LineHeight) + (2 * CellPadding));
            _y += 8;
            var y = _y + 11;
            Page.Add(c => DrawText(c, text, Margin, y, font));
            _y += 11 * 1.6f;
        }

        public void Paragraph(string text)
        {
            var font = Font(BodySize);
            foreach (var line in Wrap(font, text, ContentWidth))
            {
                Ensure(LineHeight);
                var y = _y + BodySize;
                Page.Add(c => DrawText(c, line, Margin, y, font));
                _y += LineHeight;
            }
        }

        public void Gap(float points) => _y += points;

        public void Table(IReadOnlyList<Column> columns, IReadOnlyList<string[]> rows, bool header = true)
        {
            var body = Font(BodySize);
            var bold = Font(BodySize, bold: true);
            var headerCells = columns.Select(c => c.Title).ToArray();
            var headerHeight = RowHeight(bold, columns, headerCells, out var headerLines);
            var maxLines = (int)((Bottom - Margin - headerHeight - (2 * CellPadding)) / LineHeight);
            if (header)
            {
                Ensure(headerHeight + LineHeight + (2 * CellPadding));
                DrawRow(columns, headerLines, headerHeight, bold, HeaderFill);
            }

            foreach (var cells in rows)
            {
                var height = RowHeight(body, columns, cells, out var lines, maxLines);
                if (Ensure(height) && header)
                {
                    DrawRow(columns, headerLines, headerHeight, bold, HeaderFill); // the header again on a new page
                }

                DrawRow(columns, lines, height, body, null);
            }
        }

        /// <summary>Starts a new page when <paramref name="height"/> does not fit; true when it did.</summary>
        private bool Ensure(float height)
        {
            if (_y + height <= Bottom)
            {
                return false;
            }

            _pages.Add([]);
            _y = Margin;
            return true;
        }

        private float RowHeight(SKFont font, IReadOnlyList<Column> columns, string[] cells, out List<string>[] lines, int maxLines = int.MaxValue)
        {
            lines = new List<string>[columns.Count];
            var most = 1;
            for (var i = 0; i < columns.Count; i++)
            {
                var wrapped = Wrap(font, i < cells.Length ? cells[i] : string.Empty, columns[i].Width - (2 * CellPadding));
                if (wrapped.Count > maxLines)
                {
                    // A cell longer than a page is cut there rather than run off it.
                    wrapped = [.. wrapped.Take(maxLines - 1), "……"];
                }

                lines[i] = wrapped;
                most = Math.Max(most, wrapped.Count);
            }

            return (most * LineHeight) + (2 * CellPadding);
        }

        private void DrawRow(IReadOnlyList<Column> columns, List<string>[] lines, float height, SKFont font, SKColor? fill)
        {
            var top = _y;
            Page.Add(canvas =>
            {
                using var rule = new SKPaint { Color = Rule, StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke, IsAntialias = true };
                var x = Margin;
                for (var i = 0; i < columns.Count; i++)
                {
                    var rect = SKRect.Create(x, top, columns[i].Width, height);
                    if (fill is { } f)
                    {
                        using var paint = new SKPaint { Color = f, Style = SKPaintStyle.Fill };
                        canvas.DrawRect(rect, paint);
                    }

                    canvas.DrawRect(rect, rule);
                    for (var l = 0; l < lines[i].Count; l++)
                    {
                        var text = lines[i][l];
                        var textX = columns[i].Right ? x + columns[i].Width - CellPadding - font.MeasureText(text) : x + CellPadding;
                        DrawText(canvas, text, textX, top + CellPadding + (l * LineHeight) + BodySize, font);
                    }

                    x += columns[i].Width;
                }
            });
            _y += height;
        }

        public byte[] Render(string title, string footer)
        {
            using var stream = new MemoryStream();
            using (var managed = new SKManagedWStream(stream))
            {
                using var document = SKDocument.CreatePdf(managed, new SKDocumentPdfMetadata
                {
                    Title = title,
                    Creator = "市域社会治理现代化试点考评",
                    Producer = "PilotAssessment",
                });
                var small = Font(7.5f);
                for (var n = 0; n < _pages.Count; n++)
                {
                    var canvas = document.BeginPage(PageWidth, PageHeight);
                    foreach (var step in _pages[n])
                    {
                        step(canvas);
                    }

                    var number = $"第 {n + 1} 页 / 共 {_pages.Count} 页";
                    DrawText(canvas, number, PageWidth - Margin - small.MeasureText(number), PageHeight - Margin, small);
                    DrawText(canvas, footer, Margin, PageHeight - Margin, small, new SKColor(0x77, 0x77, 0x77));
                    document.EndPage();
                }

                document.Close();
            }

            foreach (var font in _fonts.Values)
            {
                font.Dispose();
            }

            return stream.ToArray();
        }

        private SKFont Font(float size, bool bold = false)
        {
            if (!_fonts.TryGetValue((size, bold), out var font))
            {
                font = new SKFont(typeface, size) { Embolden = bold, Subpixel = true };
                _fonts[(size, bold)] = font;
            }

            return font;
        }

        private static void DrawText(SKCanvas canvas, string text, float x, float y, SKFont font, SKColor? colour = null)
        {
            using var paint = new SKPaint { Color = colour ?? Ink, IsAntialias = true };
            canvas.DrawText(text, x, y, font, paint);
        }

        /// <summary>Breaks a text into lines that fit: anywhere between CJK characters, at a space between Latin words when one is near.</summary>
        private static List<string> Wrap(SKFont font, string text, float width)
        {
            var result = new List<string>();
            foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
            {
                var line = new StringBuilder();
                foreach (var rune in paragraph.EnumerateRunes())
                {
                    var candidate = line.ToString() + rune;
                    if (line.Length == 0 || font.MeasureText(candidate) <= width)
                    {
                        line.Append(rune.ToString());
                        continue;
                    }

                    var current = line.ToString();
                    var space = current.LastIndexOf(' ');
                    if (!Rune.IsWhiteSpace(rune) && space > current.Length / 2 && space < current.Length - 1)
                    {
                        result.Add(current[..space]);
                        line.Clear().Append(current[(space + 1)..]);
                    }
                    else
                    {
                        result.Add(current.TrimEnd());
                        line.Clear();
                    }

                    if (!(line.Length == 0 && Rune.IsWhiteSpace(rune)))
                    {
                        line.Append(rune.ToString());
                    }
                }

                result.Add(line.ToString());
            }

            return result;
        }
    }
}

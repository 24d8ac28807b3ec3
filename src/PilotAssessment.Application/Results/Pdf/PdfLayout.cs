using System.Text;
using SkiaSharp;

namespace PilotAssessment.Results.Pdf;

internal sealed record PdfColumn(string Title, float Width, bool Right = false);

/// <summary>Lays content out top to bottom into pages of drawing steps; pages are drawn once their count is known.</summary>
internal sealed class PdfLayout(SKTypeface typeface)
{
    private const float PageWidth = ScoreSheetPdfWriter.PageWidth;
    private const float PageHeight = ScoreSheetPdfWriter.PageHeight;
    private const float Margin = 36f;
    private const float ContentWidth = PageWidth - (2 * Margin);
    private const float Bottom = PageHeight - Margin - 18f; // room for the page number
    private const float BodySize = 8.5f;
    private const float LineHeight = BodySize * 1.35f;
    private const float CellPadding = 3f;

    private static readonly SKColor Ink = new(0x22, 0x22, 0x22);
    private static readonly SKColor Rule = new(0x99, 0x99, 0x99);
    private static readonly SKColor HeaderFill = new(0xE8, 0xEC, 0xF2);

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

    public void Table(IReadOnlyList<PdfColumn> columns, IReadOnlyList<string[]> rows, bool header = true)
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

    private float RowHeight(SKFont font, IReadOnlyList<PdfColumn> columns, string[] cells, out List<string>[] lines, int maxLines = int.MaxValue)
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

    private void DrawRow(IReadOnlyList<PdfColumn> columns, List<string>[] lines, float height, SKFont font, SKColor? fill)
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

using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PilotAssessment.Periods;
using PilotAssessment.Word;

namespace PilotAssessment.Agreements;

/// <summary>The printable agreement (Word) in Chinese: parties, lines with targets, key tasks, the three lists and the signatures.</summary>
public static class AgreementDocxWriter
{
    public const string Province = "中共甘肃省委政法委员会（甘肃省平安建设领导小组办公室）";

    /// <param name="content">What of the agreement the reader may see (default: all of it).</param>
    public static byte[] Write(Agreement agreement, string cityName, IReadOnlyDictionary<Guid, string> unitNames, AgreementContent? content = null)
    {
        content ??= agreement.Content;
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);

            body.Append(Paragraph(agreement.Title, bold: true, size: 36, center: true));
            body.Append(Paragraph($"（第{agreement.Version}版）", center: true));
            body.Append(Paragraph($"甲方：{Province}"));
            body.Append(Paragraph($"乙方：中共{cityName}委、{cityName}人民政府"));
            body.Append(Paragraph($"为推进{agreement.Year}年度市域社会治理现代化试点工作，落实平安建设领导责任，甲乙双方签订本责任书。"));

            body.Append(Paragraph("一、考评指标与目标", bold: true));
            var lineRows = content.Lines.Select(l => new[]
            {
                l.Code, l.Name, Number(l.MaxPoints), l.EffectiveTarget is { } t ? Number(t) : "—",
                (l.IsExtra ? "本市指标" : string.Empty) + (l.Note is null ? string.Empty : " " + l.Note),
            });
            body.Append(Table(["编号", "指标", "分值", "目标值", "备注"], lineRows));

            body.Append(Paragraph("二、重点任务", bold: true));
            var taskRows = content.KeyTasks.Select(t => new[]
            {
                t.Code, t.Area, t.Task,
                t.ResponsibleUnit ?? (t.ResponsibleUnitId is { } u ? unitNames.GetValueOrDefault(u) ?? string.Empty : string.Empty),
                t.DueDate?.ToString("yyyy年M月d日", CultureInfo.InvariantCulture) ?? "—",
                string.Join("；", t.Milestones.Select(m => m.DueDate is { } d ? $"{m.Title}（{d:yyyy-MM-dd}）" : m.Title)),
            });
            body.Append(Table(["编号", "领域", "任务", "责任单位", "完成时限", "节点"], taskRows));

            AppendList(body, "三、责任清单", content.Duties);
            AppendList(body, "四、负面清单", content.Prohibitions);
            AppendList(body, "五、规则清单", content.Rules);

            body.Append(Paragraph("本责任书一式两份，甲乙双方各执一份，自签订之日起生效。"));
            body.Append(Table(["甲方（盖章）", "乙方（盖章）"],
            [
                [$"{Province}", $"中共{cityName}委、{cityName}人民政府"],
                ["负责人（签字）：", $"负责人（签字）：{agreement.SignedByName}"],
                ["日期：" + BeijingDate(agreement.IssuedTime), "日期：" + BeijingDate(agreement.SignedTime)],
            ]));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static void AppendList(Body body, string heading, IReadOnlyList<string> items)
    {
        body.Append(Paragraph(heading, bold: true));
        if (items.Count == 0)
        {
            body.Append(Paragraph("（无）"));
        }

        for (var i = 0; i < items.Count; i++)
        {
            body.Append(Paragraph($"{i + 1}. {items[i]}"));
        }
    }

    /// <summary>The day of a stored (UTC) time in Beijing, as the agreement is dated; blanks when there is none.</summary>
    private static string BeijingDate(DateTime? utc) =>
        utc is { } time ? ProvinceTime.ToLocal(time).ToString("yyyy年M月d日", CultureInfo.InvariantCulture) : "    年  月  日";

    private static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static Paragraph Paragraph(string text, bool bold = false, int? size = null, bool center = false)
    {
        var runProperties = new RunProperties(new RunFonts { EastAsia = "宋体", Ascii = "Times New Roman", HighAnsi = "Times New Roman" });
        if (bold)
        {
            runProperties.Append(new Bold());
        }

        if (size is not null)
        {
            runProperties.Append(new FontSize { Val = size.Value.ToString(CultureInfo.InvariantCulture) });
        }

        var paragraph = new Paragraph(new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (center)
        {
            paragraph.PrependChild(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        }

        return paragraph;
    }

    private static Table Table(string[] header, IEnumerable<string[]> rows) =>
        WordTable.Create(header, rows, (c, bold) => Paragraph(c, bold));
}

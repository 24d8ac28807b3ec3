using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PilotAssessment.Word;

namespace PilotAssessment.Results.Briefing;

/// <summary>What a 通报 says: one row per city of the ranking, the top categories and the warnings.</summary>
public sealed record BriefingData(
    string Title,
    string? DocumentNumber,
    string PeriodName,
    DateTime IssuedLocal,
    bool Published,
    string AsOfLocal,
    IReadOnlyList<BriefingRow> Rows,
    IReadOnlyList<string> Categories,
    IReadOnlyList<BriefingWarning> Warnings);

public sealed record BriefingRow(string Rank, string CityName, decimal? Total, decimal? Percent, string? Grade, decimal? Change, IReadOnlyList<decimal?> CategoryPoints);

public sealed record BriefingWarning(string CityName, string Scope, string Name, decimal Percent, string Level);

/// <summary>
/// The 通报 (briefing) as Word, laid out as an official document (党政机关公文格式): the issuing office in red, the
/// 发文字号 and a red rule, the title, the addressees, the text with its tables, the issuing office and the date.
/// </summary>
public static class BriefingDocxWriter
{
    public const string Issuer = "甘肃省平安建设领导小组办公室";

    public const string Addressees = "各市（州）党委政法委，各试点城市平安建设领导小组办公室：";

    private const string Red = "C00000";

    public static byte[] Write(BriefingData data)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);

            body.Append(Paragraph(Issuer + "文件", bold: true, size: 52, align: JustificationValues.Center, colour: Red));
            var number = Paragraph(string.IsNullOrWhiteSpace(data.DocumentNumber) ? "〔    〕    号" : data.DocumentNumber.Trim(), align: JustificationValues.Center);
            number.ParagraphProperties!.Append(new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 18, Color = Red, Space = 4 }));
            body.Append(number);
            body.Append(Paragraph(string.Empty));
            body.Append(Paragraph(data.Title, bold: true, size: 44, align: JustificationValues.Center));
            body.Append(Paragraph(string.Empty));
            body.Append(Paragraph(Addressees));

            var assessed = data.Rows.Count(r => r.Total is not null);
            var basis = data.Published
                ? $"{data.PeriodName}考评结果已经发布，共{assessed}个试点城市参评。"
                : $"{data.PeriodName}考评结果尚未发布，以下为截至{data.AsOfLocal}（北京时间）各试点城市的填报和审核情况，仅供参考。";
            body.Append(Indented($"为推进市域社会治理现代化试点工作，按照考评方案，现将{data.PeriodName}考评情况通报如下。{basis}"));

            body.Append(Indented("一、总体排名", bold: true));
            body.Append(Table(
                ["名次", "城市", "总分", "得分率", "等次", "较上期"],
                data.Rows.Select(r => new[] { r.Rank, r.CityName, Number(r.Total), Percent(r.Percent), r.Grade ?? "—", Signed(r.Change) })));

            body.Append(Indented("二、分类得分", bold: true));
            body.Append(Table(
                ["城市", .. data.Categories],
                data.Rows.Select(r => new[] { r.CityName }.Concat(r.CategoryPoints.Select(Number)).ToArray())));

            body.Append(Indented("三、预警情况", bold: true));
            if (data.Warnings.Count == 0)
            {
                body.Append(Indented("本期无红色、橙色预警。"));
            }
            else
            {
                var red = data.Warnings.Count(w => w.Level == WarningLevels.Red);
                body.Append(Indented($"本期共有预警{data.Warnings.Count}项，其中红色预警{red}项、橙色预警{data.Warnings.Count - red}项，请相关城市对照整改。"));
                body.Append(Table(
                    ["城市", "范围", "名称", "得分率", "预警等级"],
                    data.Warnings.Select(w => new[] { w.CityName, w.Scope, w.Name, Percent(w.Percent), w.Level })));
            }

            body.Append(Paragraph(string.Empty));
            body.Append(Paragraph(Issuer, align: JustificationValues.Right));
            body.Append(Paragraph(data.IssuedLocal.ToString("yyyy年M月d日", CultureInfo.InvariantCulture), align: JustificationValues.Right));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>The warning levels as the 通报 names them.</summary>
    public static class WarningLevels
    {
        public const string Red = "红色预警";

        public const string Orange = "橙色预警";
    }

    private static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "—";

    private static string Percent(decimal? value) => value is null ? "—" : value.Value.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Signed(decimal? value) => value switch
    {
        null => "—",
        > 0 => "+" + Number(value),
        _ => Number(value),
    };

    private static Paragraph Indented(string text, bool bold = false)
    {
        var paragraph = Paragraph(text, bold);
        paragraph.ParagraphProperties!.Append(new Indentation { FirstLineChars = 200 });
        return paragraph;
    }

    private static Paragraph Paragraph(string text, bool bold = false, int? size = null, JustificationValues? align = null, string? colour = null)
    {
        var runProperties = new RunProperties(new RunFonts { EastAsia = "仿宋_GB2312", Ascii = "Times New Roman", HighAnsi = "Times New Roman" });
        if (bold)
        {
            runProperties.Append(new Bold());
        }

        if (colour is not null)
        {
            runProperties.Append(new Color { Val = colour });
        }

        runProperties.Append(new FontSize { Val = (size ?? 32).ToString(CultureInfo.InvariantCulture) });
        var properties = new ParagraphProperties();
        if (align is not null)
        {
            properties.Append(new Justification { Val = align.Value });
        }

        return new Paragraph(properties, new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Table Table(string[] header, IEnumerable<string[]> rows) =>
        WordTable.Create(header, rows, (c, bold) => Paragraph(c, bold, size: 24, align: JustificationValues.Center));
}

using System.Globalization;
using System.Text;
using System.Xml;

namespace PilotAssessment.Excel;

/// <summary>
/// The cell-level reading of <see cref="SafeXlsxReader"/>: a row's cells, shared and inline rich text, and text
/// nodes read in chunks, every text refused beyond <see cref="SafeXlsxReader.MaxCellCharacters"/>.
/// </summary>
internal static class SafeXlsxXml
{
    // Positioned on <row>; reads to its end.
    public static Dictionary<int, string> ReadCells(XmlReader xml, IReadOnlyList<string> shared)
    {
        var cells = new Dictionary<int, string>();
        var column = 0;
        var depth = xml.Depth;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c")
            {
                continue;
            }

            column = SafeXlsxReader.ColumnOf(xml.GetAttribute("r")) is > 0 and var c ? c : column + 1;
            var type = xml.GetAttribute("t");
            if (xml.IsEmptyElement)
            {
                continue;
            }

            string? raw = null;
            string? inline = null;
            var cellDepth = xml.Depth;
            while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == cellDepth))
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (xml.LocalName == "v")
                {
                    raw = ReadText(xml);
                }
                else if (xml.LocalName == "is")
                {
                    inline = xml.IsEmptyElement ? string.Empty : ReadRichText(xml);
                }
            }

            var text = type switch
            {
                "inlineStr" => inline,
                "s" => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count ? shared[index] : null,
                "b" => raw == "1" ? "TRUE" : "FALSE",
                _ => raw ?? inline,
            };
            if (!string.IsNullOrEmpty(text))
            {
                cells[column] = text;
            }
        }

        return cells;
    }

    // Positioned on <si> or <is>: plain text, or the rich-text runs joined; phonetic guides (rPh) are left out.
    public static string ReadRichText(XmlReader xml)
    {
        var text = new StringBuilder();
        var depth = xml.Depth;
        var phoneticDepth = -1;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (phoneticDepth >= 0)
            {
                if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == phoneticDepth)
                {
                    phoneticDepth = -1;
                }

                continue;
            }

            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.LocalName == "rPh")
            {
                phoneticDepth = xml.IsEmptyElement ? -1 : xml.Depth;
                continue;
            }

            if (xml.LocalName == "t")
            {
                text.Append(ReadText(xml));
                if (text.Length > SafeXlsxReader.MaxCellCharacters)
                {
                    throw new SafeXlsxException(SafeXlsxProblem.CellTooLong);
                }
            }
        }

        return text.ToString();
    }

    // Positioned on <v> or <t>: its text, read in chunks and refused beyond the cell limit, so one huge cell never becomes one huge string.
    private static string ReadText(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        var buffer = new char[4096];
        var depth = xml.Depth;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                int read;
                while ((read = xml.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
                {
                    text.Append(buffer, 0, read);
                    if (text.Length > SafeXlsxReader.MaxCellCharacters)
                    {
                        throw new SafeXlsxException(SafeXlsxProblem.CellTooLong);
                    }
                }
            }
        }

        return text.ToString();
    }
}

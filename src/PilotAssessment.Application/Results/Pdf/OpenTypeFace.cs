using System.Buffers.Binary;

namespace PilotAssessment.Results.Pdf;

/// <summary>
/// Cuts one face out of a font collection (.ttc) into a standalone OpenType font and drops the CJK radical code points
/// (U+2E80–U+2FDF) from its cmap. Noto CJK maps e.g. ⿊ U+2F4A and 黑 U+9ED1 to one glyph; the PDF writer names each
/// glyph by its lowest code point, so without this copying text out of the PDF would give radicals, not the characters.
/// </summary>
public static class OpenTypeFace
{
    private const uint RadicalsFirst = 0x2E80;
    private const uint RadicalsLast = 0x2FDF;

    public static int FaceCount(ReadOnlySpan<byte> font) =>
        IsCollection(font) ? (int)BinaryPrimitives.ReadUInt32BigEndian(font[8..]) : 1;

    /// <summary>The face's tables as one font file, with the radicals left out of its Unicode cmap.</summary>
    public static byte[] Extract(ReadOnlySpan<byte> font, int index)
    {
        var faceOffset = IsCollection(font) ? (int)BinaryPrimitives.ReadUInt32BigEndian(font[(12 + (4 * index))..]) : 0;
        var sfntVersion = BinaryPrimitives.ReadUInt32BigEndian(font[faceOffset..]);
        int count = BinaryPrimitives.ReadUInt16BigEndian(font[(faceOffset + 4)..]);
        var tables = new List<(uint Tag, byte[] Data)>(count);
        for (var i = 0; i < count; i++)
        {
            var record = font[(faceOffset + 12 + (16 * i))..];
            var tag = BinaryPrimitives.ReadUInt32BigEndian(record);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            var data = font.Slice(offset, length).ToArray();
            tables.Add((tag, tag == Tag("cmap") ? WithoutRadicals(data) : data));
        }

        return Assemble(sfntVersion, tables.OrderBy(t => t.Tag).ToList());
    }

    private static bool IsCollection(ReadOnlySpan<byte> font) => font.Length >= 12 && BinaryPrimitives.ReadUInt32BigEndian(font) == Tag("ttcf");

    private static uint Tag(string tag) => ((uint)tag[0] << 24) | ((uint)tag[1] << 16) | ((uint)tag[2] << 8) | tag[3];

    /// <summary>A cmap of one format-12 Unicode subtable; the font is returned unchanged if it has none.</summary>
    private static byte[] WithoutRadicals(byte[] cmap)
    {
        var span = cmap.AsSpan();
        int subtables = BinaryPrimitives.ReadUInt16BigEndian(span[2..]);
        for (var i = 0; i < subtables; i++)
        {
            var record = span[(4 + (8 * i))..];
            var platform = BinaryPrimitives.ReadUInt16BigEndian(record);
            var encoding = BinaryPrimitives.ReadUInt16BigEndian(record[2..]);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[4..]);
            if (platform != 3 || encoding != 10 || BinaryPrimitives.ReadUInt16BigEndian(span[offset..]) != 12)
            {
                continue;
            }

            var groups = new List<(uint Start, uint End, uint Glyph)>();
            var count = BinaryPrimitives.ReadUInt32BigEndian(span[(offset + 12)..]);
            for (var g = 0; g < count; g++)
            {
                var group = span[(offset + 16 + (12 * g))..];
                var start = BinaryPrimitives.ReadUInt32BigEndian(group);
                var end = BinaryPrimitives.ReadUInt32BigEndian(group[4..]);
                var glyph = BinaryPrimitives.ReadUInt32BigEndian(group[8..]);
                if (end < RadicalsFirst || start > RadicalsLast)
                {
                    groups.Add((start, end, glyph));
                    continue;
                }

                if (start < RadicalsFirst)
                {
                    groups.Add((start, RadicalsFirst - 1, glyph));
                }

                if (end > RadicalsLast)
                {
                    groups.Add((RadicalsLast + 1, end, glyph + (RadicalsLast + 1 - start)));
                }
            }

            var length = 16 + (12 * groups.Count);
            var result = new byte[12 + length];
            var output = result.AsSpan();
            BinaryPrimitives.WriteUInt16BigEndian(output[2..], 1);
            BinaryPrimitives.WriteUInt16BigEndian(output[4..], 3);
            BinaryPrimitives.WriteUInt16BigEndian(output[6..], 10);
            BinaryPrimitives.WriteUInt32BigEndian(output[8..], 12);
            var table = output[12..];
            BinaryPrimitives.WriteUInt16BigEndian(table, 12);
            BinaryPrimitives.WriteUInt32BigEndian(table[4..], (uint)length);
            BinaryPrimitives.WriteUInt32BigEndian(table[12..], (uint)groups.Count);
            for (var g = 0; g < groups.Count; g++)
            {
                var group = table[(16 + (12 * g))..];
                BinaryPrimitives.WriteUInt32BigEndian(group, groups[g].Start);
                BinaryPrimitives.WriteUInt32BigEndian(group[4..], groups[g].End);
                BinaryPrimitives.WriteUInt32BigEndian(group[8..], groups[g].Glyph);
            }

            return result;
        }

        return cmap;
    }

    private static byte[] Assemble(uint sfntVersion, IReadOnlyList<(uint Tag, byte[] Data)> tables)
    {
        var headerLength = 12 + (16 * tables.Count);
        var total = headerLength + tables.Sum(t => Padded(t.Data.Length));
        var result = new byte[total];
        var span = result.AsSpan();
        var power = 1;
        var log = 0;
        while (power * 2 <= tables.Count)
        {
            power *= 2;
            log++;
        }

        BinaryPrimitives.WriteUInt32BigEndian(span, sfntVersion);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)tables.Count);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)(power * 16));
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)((tables.Count - power) * 16));
        var offset = headerLength;
        for (var i = 0; i < tables.Count; i++)
        {
            var (tag, data) = tables[i];
            var record = span[(12 + (16 * i))..];
            BinaryPrimitives.WriteUInt32BigEndian(record, tag);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            data.CopyTo(span[offset..]);
            offset += Padded(data.Length);
        }

        return result;
    }

    private static int Padded(int length) => (length + 3) & ~3;

    private static uint Checksum(byte[] data)
    {
        uint sum = 0;
        for (var i = 0; i < data.Length; i += 4)
        {
            uint word = 0;
            for (var b = 0; b < 4; b++)
            {
                word = (word << 8) | (i + b < data.Length ? data[i + b] : 0u);
            }

            sum += word;
        }

        return sum;
    }
}

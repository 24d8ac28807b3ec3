using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SkiaSharp;

namespace PilotAssessment.Results.Pdf;

/// <summary>
/// The CJK typeface the PDF exports are written with, loaded once: <c>Pdf:FontPath</c> (a .ttf, .otf or .ttc file;
/// <c>Pdf:FontIndex</c> picks a face of a collection, else its Simplified Chinese face), or else the first Noto Sans
/// CJK (then Noto Serif CJK) font under <c>Pdf:FontSearchPath</c> (default /usr/share/fonts; Debian's fonts-noto-cjk).
/// No font is a 503 with a localized message, never a PDF of empty boxes.
/// </summary>
public sealed class PdfFontProvider(IConfiguration configuration, ILogger<PdfFontProvider> logger) : IDisposable
{
    private readonly Lock _lock = new();
    private SKTypeface? _typeface;
    private string? _path;

    /// <summary>The file the typeface came from (after the first <see cref="GetTypeface"/>).</summary>
    public string? FontPath => _path;

    public SKTypeface GetTypeface()
    {
        lock (_lock)
        {
            if (_typeface is not null)
            {
                return _typeface;
            }

            var path = FindFontFile();
            if (path is null)
            {
                logger.LogError("No CJK font for PDF exports: set Pdf:FontPath or install fonts-noto-cjk");
                throw new ServiceUnavailableException(ResultErrorCodes.PdfFontMissing);
            }

            try
            {
                _typeface = Load(path);
                _path = path;
                return _typeface;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or IndexOutOfRangeException or InvalidDataException)
            {
                logger.LogError(e, "The PDF font {Path} cannot be read", path);
                throw new ServiceUnavailableException(ResultErrorCodes.PdfFontMissing);
            }
        }
    }

    private string? FindFontFile()
    {
        var configured = configuration["Pdf:FontPath"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        var root = configuration["Pdf:FontSearchPath"] ?? "/usr/share/fonts";
        if (!Directory.Exists(root))
        {
            return null;
        }

        var files = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".ttc", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".otf", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase))
            .ToList();
        foreach (var family in new[] { "NotoSansCJK", "NotoSerifCJK" })
        {
            // Regular before the other weights; then by name, so the choice does not depend on the directory's order.
            var match = files.Where(f => Path.GetFileName(f).StartsWith(family, StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => Path.GetFileName(f).Contains("Regular", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ThenBy(f => f, StringComparer.Ordinal)
                .FirstOrDefault();
            if (match is not null)
            {
                return match;
            }
        }

        return null;
    }

    private SKTypeface Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var faces = OpenTypeFace.FaceCount(bytes);
        var indices = int.TryParse(configuration["Pdf:FontIndex"], out var configured) ? [configured] : Enumerable.Range(0, faces).ToArray();
        SKTypeface? first = null;
        foreach (var index in indices)
        {
            var data = SKData.CreateCopy(OpenTypeFace.Extract(bytes, index));
            var typeface = SKTypeface.FromData(data) ?? throw new InvalidDataException($"{path} face {index} is not a font");
            if (indices.Length == 1 || typeface.FamilyName.EndsWith(" SC", StringComparison.Ordinal))
            {
                first?.Dispose();
                return typeface;
            }

            if (first is null)
            {
                first = typeface;
            }
            else
            {
                typeface.Dispose();
            }
        }

        return first ?? throw new InvalidDataException($"{path} has no font");
    }

    public void Dispose() => _typeface?.Dispose();
}

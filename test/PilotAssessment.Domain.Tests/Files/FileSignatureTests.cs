using System.IO.Compression;
using System.Text;
using Shouldly;
using Xunit;

namespace PilotAssessment.Files;

public class FileSignatureTests
{
    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.UTF8);
                writer.Write(content);
            }
        }

        return stream.ToArray();
    }

    private static string ContentTypes(string partName, string contentType) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + $"<Override PartName=\"{partName}\" ContentType=\"{contentType}\"/></Types>";

    [Fact]
    public void Should_Recognise_A_Workbook_And_A_Document_By_Their_Content_Types_And_Main_Part()
    {
        var xlsx = Zip(("[Content_Types].xml", ContentTypes("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")), ("xl/workbook.xml", "<workbook/>"));
        var docx = Zip(("[Content_Types].xml", ContentTypes("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")), ("word/document.xml", "<document/>"));

        FileSignature.Detect(xlsx, "表.zip").ShouldBe(FileSignature.Xlsx);
        FileSignature.Detect(docx, "anything").ShouldBe(FileSignature.Docx);
    }

    [Theory]
    [InlineData("报告.xlsx")]
    [InlineData("报告.docx")]
    public void Should_Refuse_A_Plain_Zip_Whatever_Its_Name(string fileName)
    {
        var zip = Zip(("payload.exe", "MZ"), ("readme.txt", "xl/ word/"));

        FileSignature.Detect(zip, fileName).ShouldBeNull();
    }

    [Fact]
    public void Should_Refuse_A_Zip_Whose_Content_Types_Name_A_Main_Part_It_Does_Not_Have()
    {
        var zip = Zip(("[Content_Types].xml", ContentTypes("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")), ("xl/other.xml", "<x/>"));

        FileSignature.Detect(zip, "a.xlsx").ShouldBeNull();
    }

    [Fact]
    public void Should_Refuse_A_Broken_Zip()
    {
        FileSignature.Detect("PK\u0003\u0004 xl/ not really a zip"u8.ToArray(), "a.xlsx").ShouldBeNull();
    }
}

using Shouldly;
using Xunit;

namespace PilotAssessment;

/// <summary>No source file of src grows past about 300 lines (generated migrations aside): a larger one is split by responsibility.</summary>
public sealed class SourceSize_Tests
{
    private const int MaxLines = 320;

    [Fact]
    public void Should_Keep_Every_Source_File_Within_About_300_Lines() =>
        LongFiles(MaxLines).ShouldBeEmpty();

    [Fact]
    public void Should_Report_A_File_Longer_Than_The_Limit()
    {
        var reported = LongFiles(250);

        reported.ShouldContain("src/PilotAssessment.Application/Excel/SafeXlsxReader.cs");
        reported.ShouldNotContain(f => f.Contains("/Migrations/", StringComparison.Ordinal));
    }

    private static List<string> LongFiles(int maxLines)
    {
        var root = TestFolder_Tests.Root;
        return Directory.GetFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/Migrations/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Where(f => File.ReadLines(Path.Combine(root, f)).Count() > maxLines)
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
    }
}

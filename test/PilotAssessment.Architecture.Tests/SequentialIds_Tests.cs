using System.Text.RegularExpressions;
using Shouldly;
using Xunit;

namespace PilotAssessment;

/// <summary>
/// New rows get ids from <see cref="SequentialGuid"/>, so they go at the end of their primary-key index; a random
/// <c>Guid.NewGuid()</c> is kept only where an id is not a row's key (stamps, a throw-away password, a refresh
/// token's version, an import's reference).
/// </summary>
public sealed partial class SequentialIds_Tests
{
    [Fact]
    public void Should_Make_Ids_That_Sort_In_The_Order_They_Were_Made()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(SequentialGuid.Next().ToString());
            Thread.Sleep(2);
        }

        ids.ShouldBe(ids.OrderBy(id => id, StringComparer.OrdinalIgnoreCase).ToList());
        ids.Distinct().Count().ShouldBe(5);
    }

    [Fact]
    public void Should_Make_Row_Ids_Sequential_Everywhere_In_Src() =>
        RandomIds().ShouldBeEmpty();

    private static List<string> RandomIds()
    {
        var root = TestFolder_Tests.Root;
        return Directory.GetFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/Migrations/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((text, i) => (File: Path.GetRelativePath(root, f), Line: i + 1, Text: text)))
            .Where(l => l.Text.Contains("Guid.NewGuid()", StringComparison.Ordinal) && !Allowed().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}")
            .ToList();
    }

    /// <summary>Random on purpose: stamps and secrets, not keys.</summary>
    [GeneratedRegex(@"Guid\.NewGuid\(\)\.ToString\(""N""\)|Version \{ get; private set; \} = Guid\.NewGuid\(\)|Version = Guid\.NewGuid\(\)|ImportId = Guid\.NewGuid\(\)")]
    private static partial Regex Allowed();
}

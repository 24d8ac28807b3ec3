using System.Text.RegularExpressions;
using Shouldly;
using Xunit;

namespace PilotAssessment;

/// <summary>Tests mirror the features: a test project's folders are named after feature folders of src, and namespaces follow the folders.</summary>
public sealed partial class TestFolder_Tests
{
    // The deliberate violations the layer rules are shown to report (Layer_Tests) are no feature.
    private static readonly HashSet<string> NotFeatures = ["Violations", "bin", "obj"];

    internal static readonly string Root = FindRoot();

    [Fact]
    public void Should_Name_Each_Test_Folder_After_A_Feature_Folder_Of_Src()
    {
        var features = Directory.GetDirectories(Path.Combine(Root, "src"))
            .SelectMany(Directory.GetDirectories)
            .Select(Path.GetFileName)
            .ToHashSet(StringComparer.Ordinal);

        var strays = TestFolders().Where(f => !features.Contains(f.Name)).Select(f => f.Path).ToList();

        strays.ShouldBeEmpty();
    }

    [Fact]
    public void Should_Put_Each_Test_File_In_The_Namespace_Of_Its_Folder()
    {
        var wrong = new List<string>();
        foreach (var (name, path) in TestFolders())
        {
            foreach (var file in Directory.GetFiles(path, "*.cs", SearchOption.TopDirectoryOnly))
            {
                var declared = NamespaceLine().Match(File.ReadAllText(file));
                if (!declared.Success || !declared.Groups[1].Value.Split('.').Contains(name))
                {
                    wrong.Add($"{Path.GetRelativePath(Root, file)}: {(declared.Success ? declared.Groups[1].Value : "no namespace")}");
                }
            }
        }

        wrong.ShouldBeEmpty();
    }

    private static IEnumerable<(string Name, string Path)> TestFolders() =>
        Directory.GetDirectories(Path.Combine(Root, "test"))
            .SelectMany(Directory.GetDirectories)
            .Select(d => (Name: Path.GetFileName(d), Path: d))
            .Where(d => !NotFeatures.Contains(d.Name));

    private static string FindRoot()
    {
        for (var at = new DirectoryInfo(AppContext.BaseDirectory); at is not null; at = at.Parent)
        {
            if (File.Exists(Path.Combine(at.FullName, "aspnet-core.sln")))
            {
                return at.FullName;
            }
        }

        throw new InvalidOperationException("aspnet-core.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();
}

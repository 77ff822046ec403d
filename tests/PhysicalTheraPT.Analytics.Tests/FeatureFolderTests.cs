using System.Text.RegularExpressions;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests;

/// <summary>
/// The shape docs/architecture.md promises: the pure rules use nothing of the project and nothing outside
/// the base library, and the data flows one way between feature folders. Read from the source, where a
/// reviewer would look: a <c>using</c> line or a qualified name is how one folder reaches another.
/// </summary>
public sealed partial class FeatureFolderTests
{
    private static readonly string Library = Path.Combine(RepositoryFiles.Root, "src", "PhysicalTheraPT.Analytics");

    [Fact]
    public void Retention_UsesOnlyItselfAndTheBaseLibrary()
    {
        // Arrange
        var files = SourceFiles("Retention");

        // Act
        var outside = files
            .SelectMany(file => Usings(file).Select(used => (File: Path.GetFileName(file), Used: used)))
            .Where(use => !use.Used.StartsWith("System", StringComparison.Ordinal))
            .Concat(files.SelectMany(file => FoldersNamed(file).Where(folder => folder != "Retention").Select(folder => (File: Path.GetFileName(file), Used: folder))))
            .Select(use => $"{use.File}: {use.Used}")
            .ToList();

        // Assert
        Assert.NotEmpty(files);
        Assert.Empty(outside);
    }

    [Fact]
    public void FeatureFolders_DependOnEachOtherOneWayOnly()
    {
        // Arrange
        var folders = Directory.GetDirectories(Library).Select(Path.GetFileName).Where(name => name is not ("bin" or "obj")).Cast<string>().ToList();
        var uses = folders.ToDictionary(
            folder => folder,
            folder => SourceFiles(folder).SelectMany(FoldersNamed).Where(used => used != folder && folders.Contains(used)).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);

        // Act
        var cycles = folders
            .SelectMany(folder => uses[folder].Where(used => Reaches(uses, used, folder)).Select(used => $"{folder} -> {used} -> ... -> {folder}"))
            .ToList();

        // Assert
        Assert.Contains("Data", uses["Analysis"]);
        Assert.Empty(cycles);
    }

    private static List<string> SourceFiles(string folder) =>
        [.. Directory.EnumerateFiles(Path.Combine(Library, folder), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))];

    private static IEnumerable<string> Usings(string file) =>
        UsingLine().Matches(File.ReadAllText(file)).Select(match => match.Groups[1].Value);

    /// <summary>The project's top-level folders a file names, by <c>using</c> or by a qualified name.</summary>
    private static IEnumerable<string> FoldersNamed(string file) =>
        ProjectNamespace().Matches(File.ReadAllText(file)).Select(match => match.Groups[1].Value).Distinct(StringComparer.Ordinal);

    private static bool Reaches(Dictionary<string, HashSet<string>> uses, string from, string to)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var next = new Stack<string>([from]);
        while (next.TryPop(out var folder))
        {
            if (folder == to)
            {
                return true;
            }

            if (seen.Add(folder) && uses.TryGetValue(folder, out var used))
            {
                foreach (var target in used)
                {
                    next.Push(target);
                }
            }
        }

        return false;
    }

    [GeneratedRegex(@"^using\s+(?:static\s+)?([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingLine();

    [GeneratedRegex(@"\bPhysicalTheraPT\.Analytics\.(\w+)")]
    private static partial Regex ProjectNamespace();
}

using System.Globalization;
using System.Text.RegularExpressions;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Data;

/// <summary>
/// The names of the schema scripts. DbUp records an applied script by its name, so a renamed script would
/// run again on every database that has it; the names below are in databases in use and stay as they are,
/// gaps (0003, 0005) and the shared 0006 included. A new script takes a number of its own above 0007.
/// </summary>
public sealed partial class SchemaScriptNumberingTests
{
    private const int LastAppliedNumber = 7;

    private static readonly string[] AppliedScripts =
    [
        "0001_clinic_data.sql",
        "0002_patient_history_indexes.sql",
        "0004_jobs.sql",
        "0006_outreach.sql",
        "0006_report_snapshots_as_of.sql",
        "0007_patient_flags_without_foreign_keys.sql",
    ];

    public static TheoryData<string> DatabaseFolders => new("sqlite", "postgres", "sqlserver");

    [Theory]
    [MemberData(nameof(DatabaseFolders))]
    public void Scripts_KeepTheNamesDatabasesHaveApplied_InEveryDatabaseFolder(string folder)
    {
        // Act
        var scripts = ScriptsIn(folder);

        // Assert
        Assert.Equal(AppliedScripts, scripts.Where(AppliedScripts.Contains));
        Assert.Equal(AppliedScripts, scripts.Take(AppliedScripts.Length));
    }

    [Theory]
    [MemberData(nameof(DatabaseFolders))]
    public void NewScripts_HaveANumberOfTheirOwnAboveTheLastApplied_InEveryDatabaseFolder(string folder)
    {
        // Arrange
        var scripts = ScriptsIn(folder);
        var newScripts = scripts.Except(AppliedScripts).ToList();

        // Act
        var badNames = newScripts.Where(name => !ScriptName().IsMatch(name)).ToList();
        var numbers = newScripts.Where(name => ScriptName().IsMatch(name)).Select(NumberOf).ToList();

        // Assert
        Assert.Empty(badNames);
        Assert.All(numbers, number => Assert.True(number > LastAppliedNumber, $"{folder}: script number {number:0000} is not above {LastAppliedNumber:0000}"));
        Assert.Equal(numbers.Distinct(), numbers);
    }

    [Theory]
    [MemberData(nameof(DatabaseFolders))]
    public void Scripts_ShareNoNumberButTheAppliedPairOf0006_InEveryDatabaseFolder(string folder)
    {
        // Act
        var shared = ScriptsIn(folder).GroupBy(NumberOf).Where(group => group.Count() > 1).ToList();

        // Assert
        var only = Assert.Single(shared);
        Assert.Equal(["0006_outreach.sql", "0006_report_snapshots_as_of.sql"], only);
    }

    [Theory]
    [MemberData(nameof(DatabaseFolders))]
    public void ScriptNames_ListEveryScriptOfTheFolder_InTheOrderDbUpAppliesThem(string folder)
    {
        // Arrange
        var dialect = SqlDialect.For(Enum.Parse<DatabaseProvider>(folder, ignoreCase: true));

        // Act
        var embedded = SchemaMigrator.ScriptNames(dialect).Select(Path.GetFileName);

        // Assert
        Assert.Equal(ScriptsIn(folder), embedded);
    }

    private static List<string> ScriptsIn(string folder) =>
        Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "sql", folder))
            .Select(path => Path.GetFileName(path))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static int NumberOf(string scriptName) =>
        int.Parse(scriptName.AsSpan(0, Math.Max(0, scriptName.IndexOf('_', StringComparison.Ordinal))), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[0-9]{4}_[a-z0-9_]+\.sql$")]
    private static partial Regex ScriptName();
}

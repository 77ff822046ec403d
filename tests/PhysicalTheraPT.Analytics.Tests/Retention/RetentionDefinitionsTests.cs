using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Retention;

public sealed class RetentionDefinitionsTests
{
    private static readonly string[] SettingNames = [.. typeof(RetentionOptions).GetProperties().Select(p => p.Name)];

    public static TheoryData<string> Settings => [.. SettingNames];

    [Theory]
    [MemberData(nameof(Settings))]
    public void For_NamesEverySetting_InSomeDefinition(string setting)
    {
        var definitions = RetentionDefinitions.For(new RetentionOptions());

        Assert.Contains(definitions, d => d.Setting?.Split(", ").Contains($"Retention:{setting}") == true);
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void DefinitionsDoc_ListsEverySetting(string setting)
    {
        var doc = RepositoryFiles.ReadAllText("docs", "definitions.md");

        Assert.Contains($"`Retention:{setting}`", doc, StringComparison.Ordinal);
    }

    [Fact]
    public void For_WordsDefinitionsWithTheSettingsInUse()
    {
        var options = new RetentionOptions { GraceDays = 10, DefaultMaintenanceIntervalDays = 20, ConversionWindowsDays = [30, 45] };

        var definitions = RetentionDefinitions.For(options);

        var dropped = definitions.Single(d => d.Name == "Dropped after acute");
        Assert.Contains("between 10 days and 365 days ago", dropped.Definition, StringComparison.Ordinal);
        Assert.Equal(("Retention:GraceDays, Retention:LookbackDays", "10, 365"), (dropped.Setting, dropped.Value));
        Assert.Contains("lapsed from day 31", definitions.Single(d => d.Name == "Maintenance lapsed").Definition, StringComparison.Ordinal);
        Assert.Equal("30, 45", definitions.Single(d => d.Name == "Conversion to maintenance").Value);
    }
}

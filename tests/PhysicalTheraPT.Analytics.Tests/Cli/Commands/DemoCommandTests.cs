using System.Globalization;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Cli.Commands;

[Collection(ProcessEnvironmentCollection.Name)]
public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_SeedsTheEmbeddedDatabaseAndChangesNothing_WhenRunTwice()
    {
        using var home = new TemporaryHome();

        var (firstExit, first) = await CliRunner.RunAsync("demo");
        var (secondExit, second) = await CliRunner.RunAsync("demo");

        Assert.Equal(0, firstExit);
        Assert.Equal(0, secondExit);
        var databasePath = Path.Combine(home.Path, "ptanalytics.db");
        Assert.True(File.Exists(databasePath));
        Assert.Contains(databasePath, first, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(home.Path, "reports"), first, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(home.Path, "reports")));
        // Column widths follow the longest label of every demo step: match the row, not its padding.
        Assert.Matches(@"│ patients\s+│ 2,000", first);
        Assert.Contains("; 0 rows new or changed, 0 removed", second, StringComparison.Ordinal);
        var counts = await ClinicDataCounter.CountAsync(DatabaseSelection.Resolve(new DatabaseOptions { Path = databasePath }), default);
        Assert.Equal(3, counts.Clinics);
        Assert.Equal(2000, counts.Patients);
        Assert.Matches($@"│ appointments\s+│ {counts.Appointments.ToString("N0", CultureInfo.InvariantCulture)}", second);
    }

    [Fact]
    public async Task Demo_UsesTheGivenDatabase_WhenDbIsGiven()
    {
        using var home = new TemporaryHome();
        var databasePath = Path.Combine(home.Path, "elsewhere", "demo.db");

        var (exit, output) = await CliRunner.RunAsync("demo", "--db", databasePath);

        Assert.Equal(0, exit);
        Assert.True(File.Exists(databasePath));
        Assert.False(File.Exists(Path.Combine(home.Path, "ptanalytics.db")));
        Assert.Contains($"sqlite {databasePath}", output, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Demo_SeedsPostgres_WhenProviderAndConnectionAreGiven()
    {
        using var home = new TemporaryHome();
        await using var postgres = TestDatabase.Create(DatabaseProvider.Postgres);

        var (exit, output) = await CliRunner.RunAsync(["demo", .. postgres.CommandLineArguments]);

        Assert.Equal(0, exit);
        Assert.Contains(postgres.Database.Description, output, StringComparison.Ordinal);
        Assert.Equal(2000, (await ClinicDataCounter.CountAsync(postgres.Database, default)).Patients);
    }
}

using System.Globalization;
using Dapper;
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
    public async Task Demo_LeavesFlagsWorkbooksChartsAndOutreachListsInTheReportsFolder_AndPrintsEveryPath()
    {
        using var home = new TemporaryHome();
        var today = DateOnly.FromDateTime(DateTime.Now);
        var lastMonth = today.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var reports = Path.Combine(home.Path, "reports");

        var (exit, output) = await CliRunner.RunAsync("demo");

        Assert.Equal(0, exit);
        string[] charts = ["active-maintenance", "clinics", "cohort-uptake", "completions-by-end-type", "conversion-trend", "outreach", "recurrence"];
        var stems = new[] { $"retention-{lastMonth}", $"retention-{lastMonth}-C01", $"retention-{lastMonth}-C02", $"retention-{lastMonth}-C03" };
        var date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var monthly = Path.Combine(reports, "monthly");
        var outreach = Path.Combine(reports, "outreach");
        string[] privateFiles =
        [
            Path.Combine(reports, $"flags-{date}.csv"),
            .. stems.Select(stem => Path.Combine(monthly, stem + ".xlsx")),
            // An outreach list is dated by its clinic's own today, which after midnight UTC is still
            // yesterday in the seeded American clinics.
            .. new[] { "C01", "C02", "C03" }.Select(clinic => Path.Combine(outreach, $"outreach-{clinic}-{ClinicToday(clinic)}.xlsx")),
        ];
        string[] chartFiles = [.. stems.SelectMany(stem => charts.Select(chart => $"{stem}-{chart}.png"))];
        // The weeks of front-desk work: each clinic's list of each Monday, worked and imported through the inbox.
        var imported = Path.Combine(outreach, "inbox", "imported");
        var lastMonday = today.AddDays(today.DayOfWeek == DayOfWeek.Monday ? -7 : -(((int)today.DayOfWeek + 6) % 7));
        string[] workedLists =
        [
            .. Enumerable.Range(0, 6).SelectMany(week => new[] { "C01", "C02", "C03" }.Select(clinic =>
                Path.Combine(imported, $"outreach-{clinic}-{lastMonday.AddDays(-7 * week):yyyy-MM-dd}.xlsx"))),
        ];
        Assert.Equal(
            privateFiles.Concat(workedLists).Concat(chartFiles.Select(chart => Path.Combine(monthly, chart))).Order(StringComparer.Ordinal),
            Directory.GetFiles(reports, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        foreach (var path in privateFiles)
        {
            Assert.Contains(path, output, StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
        }

        Assert.All(chartFiles, name => Assert.Contains(name, output, StringComparison.Ordinal));
        Assert.Contains(imported, output, StringComparison.Ordinal);
        foreach (var path in workedLists)
        {
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
        }

        Assert.Matches(@"│ Front desk\s+│ 6 weeks from \d{4}-\d\d-\d\d: 18 lists worked, [\d,]+ calls \(", output);
        Assert.Contains("Flags C01 ", output, StringComparison.Ordinal);
        // The synthetic clinics record a few deaths and withheld channels, and the demo says what became of them.
        Assert.Matches(@"Not to be contacted\W+[1-9][\d,]* deceased", output);
        var flagLines = File.ReadAllLines(Path.Combine(reports, $"flags-{date}.csv"));
        Assert.Equal("patient_id,clinic_id,flag,acute_end,end_type,last_maintenance,days_since,priority,reason", flagLines[0]);
        Assert.True(flagLines.Length > 100, $"Only {flagLines.Length - 1} flags in a 2,000-patient history.");
    }

    private static string ClinicToday(string clinicId)
    {
        var database = DatabaseSelection.Resolve(new DatabaseOptions());
        using var connection = database.Dialect.CreateConnection(database.ConnectionString);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(connection.ExecuteScalar<string>("SELECT time_zone FROM clinics WHERE clinic_id = @clinicId", new { clinicId })!);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
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

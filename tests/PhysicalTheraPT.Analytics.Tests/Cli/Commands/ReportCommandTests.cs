using System.Globalization;
using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Files;
using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Tests.Reports;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Cli.Commands;

public sealed class ReportCommandTests(SeededSqliteHistory history) : IClassFixture<SeededSqliteHistory>, IDisposable
{
    private static readonly string[] ClinicIds = ["C01", "C02", "C03"];

    private static readonly (string Column, string EndType)[] EndTypeColumns =
        [("Goals met", "goals_met"), ("Self-discharged", "self_discharged"), ("Referred out", "referred_out"), ("Other", "other"), ("Unrecorded", "unrecorded")];

    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task ReportMonthly_WritesWorkbooksWhoseNumbersEqualTheMetricsCommand_ForAllClinicsAndEveryClinic()
    {
        var metrics = await MetricsOutput.RunAsync(history.CommandLineArguments, "2026-03");

        var (exitCode, output) = await RunReportAsync("--month", "2026-03", "--per-clinic");

        Assert.Equal(0, exitCode);
        foreach (var scope in (string[])["ALL", .. ClinicIds])
        {
            var path = folder.File(scope == "ALL" ? "retention-2026-03.xlsx" : $"retention-2026-03-{scope}.xlsx");
            Assert.Contains(path, output, StringComparison.Ordinal);
            using var workbook = OpenXmlWorkbook.Open(path);
            AssertTrendRowEqualsMetrics(workbook, new CalendarMonth(2026, 3), metrics, scope);
            var headlines = workbook.Table("Summary", "Headlines");
            Assert.Equal(metrics.Value(scope, "acute_completions"), headlines["Value"][0]!.Number);
        }
    }

    [Fact]
    public async Task ReportMonthly_CountsEveryTrendMonthAsOfTheReportsDate_AsMetricsDoesForThatMonth()
    {
        // A later as-of date: March's 28-day window has closed, and June's flags are counted.
        var earlier = await MetricsOutput.RunAsync(history.CommandLineArguments, "2025-12", "2026-06-15");
        var march = await MetricsOutput.RunAsync(history.CommandLineArguments, "2026-03", "2026-06-15");

        var (exitCode, _) = await RunReportAsync("--month", "2026-03", "--as-of", "2026-06-15");

        Assert.Equal(0, exitCode);
        using var workbook = OpenXmlWorkbook.Open(folder.File("retention-2026-03.xlsx"));
        AssertTrendRowEqualsMetrics(workbook, new CalendarMonth(2026, 3), march, "ALL");
        AssertTrendRowEqualsMetrics(workbook, new CalendarMonth(2025, 12), earlier, "ALL", flagsCounted: false);
        Assert.NotNull(march.Value("ALL", "conversion_28d.rate"));
    }

    [Fact]
    public async Task ReportMonthly_WritesTheGroupAndThatClinicWithTheirCharts_OwnerOnly_WhenClinicIsGiven()
    {
        var (exitCode, output) = await RunReportAsync("--month", "2026-03", "--clinic", "C02");

        Assert.Equal(0, exitCode);
        string[] charts = ["active-maintenance", "clinics", "cohort-uptake", "completions-by-end-type", "conversion-trend", "outreach", "recurrence"];
        string[] expected =
        [
            "retention-2026-03.xlsx", .. charts.Select(chart => $"retention-2026-03-{chart}.png"),
            "retention-2026-03-C02.xlsx", .. charts.Select(chart => $"retention-2026-03-C02-{chart}.png"),
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(expected, name => Assert.Contains(folder.File(name), output, StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(folder.File("retention-2026-03-C02.xlsx")));
        }

        using var workbook = OpenXmlWorkbook.Open(folder.File("retention-2026-03-C02.xlsx"));
        Assert.Equal("C02", workbook.CustomProperties[WorkbookMarker.Scope]);
        Assert.Empty(workbook.ValidationErrors());
        var patients = workbook.Table("Patients to call", "PatientsToCall");
        Assert.NotEmpty(patients["Patient id"]);
        Assert.All(patients["Patient id"], cell => Assert.StartsWith("C02-", cell!.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReportMonthly_ListsEveryFlagWithTheReasonItsFlagCarries_HighestPriorityThenClinicThenPatient()
    {
        // The flags with their texts, as the retention flags command and the outreach lists get them.
        var analysis = new RetentionAnalysis(history.Test.Database, Options.Create(new RetentionOptions()), TimeProvider.System);
        var flags = (await analysis.FlagsAsync(AsOfDates.ForMonth(new CalendarMonth(2026, 3)), clinicId: null)).Flags;

        var (exitCode, _) = await RunReportAsync("--month", "2026-03");

        Assert.Equal(0, exitCode);
        using var workbook = OpenXmlWorkbook.Open(folder.File("retention-2026-03.xlsx"));
        var sheet = workbook.Table("Patients to call", "PatientsToCall");
        var expected = flags
            .OrderByDescending(flag => flag.Priority)
            .ThenBy(flag => flag.ClinicId, StringComparer.Ordinal)
            .ThenBy(flag => flag.PatientId, StringComparer.Ordinal)
            .Select(flag => (flag.PatientId, (double)flag.Priority, (double)flag.DaysSince, flag.Reason))
            .ToList();
        var listed = sheet["Patient id"]
            .Select((cell, row) => (cell!.Text!, sheet["Priority"][row]!.Number!.Value, sheet["Days since"][row]!.Number!.Value, sheet["Reason"][row]!.Text!))
            .ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, listed);
    }

    [Fact]
    public async Task ReportMonthly_SumsTheTrendMonthsInTheClinicsBreakdown()
    {
        var (exitCode, _) = await RunReportAsync("--month", "2026-03");

        Assert.Equal(0, exitCode);
        using var workbook = OpenXmlWorkbook.Open(folder.File("retention-2026-03.xlsx"));
        var trend = workbook.Table("Trend", "Trend");
        var clinics = workbook.Table("Clinics", "Clinics");
        Assert.Equal(ClinicIds, clinics["Clinic id"].Select(cell => cell!.Text).Order(StringComparer.Ordinal));
        Assert.Equal(trend["Acute completions"].Sum(cell => cell!.Number), clinics["Completions"].Sum(cell => cell!.Number));

        // 28 days have passed for every month but March; the cells count exactly those months.
        var closedMonths = trend["Acute completions"].SkipLast(1).Sum(cell => cell!.Number);
        Assert.Equal(closedMonths, clinics["Counted for 28 days"].Sum(cell => cell!.Number));
        Assert.Equal(trend["Converted within 28 days"].SkipLast(1).Sum(cell => cell!.Number), clinics["Converted within 28 days"].Sum(cell => cell!.Number));
    }

    [Fact]
    public async Task ReportMonthly_ExitsWithTheKnownClinicsAndWritesNothing_WhenTheClinicIsUnknown()
    {
        var (exitCode, output) = await RunReportAsync("--month", "2026-03", "--clinic", "C09");

        Assert.Equal(2, exitCode);
        Assert.Contains("Unknown clinic 'C09': known clinics: C01, C02, C03.", output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Theory]
    [InlineData(new string[0], "--month is required: the calendar month to report, as YYYY-MM")]
    [InlineData(new[] { "--month", "2026-13" }, "--month '2026-13' is not a month: use YYYY-MM, e.g. 2026-03.")]
    [InlineData(new[] { "--month", "March" }, "--month 'March' is not a month")]
    [InlineData(new[] { "--month", "2026-03", "--as-of", "2026-02-15" }, "--as-of 2026-02-15 leaves no day of 2026-03 in the past")]
    [InlineData(new[] { "--month", "2026-03", "--clinic", "C01", "--per-clinic" }, "Give --clinic ID for one clinic's workbook or --per-clinic for every clinic's, not both.")]
    public async Task ReportMonthly_ExitsWithAMessageAndWritesNothing_WhenArgumentsAreBad(string[] arguments, string message)
    {
        var (exitCode, output) = await RunReportAsync(arguments);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [PostgresFact]
    public Task ReportMonthly_WritesTheSameCells_OnPostgresAsOnSqlite() =>
        SqliteAndPostgresWorkbooks.AssertSameCellsAsync(
            ["report", "monthly", "--month", "2026-03", "--clinic", "C01"],
            ["retention-2026-03.xlsx", "retention-2026-03-C01.xlsx"],
            workbook => Assert.NotEmpty(workbook.Table("Patients to call", "PatientsToCall")["Patient id"]));

    private Task<(int ExitCode, string Output)> RunReportAsync(params string[] arguments) =>
        CliRunner.RunAsync([.. history.CommandLineArguments, "report", "monthly", .. arguments, "--out", folder.Path]);

    /// <summary>The month's row of the Trend sheet holds the <c>metrics</c> numbers of the scope, cell by cell.</summary>
    private static void AssertTrendRowEqualsMetrics(OpenXmlWorkbook workbook, CalendarMonth month, MetricsOutput metrics, string scope, bool flagsCounted = true)
    {
        var trend = workbook.Table("Trend", "Trend");
        var row = trend["Month"].ToList().FindIndex(cell => cell?.Number == month.FirstDay.ToDateTime(TimeOnly.MinValue).ToOADate());
        Assert.True(row >= 0, $"No trend row for {month}.");
        double? Cell(string column) => trend[column][row]?.Number;

        Assert.Equal(metrics.Value(scope, "acute_completions"), Cell("Acute completions"));
        foreach (var (column, endType) in EndTypeColumns)
        {
            Assert.Equal(metrics.Value(scope, "acute_completions." + endType), Cell(column));
        }

        foreach (var window in (int[])[28, 60, 90])
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"conversion_{window}d");
            Assert.Equal(metrics.Value(scope, name + ".converted"), Cell(ConvertedColumn(window)));
            var rate = trend[RateColumn(window)][row];
            if (metrics.Value(scope, name + ".rate") is { } expected)
            {
                Assert.Equal(expected, rate!.Number!.Value, 12);
            }
            else
            {
                Assert.Equal("maturing", rate?.Text);
            }
        }

        Assert.Equal(metrics.Value(scope, "active_maintenance_patients"), Cell("Active maintenance patients"));
        Assert.Equal(metrics.Value(scope, "visits_per_episode.median"), Cell("Visits per episode (median)"));
        if (flagsCounted)
        {
            Assert.Equal(metrics.Value(scope, "dropped_after_acute"), Cell("Dropped after acute care"));
            Assert.Equal(metrics.Value(scope, "maintenance_lapsed"), Cell("Maintenance lapsed"));
        }
    }

    private static string ConvertedColumn(int window) => string.Create(CultureInfo.InvariantCulture, $"Converted within {window} days");

    private static string RateColumn(int window) => string.Create(CultureInfo.InvariantCulture, $"Rate within {window} days");
}

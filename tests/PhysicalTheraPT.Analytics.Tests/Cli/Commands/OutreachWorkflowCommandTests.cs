using System.Globalization;
using ClosedXML.Excel;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Tests.Outreach;
using PhysicalTheraPT.Analytics.Tests.Reports;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Cli.Commands;

/// <summary>
/// The workflow through the command line: lists written, worked, imported; the next lists hold back who
/// was just called; the monthly workbook counts what outreach achieved and keeps past months as
/// reported until restated.
/// </summary>
public sealed class OutreachWorkflowCommandTests
{
    [Fact]
    public async Task OutreachLists_HoldBackWhoWasJustCalled_AndNeverListDoNotContact()
    {
        await using var scenario = await DischargedPatientsAsync();
        var first = await ListsAsync(scenario, "2026-04-01");
        OutreachScenario.Fill(first.Path, "P1", "not_reached", new DateOnly(2026, 4, 2));
        OutreachScenario.Fill(first.Path, "P2", "do_not_contact", new DateOnly(2026, 4, 2));
        var (imported, _) = await CliRunner.RunAsync([.. scenario.Test.CommandLineArguments, "outreach", "import", first.Path]);

        var sixDaysLater = await ListsAsync(scenario, "2026-04-08");
        var sevenDaysLater = await ListsAsync(scenario, "2026-04-09");

        Assert.Equal(0, imported);
        Assert.Equal(["P1", "P2"], first.Patients);
        Assert.Empty(sixDaysLater.Patients);
        Assert.Contains("0 patient(s) to call as of 2026-04-08 (1 held back: tried in the last days, declined, called lately, or not to be contacted)", sixDaysLater.Output, StringComparison.Ordinal);
        Assert.Equal(["P1"], sevenDaysLater.Patients);
    }

    [Fact]
    public async Task ReportMonthly_CountsOutreach_AndKeepsPastMonthsAsReportedUntilRestated()
    {
        await using var scenario = await DischargedPatientsAsync();
        var list = await ListsAsync(scenario, "2026-04-01");
        OutreachScenario.Fill(list.Path, "P1", "left_message", new DateOnly(2026, 4, 2));
        OutreachScenario.Fill(list.Path, "P2", "declined", new DateOnly(2026, 4, 3), "AB");
        await CliRunner.RunAsync([.. scenario.Test.CommandLineArguments, "outreach", "import", list.Path]);
        // P1 called back a week later and booked.
        await new ClinicDataBuilder()
            .Appointment("m1", "P1", "2026-04-20", "maintenance_massage", "booked", clinicId: "C01", bookedAtUtc: new DateTime(2026, 4, 9, 16, 0, 0, DateTimeKind.Utc))
            .WriteAsync(scenario.Database);

        var april = await ReportAsync(scenario, "2026-04", "2026-05-20");
        // A late export from the clinic software: one more patient finished acute care in February.
        await new ClinicDataBuilder()
            .Patient("P9", "C01")
            .Episode("eP9", "P9", "2026-01-07", "2026-02-12", "goals_met")
            .Appointment("P9a1", "P9", "2026-01-07", episodeId: "eP9")
            .Appointment("P9a2", "P9", "2026-02-12", episodeId: "eP9")
            .WriteAsync(scenario.Database);
        var may = await ReportAsync(scenario, "2026-05", "2026-06-01");
        var restatingFrom = DateTime.UtcNow.Date;
        var restated = await ReportAsync(scenario, "2026-05", "2026-06-01", "--restate");
        var restatingUntil = DateTime.UtcNow.Date;

        var outreach = april.Table("Outreach", "OutreachTrend");
        var aprilRow = RowOf(outreach, new CalendarMonth(2026, 4));
        Assert.Equal((2.0, 2.0, 1.0, 1.0), (outreach["Listed"][aprilRow]!.Number!.Value, outreach["Contacted"][aprilRow]!.Number!.Value, outreach["Reached"][aprilRow]!.Number!.Value, outreach["Booked after outreach"][aprilRow]!.Number!.Value));
        Assert.Null(outreach["Booked after outreach"][aprilRow]!.FillRgb);
        var staff = april.Table("Outreach", "OutreachByStaff");
        Assert.Equal(["AB", "JD"], staff["Staff initials"].Select(cell => cell!.Text));

        Assert.Equal(2, Completions(april, new CalendarMonth(2026, 2)));
        Assert.Equal(2, Completions(may, new CalendarMonth(2026, 2)));
        Assert.Equal(3, Completions(restated, new CalendarMonth(2026, 2)));
        Assert.Null(may.Table("Definitions", "RestatedMonths")["Month"].Single());
        var restatedMonths = restated.Table("Definitions", "RestatedMonths");
        Assert.Equal(new CalendarMonth(2026, 2).FirstDay.ToDateTime(TimeOnly.MinValue).ToOADate(), restatedMonths["Month"].Single()!.Number);
        Assert.InRange(restatedMonths["Restated on"].Single()!.Number!.Value, restatingFrom.ToOADate(), restatingUntil.ToOADate());
        april.Dispose();
        may.Dispose();
        restated.Dispose();
    }

    /// <summary>P1 and P2 of Eastside discharged on 10 February after three visits, no maintenance: both dropped after acute.</summary>
    private static Task<OutreachScenario> DischargedPatientsAsync() =>
        OutreachScenario.CreateAsync(DatabaseProvider.Sqlite, moreData: data =>
        {
            foreach (var patient in new[] { "P1", "P2" })
            {
                data.Episode("e" + patient, patient, "2026-01-05", "2026-02-10", "goals_met")
                    .Appointment(patient + "a1", patient, "2026-01-05", episodeId: "e" + patient)
                    .Appointment(patient + "a2", patient, "2026-02-10", episodeId: "e" + patient);
            }
        });

    private static async Task<(string Path, IReadOnlyList<string> Patients, string Output)> ListsAsync(OutreachScenario scenario, string asOf)
    {
        var folder = Path.Combine(scenario.Folder, "lists-" + asOf);
        var (exitCode, output) = await CliRunner.RunAsync([.. scenario.Test.CommandLineArguments, "outreach", "lists", "--as-of", asOf, "--clinic", "C01", "--out", folder]);
        Assert.Equal(0, exitCode);
        var path = Path.Combine(folder, $"outreach-C01-{asOf}.xlsx");
        using var workbook = new XLWorkbook(path);
        var sheet = workbook.Worksheet(OutreachListLayout.ListSheet);
        var key = OutreachScenario.ColumnOf(sheet, OutreachListLayout.RowKey);
        var patients = sheet.Column(key).CellsUsed().Skip(1).Select(cell => cell.GetString().Split('|')[2]).Order(StringComparer.Ordinal).ToList();
        return (path, patients, output);
    }

    private static async Task<OpenXmlWorkbook> ReportAsync(OutreachScenario scenario, string month, string asOf, params string[] more)
    {
        var folder = Path.Combine(scenario.Folder, "report-" + month + "-" + more.Length.ToString(CultureInfo.InvariantCulture));
        var (exitCode, output) = await CliRunner.RunAsync([.. scenario.Test.CommandLineArguments, "report", "monthly", "--month", month, "--as-of", asOf, "--out", folder, .. more]);
        Assert.True(exitCode == 0, output);
        return OpenXmlWorkbook.Open(Path.Combine(folder, $"retention-{month}.xlsx"));
    }

    private static int RowOf(IReadOnlyDictionary<string, IReadOnlyList<CellContent?>> table, CalendarMonth month) =>
        table["Month"].ToList().FindIndex(cell => cell?.Number == month.FirstDay.ToDateTime(TimeOnly.MinValue).ToOADate());

    private static double Completions(OpenXmlWorkbook workbook, CalendarMonth month)
    {
        var trend = workbook.Table("Trend", "Trend");
        return trend[MeasureNames.AcuteCompletions][RowOf(trend, month)]!.Number!.Value;
    }
}

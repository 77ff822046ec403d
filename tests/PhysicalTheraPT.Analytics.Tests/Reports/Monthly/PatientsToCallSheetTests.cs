using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;
using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Reports.Monthly;

/// <summary>
/// The "Patients to call" sheet of a group of clinics lists tens of thousands of patients; its rows are
/// streamed into the file. Read back with the OpenXML SDK, it must look exactly like a table the
/// spreadsheet library wrote itself: every row, typed cells, formats, the table over all rows.
/// </summary>
public sealed class PatientsToCallSheetTests : IDisposable
{
    private const string Sheet = "Patients to call";
    private const string Table = "PatientsToCall";
    private const int HeaderRow = 4;

    private static readonly DateOnly AsOf = new(2026, 4, 1);

    private readonly TemporaryFolder folder = new();
    private readonly MonthlyWorkbookWriter writer = new(new ReportsOptions());

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Write_ListsEveryPatientInPriorityOrderWithTypedCells_WhenThirtyThousandAreFlagged()
    {
        var patients = Patients(30_000);
        var report = new MonthlyReportBuilder().WithAsOf(AsOf).WithPatientsToCall([.. patients]).Build();

        var path = writer.Write(report, folder.Path).WorkbookPath;

        using var workbook = OpenXmlWorkbook.Open(path);
        var expected = patients.OrderByDescending(row => row.Priority).ThenBy(row => row.ClinicId, StringComparer.Ordinal).ThenBy(row => row.PatientId, StringComparer.Ordinal).ToList();
        var table = workbook.Table(Sheet, Table);
        Assert.Equal(expected.Count, table["Patient id"].Count);
        for (var index = 0; index < expected.Count; index++)
        {
            AssertRow(expected[index], table, index);
        }

        Assert.Equal("A4:J30004", workbook.Tables(Sheet).Single().Reference!.Value);
        Assert.Equal("A4:J30004", workbook.Tables(Sheet).Single().AutoFilter!.Reference!.Value);
        Assert.Equal("A1:J30004", workbook.Part(Sheet).Worksheet.SheetDimension!.Reference!.Value);
        Assert.Empty(workbook.ValidationErrors());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void Write_GivesStreamedRowsTheTemplateRowsLook_WhenThousandsAreFlagged()
    {
        var report = new MonthlyReportBuilder().WithAsOf(AsOf).WithPatientsToCall([.. Patients(3_000)]).Build();

        using var workbook = OpenXmlWorkbook.Open(writer.Write(report, folder.Path).WorkbookPath);

        var cells = workbook.Part(Sheet).Worksheet.Descendants<Cell>().ToDictionary(cell => cell.CellReference!.Value!);
        var formats = workbook.Part(Sheet).GetParentParts().OfType<DocumentFormat.OpenXml.Packaging.WorkbookPart>().Single()
            .WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var reasonStyles = Enumerable.Range(HeaderRow + 1, 3_000).Select(row => cells["J" + row.ToString(CultureInfo.InvariantCulture)].StyleIndex!.Value).Distinct().ToList();
        Assert.True(formats[(int)Assert.Single(reasonStyles)].Alignment!.WrapText!.Value, "the Reason column wraps on every row");
        Assert.All(
            Enumerable.Range(HeaderRow + 1, 3_000).Select(row => cells["I" + row.ToString(CultureInfo.InvariantCulture)].StyleIndex!.Value),
            style => Assert.Equal(cells["I5"].StyleIndex!.Value, style));
        Assert.Equal(HeaderRow, workbook.FrozenPane(Sheet)!.VerticalSplit!.Value);
        Assert.Equal("landscape", workbook.PageSetup(Sheet)!.Orientation!.InnerText);

        // The longest id is on the last row only: the width still fits it.
        var widths = workbook.ColumnWidths(Sheet);
        Assert.InRange(widths[1], "P-LONGEST-ID-000000".Length + 2, "P-LONGEST-ID-000000".Length + 4);
        Assert.Empty(workbook.ValidationErrors());
    }

    [Fact]
    public void Write_KeepsOneBlankTableRowAndSaysNoneAreFlagged_WhenNobodyIsToCall()
    {
        var report = new MonthlyReportBuilder().WithAsOf(AsOf).WithPatientsToCall().Build();

        using var workbook = OpenXmlWorkbook.Open(writer.Write(report, folder.Path).WorkbookPath);

        Assert.Equal("A4:J5", workbook.Tables(Sheet).Single().Reference!.Value);
        Assert.All(workbook.Table(Sheet, Table).Values, column => Assert.Null(Assert.Single(column)));
        Assert.StartsWith("No patients to call", workbook.Cells(Sheet)["A3"].Text, StringComparison.Ordinal);
        Assert.Empty(workbook.ValidationErrors());
    }

    [Fact]
    public void Write_ListsTheOnePatient_WhenOneIsFlagged()
    {
        var patient = Patients(1).Single();
        var report = new MonthlyReportBuilder().WithAsOf(AsOf).WithPatientsToCall(patient).Build();

        using var workbook = OpenXmlWorkbook.Open(writer.Write(report, folder.Path).WorkbookPath);

        var table = workbook.Table(Sheet, Table);
        AssertRow(patient, table, 0);
        Assert.Equal("A4:J5", workbook.Tables(Sheet).Single().Reference!.Value);
        Assert.Equal(5, workbook.Cells(Sheet).Keys.Max(reference => int.Parse(reference.TrimStart("ABCDEFGHIJ".ToCharArray()), CultureInfo.InvariantCulture)));
        Assert.Empty(workbook.ValidationErrors());
    }

    [Fact]
    public void Write_StoresTextExactlyAsWritten_WhenItLooksLikeANumberAFormulaOrHoldsAControlCharacter()
    {
        var template = Patients(1).Single();
        var report = new MonthlyReportBuilder().WithAsOf(AsOf).WithPatientsToCall(
            template with { PatientId = "00123", DischargingProvider = "=1+1", Priority = 3 },
            template with { PatientId = "00124", Reason = " starts with a space", Priority = 2 },
            template with { PatientId = "00125", Reason = "bell\u0007inside", Priority = 1 }).Build();

        using var workbook = OpenXmlWorkbook.Open(writer.Write(report, folder.Path).WorkbookPath);

        var table = workbook.Table(Sheet, Table);
        Assert.Equal(["00123", "00124", "00125"], table["Patient id"].Select(cell => cell!.Text));
        Assert.Equal("=1+1", table["Discharging provider"][0]!.Text);
        Assert.Equal(" starts with a space", table["Reason"][1]!.Text);
        Assert.Equal("bell_x0007_inside", table["Reason"][2]!.Text);
        Assert.Empty(workbook.ValidationErrors());
    }

    private static void AssertRow(PatientToCallRow expected, IReadOnlyDictionary<string, IReadOnlyList<CellContent?>> table, int index)
    {
        Assert.Equal(expected.PatientId, table["Patient id"][index]!.Text);
        Assert.Equal(expected.ClinicName, table["Clinic"][index]!.Text);
        Assert.Equal(expected.Flag.Label(), table["Flag"][index]!.Text);
        Assert.Equal(EndTypeLabels.Label(expected.EndType) is "" ? null : EndTypeLabels.Label(expected.EndType), table["How acute care ended"][index]?.Text);
        AssertDate(expected.AcuteEnd, table["Acute care ended"][index]);
        AssertDate(expected.LastMaintenance, table["Last maintenance visit"][index]);
        Assert.Equal(expected.DischargingProvider, table["Discharging provider"][index]?.Text);
        AssertCount(expected.DaysSince, table["Days since"][index]);
        AssertCount(expected.Priority, table["Priority"][index]);
        Assert.Equal(expected.Reason, table["Reason"][index]!.Text);
    }

    private static void AssertDate(DateOnly? expected, CellContent? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        Assert.True(actual.IsNumber, "dates are stored as numbers");
        Assert.Equal(expected.Value, DateOnly.FromDateTime(DateTime.FromOADate(actual.Number!.Value)));
        Assert.Equal("yyyy-mm-dd", actual.NumberFormat);
    }

    private static void AssertCount(int expected, CellContent? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected, actual.Number);
        Assert.Equal("#,##0", actual.NumberFormat);
    }

    /// <summary>
    /// Flagged patients of five clinics with every optional value missing somewhere; the first in
    /// priority order has no end type, maintenance visit or provider, so the first row is not typical.
    /// </summary>
    private static List<PatientToCallRow> Patients(int count)
    {
        var rows = new List<PatientToCallRow>(count);
        for (var index = 0; index < count; index++)
        {
            var clinic = "C" + (index % 5).ToString("00", CultureInfo.InvariantCulture);
            var lapsed = index % 3 == 0;
            var daysSince = 15 + (index % 400);
            rows.Add(new PatientToCallRow(
                index == count - 1 && count > 1 ? "P-LONGEST-ID-000000" : "P" + index.ToString("000000", CultureInfo.InvariantCulture),
                clinic,
                "Clinic " + clinic,
                lapsed ? PatientFlagKind.MaintenanceLapsed : PatientFlagKind.DroppedAfterAcute,
                index == 0 || index % 7 == 0 ? null : (index % 2 == 0 ? "goals_met" : "self_discharged"),
                AsOf.AddDays(-daysSince - (lapsed ? 120 : 0)),
                lapsed && index != 0 ? AsOf.AddDays(-daysSince) : null,
                index == 0 || index % 11 == 0 ? null : "Provider " + (index % 13).ToString(CultureInfo.InvariantCulture),
                daysSince,
                index == 0 ? 100 : index % 100,
                "Reason " + index.ToString(CultureInfo.InvariantCulture) + ": last seen " + daysSince.ToString(CultureInfo.InvariantCulture) + " days ago"));
        }

        return rows;
    }
}

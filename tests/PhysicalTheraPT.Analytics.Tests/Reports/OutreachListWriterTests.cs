using ClosedXML.Excel;
using PhysicalTheraPT.Analytics.Files;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Outreach.WorkedLists;
using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Reports.Spreadsheets;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Reports;

/// <summary>Outreach lists hold no pictures, so they are read back with ClosedXML, as front desk's files will be.</summary>
public sealed class OutreachListWriterTests : IDisposable
{
    private readonly TemporaryFolder folder = new();
    private static readonly ListSigningKey SigningKey = ListSigningKey.CreateNew();

    private readonly OutreachListWriter writer = new(new ListSigningKeyStore(SigningKey));

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Write_NamesTheFileByClinicAndDate_AndPutsInstructionsFirst()
    {
        var file = writer.Write(new OutreachListBuilder().Build(), folder.Path);

        Assert.Equal(folder.File("outreach-C01-2026-04-01.xlsx"), file.Path);
        using var workbook = new XLWorkbook(file.Path);
        Assert.Equal([OutreachListLayout.InstructionsSheet, OutreachListLayout.ListSheet, WorkbookMarker.IdentitySheet], workbook.Worksheets.Select(sheet => sheet.Name));
        var instructions = string.Join("\n", workbook.Worksheet(1).CellsUsed().Select(cell => cell.GetString()));
        Assert.Contains("Call from the top", instructions, StringComparison.Ordinal);
        Assert.Contains("dropdown", instructions, StringComparison.Ordinal);
        Assert.Contains("do_not_contact", instructions, StringComparison.Ordinal);
        Assert.Contains("removed from all lists", instructions, StringComparison.Ordinal);
        Assert.Contains("sms: send a text, do not call", instructions, StringComparison.Ordinal);
        Assert.Contains("put it back in the outreach folder", instructions, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ListsPatientsByPriority_WithContactDetailsAsTypedText()
    {
        var list = new OutreachListBuilder().With(OutreachListBuilder.Row("P000999", "=HYPERLINK(\"x\")", priority: 10, phone: "0123 456")).Build();

        var file = writer.Write(list, folder.Path);

        var rows = Rows(file.Path);
        Assert.Equal(["John O'Neill", "Aiko Tanaka", "Maria Gonzalez", "=HYPERLINK(\"x\")"], rows.Select(row => row[OutreachListLayout.Name].GetString()));
        Assert.Equal([88.0, 74, 61, 10], rows.Select(row => row[OutreachListLayout.Priority].GetDouble()));
        Assert.All(rows, row => Assert.Equal(XLDataType.Text, row[OutreachListLayout.Phone].DataType));
        Assert.False(rows[3][OutreachListLayout.Name].HasFormula);
        Assert.Equal("0123 456", rows[3][OutreachListLayout.Phone].GetString());
        Assert.Equal(XLDataType.DateTime, rows[0][OutreachListLayout.LastVisit].DataType);
        Assert.Equal("yyyy-mm-dd", rows[0][OutreachListLayout.LastVisit].Style.NumberFormat.Format);
        Assert.Equal(XLDataType.Number, rows[0][OutreachListLayout.DaysSince].DataType);
        Assert.Equal("Maintenance lapsed", rows[2][OutreachListLayout.Flag].GetString());
    }

    [Fact]
    public void Write_LeavesOutDoNotContactPatients_EvenWhenTheyArePassedIn()
    {
        var list = new OutreachListBuilder().With(OutreachListBuilder.Row("P000555", "Do Not Call Me", priority: 99, doNotContact: true)).Build();

        var file = writer.Write(list, folder.Path);

        Assert.Equal((3, 1), (file.RowsWritten, file.DoNotContactSkipped));
        using var workbook = new XLWorkbook(file.Path);
        Assert.DoesNotContain(workbook.Worksheets.SelectMany(sheet => sheet.CellsUsed()), cell => cell.GetString().Contains("P000555", StringComparison.Ordinal) || cell.GetString().Contains("Do Not Call", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_OffersTheSixOutcomesInADropdownThatRejectsAnythingElse()
    {
        var file = writer.Write(new OutreachListBuilder().Build(), folder.Path);

        using var workbook = new XLWorkbook(file.Path);
        var sheet = workbook.Worksheet(OutreachListLayout.ListSheet);
        var outcome = Column(sheet, OutreachListLayout.Outcome);
        var validation = sheet.DataValidations.Single(rule => rule.Ranges.Any(range => range.FirstCell().Address.ColumnNumber == outcome));
        Assert.Equal(XLAllowedValues.List, validation.AllowedValues);
        Assert.Equal("\"not_reached,left_message,booked,declined,do_not_contact,wrong_number\"", validation.Value);
        Assert.True(validation.InCellDropdown);
        Assert.True(validation.ShowErrorMessage);
        Assert.Equal(XLErrorStyle.Stop, validation.ErrorStyle);
        var range = validation.Ranges.Single();
        Assert.Equal((ListSheetHeaderRow + 1, ListSheetHeaderRow + 3), (range.FirstRow().RowNumber(), range.LastRow().RowNumber()));
    }

    [Fact]
    public void Write_ChecksOutcomeDatesAndInitials()
    {
        var file = writer.Write(new OutreachListBuilder().Build(), folder.Path);

        using var workbook = new XLWorkbook(file.Path);
        var sheet = workbook.Worksheet(OutreachListLayout.ListSheet);
        var date = sheet.DataValidations.Single(rule => rule.Ranges.Any(range => range.FirstCell().Address.ColumnNumber == Column(sheet, OutreachListLayout.OutcomeDate)));
        var initials = sheet.DataValidations.Single(rule => rule.Ranges.Any(range => range.FirstCell().Address.ColumnNumber == Column(sheet, OutreachListLayout.StaffInitials)));
        Assert.Equal(XLAllowedValues.Date, date.AllowedValues);
        Assert.Equal(XLOperator.Between, date.Operator);
        Assert.Equal(OutreachListBuilder.AsOf.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture), date.MinValue);
        Assert.Equal(XLErrorStyle.Stop, date.ErrorStyle);
        Assert.Equal(XLAllowedValues.TextLength, initials.AllowedValues);
    }

    [Fact]
    public void Write_ProtectsTheSheet_LeavingOnlyTheFourFillInColumnsEditable()
    {
        var file = writer.Write(new OutreachListBuilder().Build(), folder.Path);

        using var workbook = new XLWorkbook(file.Path);
        var sheet = workbook.Worksheet(OutreachListLayout.ListSheet);
        Assert.True(sheet.Protection.IsProtected);
        Assert.False(sheet.Protection.IsPasswordProtected);
        Assert.True(sheet.Protection.AllowedElements.HasFlag(XLSheetProtectionElements.Sort));
        Assert.True(sheet.Protection.AllowedElements.HasFlag(XLSheetProtectionElements.AutoFilter));
        Assert.True(sheet.Protection.AllowedElements.HasFlag(XLSheetProtectionElements.FormatColumns));
        var table = sheet.Table(OutreachListLayout.TableName);
        foreach (var header in table.Fields.Select(field => field.Name))
        {
            var editable = OutreachListLayout.FillInColumns.Contains(header);
            foreach (var row in table.DataRange.Rows())
            {
                Assert.Equal(!editable, row.Cell(table.Field(header).Index + 1).Style.Protection.Locked);
            }
        }
    }

    [Fact]
    public void Write_KeysEveryRowInAHiddenColumn_WithKeysThatReadBack()
    {
        var file = writer.Write(new OutreachListBuilder().Build(), folder.Path);

        using var workbook = new XLWorkbook(file.Path);
        var sheet = workbook.Worksheet(OutreachListLayout.ListSheet);
        Assert.True(sheet.Column(Column(sheet, OutreachListLayout.RowKey)).IsHidden);
        var keys = Rows(file.Path).Select(row => row[OutreachListLayout.RowKey].GetString()).ToList();
        var parsed = keys.Select(key => OutreachRowKey.TryParse(key, SigningKey, out var rowKey, out var error) ? rowKey : throw new Xunit.Sdk.XunitException(error)).ToList();
        Assert.Equal(["P000123", "P000789", "P000456"], parsed.Select(key => key.PatientId));
        Assert.All(parsed, key => Assert.Equal(("C01", OutreachListBuilder.AsOf), (key.ClinicId, key.AsOf)));
        Assert.Equal("maintenance_lapsed", parsed[2].Flag);
    }

    [Fact]
    public void Write_MarksTheWorkbookAsAnOutreachListOfItsClinicAndDate()
    {
        var file = writer.Write(new OutreachListBuilder().Build() with { ClinicId = "007" }, folder.Path);

        using var workbook = new XLWorkbook(file.Path);
        Assert.Equal(WorkbookMarker.OutreachList, workbook.CustomProperty(WorkbookMarker.Document).Value);
        Assert.Equal(OutreachListLayout.LayoutVersion, workbook.CustomProperty(WorkbookMarker.LayoutVersion).Value);
        Assert.Equal("007", workbook.CustomProperty(WorkbookMarker.ClinicId).Value);
        Assert.Equal("2026-04-01", workbook.CustomProperty(WorkbookMarker.AsOf).Value);
        Assert.Equal(new DateTime(2026, 4, 1), workbook.Properties.Created.Date);
    }

    [Fact]
    public void Write_KeepsTheListsIdentityInAVeryHiddenProtectedSheet_ForProgramsThatDropDocumentProperties()
    {
        var file = writer.Write(new OutreachListBuilder().Build() with { ClinicId = "007" }, folder.Path);

        using var workbook = new XLWorkbook(file.Path);
        var identity = workbook.Worksheet(WorkbookMarker.IdentitySheet);
        Assert.Equal(XLWorksheetVisibility.VeryHidden, identity.Visibility);
        Assert.True(identity.IsProtected);
        var marker = identity.RowsUsed().ToDictionary(row => row.Cell(1).GetString(), row => row.Cell(2).GetString());
        Assert.Equal(WorkbookMarker.OutreachList, marker[WorkbookMarker.Document]);
        Assert.Equal(("007", "2026-04-01", OutreachListLayout.LayoutVersion), (marker[WorkbookMarker.ClinicId], marker[WorkbookMarker.AsOf], marker[WorkbookMarker.LayoutVersion]));
        Assert.Equal(workbook.CustomProperty(WorkbookMarker.Signature).Value, marker[WorkbookMarker.Signature]);
    }

    [Fact]
    public void Write_PassesTheOpenXmlValidatorWithZeroErrors()
    {
        var file = writer.Write(new OutreachListBuilder().Build(), folder.Path);

        using var workbook = OpenXmlWorkbook.Open(file.Path);
        Assert.Empty(workbook.ValidationErrors());
    }

    [Fact]
    public void Write_WritesAValidListWithOneBlankRow_WhenNoPatientNeedsACall()
    {
        var file = writer.Write(new OutreachListBuilder().WithoutRows().Build(), folder.Path);

        Assert.Equal(0, file.RowsWritten);
        using var workbook = OpenXmlWorkbook.Open(file.Path);
        Assert.Empty(workbook.ValidationErrors());
        Assert.All(workbook.Table(OutreachListLayout.ListSheet, OutreachListLayout.TableName).Values, cells => Assert.Null(Assert.Single(cells)));
    }

    [Fact]
    public void Write_CreatesTheFileReadableByItsOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var file = writer.Write(new OutreachListBuilder().Build(), folder.Path);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file.Path));
    }

    [Fact]
    public void Write_GivesIdenticalCellValues_WhenRunTwiceOnTheSameList()
    {
        using var other = new TemporaryFolder();

        var first = writer.Write(new OutreachListBuilder().Build(), folder.Path);
        var second = writer.Write(new OutreachListBuilder().Build(), other.Path);

        using var one = OpenXmlWorkbook.Open(first.Path);
        using var two = OpenXmlWorkbook.Open(second.Path);
        Assert.NotEmpty(one.AllCells());
        Assert.Equal(one.AllCells(), two.AllCells());
    }

    [Fact]
    public void Write_GivesEveryStreamedRowItsValuesFillInStylesAndKey_WhenTheListIsLong()
    {
        // Rows of every shape: with and without phone, last visit and provider, so the template rows
        // hold more than one style per column and the streamed rows must pick the right one.
        var extra = Enumerable.Range(0, 300).Select(index => OutreachListBuilder.Row($"P1{index:00000}", $"Patient {index}", priority: index % 97) with
        {
            Phone = index % 3 == 0 ? null : "555-" + index.ToString("0000", System.Globalization.CultureInfo.InvariantCulture),
            LastVisit = index % 4 == 0 ? null : OutreachListBuilder.AsOf.AddDays(-index),
            DischargingProvider = index % 5 == 0 ? null : "Dana Ruiz",
        }).ToArray();
        var list = new OutreachListBuilder().With(extra).Build();

        var file = writer.Write(list, folder.Path);

        Assert.Equal(303, file.RowsWritten);
        using (var validated = OpenXmlWorkbook.Open(file.Path))
        {
            Assert.Empty(validated.ValidationErrors());
        }

        using var workbook = new XLWorkbook(file.Path);
        var sheet = workbook.Worksheet(OutreachListLayout.ListSheet);
        var table = sheet.Table(OutreachListLayout.TableName);
        Assert.Equal(303, table.DataRange.RowCount());
        var fillIn = XLColor.FromHtml(ReportPalette.FillInFill);
        var byId = list.Rows.ToDictionary(row => row.PatientId);
        foreach (var row in Rows(file.Path))
        {
            Assert.True(OutreachRowKey.TryParse(row[OutreachListLayout.RowKey].GetString(), SigningKey, out var key, out var error), error);
            var expected = byId[key.PatientId];
            Assert.Equal(expected.Phone ?? "", row[OutreachListLayout.Phone].GetString());
            Assert.Equal(expected.DischargingProvider ?? "", row[OutreachListLayout.DischargingProvider].GetString());
            Assert.Equal(expected.LastVisit?.ToDateTime(TimeOnly.MinValue), row[OutreachListLayout.LastVisit].IsEmpty() ? null : row[OutreachListLayout.LastVisit].GetDateTime());
            foreach (var header in OutreachListLayout.FillInColumns)
            {
                Assert.False(row[header].Style.Protection.Locked, header);
                Assert.Equal(fillIn, row[header].Style.Fill.BackgroundColor);
            }

            Assert.True(row[OutreachListLayout.Name].Style.Protection.Locked);
            Assert.Equal(NumberFormats.Date, row[OutreachListLayout.OutcomeDate].Style.NumberFormat.Format);
        }
    }

    private const int ListSheetHeaderRow = 3;

    private static int Column(IXLWorksheet sheet, string header) =>
        sheet.Table(OutreachListLayout.TableName).Field(header).Index + sheet.Table(OutreachListLayout.TableName).RangeAddress.FirstAddress.ColumnNumber;

    /// <summary>The table's data rows as header → cell.</summary>
    private static List<Dictionary<string, IXLCell>> Rows(string path)
    {
        using var workbook = new XLWorkbook(path);
        var table = workbook.Worksheet(OutreachListLayout.ListSheet).Table(OutreachListLayout.TableName);
        var headers = table.Fields.Select(field => field.Name).ToList();
        return [.. table.DataRange.Rows().Select(row => headers.Select((header, index) => (header, cell: row.Cell(index + 1))).ToDictionary(entry => entry.header, entry => (IXLCell)entry.cell))];
    }
}

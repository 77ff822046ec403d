using PhysicalTheraPT.Analytics.Files;
using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;
using SkiaSharp;

namespace PhysicalTheraPT.Analytics.Tests.Reports;

/// <summary>
/// The monthly workbook holds pictures, so it is read back with the OpenXML SDK (ClosedXML would need
/// the native libgdiplus to open it).
/// </summary>
public sealed class MonthlyWorkbookWriterTests(DefaultMonthlyWorkbook written) : IClassFixture<DefaultMonthlyWorkbook>, IDisposable
{
    private const string Summary = "Summary";
    private const string Trend = "Trend";
    private const string Cohorts = "Cohorts";

    private readonly TemporaryFolder folder = new();
    private readonly MonthlyWorkbookWriter writer = new(new ReportsOptions());

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Write_CreatesTheTwelveSheetsInReadingOrder()
    {
        using var workbook = written.Open();

        Assert.Equal(
            ["Summary", "Trend", "Cohorts", "Clinics", "Providers", "Regions & referrals", "End types", "Recurrence", "Patients to call", "Outreach", "Data quality", "Definitions"],
            workbook.SheetNames);
    }

    public static TheoryData<string> Reports => ["one clinic", "empty"];

    [Fact]
    public void Write_PassesTheOpenXmlValidatorWithZeroErrors_WhenReportIsRealistic()
    {
        using var workbook = written.Open();

        Assert.Empty(workbook.ValidationErrors());
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Write_PassesTheOpenXmlValidatorWithZeroErrors(string kind)
    {
        var report = kind switch
        {
            "one clinic" => new MonthlyReportBuilder().ForClinic("C01", "Smith & Jones Physio").Build(),
            "empty" => new MonthlyReportBuilder().WithTrend([]).WithCohorts([]).WithPatientsToCall().WithDataQuality().Build(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        using var workbook = WriteAndOpen(report);

        Assert.Empty(workbook.ValidationErrors());
    }

    [Fact]
    public void Write_StoresHeadlineNumbersAsFormattedNumbersEqualToTheModel()
    {
        var report = written.Report;

        using var workbook = written.Open();

        var table = workbook.Table(Summary, "Headlines");
        for (var index = 0; index < report.Summary.Headlines.Count; index++)
        {
            var headline = report.Summary.Headlines[index];
            Assert.Equal(headline.Measure, table["Measure"][index]!.Text);
            AssertValue(headline.Unit, headline.Value, table["Value"][index]);
            AssertValue(headline.Unit, headline.MonthBefore, table["Month before"][index]);
            AssertValue(headline.Unit, headline.TwelveMonthMedian, table["12-month median"][index]);
            Assert.Equal("mmm yy", table["Month"][index]?.NumberFormat ?? "mmm yy");
        }
    }

    [Fact]
    public void Write_ShowsTwelveTrendMonthsWithCountsRatesAndMonthsAsNumbers()
    {
        var report = written.Report;

        using var workbook = written.Open();

        var table = workbook.Table(Trend, "Trend");
        Assert.Equal(12, table["Month"].Count);
        for (var index = 0; index < 12; index++)
        {
            var month = report.Trend[index];
            Assert.Equal(month.Month.FirstDay.ToDateTime(TimeOnly.MinValue).ToOADate(), table["Month"][index]!.Number);
            Assert.Equal("mmm yy", table["Month"][index]!.NumberFormat);
            Assert.Equal(month.AcuteCompletions, table[MeasureNames.AcuteCompletions][index]!.Number);
            Assert.Equal("#,##0", table[MeasureNames.AcuteCompletions][index]!.NumberFormat);
            var rate = table["Rate within 28 days"][index]!;
            if (month.Conversion(28)!.Maturing)
            {
                Assert.Equal("maturing", rate.Text);
            }
            else
            {
                AssertClose(month.Conversion(28)!.Rate, rate.Number);
                Assert.Equal("0.0%\" (" + RateText.Interval(month.Conversion(28)!.Interval!.Value) + ")\"", rate.NumberFormat);
            }
        }
    }

    [Fact]
    public void Write_MarksTheProvisionalMonthInTheNotFinalStyle()
    {
        var report = written.Report;

        using var workbook = written.Open();

        var table = workbook.Table(Trend, "Trend");
        var march = table["Status"].Count - 1;
        Assert.True(report.Trend[march].Provisional);
        Assert.Equal("provisional", table["Status"][march]!.Text);
        Assert.Equal("FFEDEDED", table[MeasureNames.AcuteCompletions][march]!.FillRgb);
        Assert.True(table[MeasureNames.AcuteCompletions][march]!.Italic);
        Assert.Null(table["Status"][march - 1]);
        Assert.Null(table[MeasureNames.AcuteCompletions][march - 1]!.FillRgb);
    }

    [Fact]
    public void Write_MarksMaturingCohortCells_AndKeepsThemOutOfTheColourScale()
    {
        var report = written.Report;

        using var workbook = written.Open();

        var table = workbook.Table(Cohorts, "Cohorts");
        var cells = workbook.Cells(Cohorts);
        var coloured = workbook.ColourScaleRanges(Cohorts).SelectMany(Expand).ToHashSet();
        Assert.Equal(report.CohortWindows.Count, workbook.ColourScaleRanges(Cohorts).Count);
        var maturingSeen = 0;
        foreach (var window in report.CohortWindows)
        {
            var header = $"Rate within {window} days";
            var column = cells.Single(cell => cell.Value.Text == header).Key.TrimEnd("0123456789".ToCharArray());
            for (var index = 0; index < report.Cohorts.Count; index++)
            {
                var expected = report.Cohorts[index].Window(window)!;
                var reference = column + (5 + index).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var actual = table[header][index]!;
                if (expected.Maturing)
                {
                    maturingSeen++;
                    Assert.Equal("maturing", actual.Text);
                    Assert.False(actual.IsNumber);
                    Assert.Equal("FFEDEDED", actual.FillRgb);
                    Assert.DoesNotContain(reference, coloured);
                }
                else
                {
                    AssertClose(expected.Rate, actual.Number);
                    Assert.Contains(reference, coloured);
                }
            }
        }

        Assert.True(maturingSeen >= 6, "the default report has maturing cells in every window");
    }

    [Fact]
    public void Write_ListsPatientsToCallByPriority_WithoutAnyContactDetails()
    {
        var report = written.Report;

        using var workbook = written.Open();

        var table = workbook.Table("Patients to call", "PatientsToCall");
        Assert.Equal(["P000123", "P000789", "P000456"], table["Patient id"].Select(cell => cell!.Text));
        Assert.Equal([88.0, 74, 61], table["Priority"].Select(cell => cell!.Number!.Value));
        Assert.Equal("yyyy-mm-dd", table["Acute care ended"][0]!.NumberFormat);
        Assert.DoesNotContain(table.Keys, header => header.Contains("Phone", StringComparison.OrdinalIgnoreCase) || header.Contains("mail", StringComparison.OrdinalIgnoreCase) || header == "Name");
    }

    [Fact]
    public void Write_GivesEveryTableFiltersAndFreezesItsHeader()
    {
        using var workbook = written.Open();

        foreach (var sheet in workbook.SheetNames)
        {
            var tables = workbook.Tables(sheet);
            Assert.NotEmpty(tables);
            Assert.All(tables, table => Assert.NotNull(table.AutoFilter));
            Assert.StartsWith("frozen", workbook.FrozenPane(sheet)?.State?.InnerText, StringComparison.Ordinal);
        }

        Assert.Equal(4, workbook.FrozenPane(Trend)!.VerticalSplit!.Value);
        Assert.Equal(4, workbook.FrozenPane("Patients to call")!.VerticalSplit!.Value);
    }

    [Fact]
    public void Write_PrintsLandscapeOnePageWideWithScopeMonthAndPageNumbers()
    {
        using var workbook = WriteAndOpen(new MonthlyReportBuilder().ForClinic("C01", "Smith & Jones").Build());

        foreach (var sheet in workbook.SheetNames)
        {
            var setup = workbook.PageSetup(sheet)!;
            Assert.Equal("landscape", setup.Orientation!.InnerText);
            Assert.Equal(1u, setup.FitToWidth?.Value ?? 1u);
            Assert.Equal(0u, setup.FitToHeight!.Value);
            Assert.True(workbook.FitsToPageWidth(sheet));
            var headerFooter = workbook.HeaderFooter(sheet)!;
            Assert.Contains("Smith && Jones", headerFooter.OddHeader!.Text, StringComparison.Ordinal);
            Assert.Contains("March 2026", headerFooter.OddHeader!.Text, StringComparison.Ordinal);
            Assert.Contains("&P of &N", headerFooter.OddFooter!.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Write_SizesColumnsToTheirText_AndWrapsSentenceColumns()
    {
        using var workbook = written.Open();

        var widths = workbook.ColumnWidths("Patients to call");
        Assert.InRange(widths[1], "Patient id".Length + 2, 20);
        Assert.InRange(widths[10], 40, 72);
        Assert.All(widths.Values, width => Assert.InRange(width, 8, 72));
    }

    [Fact]
    public void Write_EmbedsTheChartsInSummaryTrendAndOutreach()
    {
        using var workbook = written.Open();

        Assert.Equal(2, workbook.Images(Summary).Count);
        Assert.Equal(6, workbook.Images(Trend).Count);
        Assert.Single(workbook.Images("Outreach"));
        Assert.All(workbook.Images(Trend), image => Assert.Equal("image/png", image.ContentType));
        Assert.Empty(workbook.Images(Cohorts));
    }

    [Fact]
    public void Write_SavesSevenChartPngsOfTheConfiguredSizeThatAreNotBlank()
    {
        var files = written.Files;

        Assert.Equal(7, files.ChartPaths.Count);
        foreach (var path in files.ChartPaths)
        {
            Assert.StartsWith(Path.Combine(written.Folder, "retention-2026-03-"), path, StringComparison.Ordinal);
            using var bitmap = SKBitmap.Decode(path);
            Assert.NotNull(bitmap);
            Assert.Equal((1200, 600), (bitmap.Width, bitmap.Height));
            var colours = new HashSet<SKColor>();
            var inked = 0;
            for (var y = 0; y < bitmap.Height; y += 3)
            {
                for (var x = 0; x < bitmap.Width; x += 3)
                {
                    var pixel = bitmap.GetPixel(x, y);
                    colours.Add(pixel);
                    inked += pixel == SKColors.White ? 0 : 1;
                }
            }

            Assert.True(colours.Count > 20, $"{Path.GetFileName(path)} has only {colours.Count} colours");
            Assert.True(inked > 2000, $"{Path.GetFileName(path)} is nearly blank");
        }
    }

    [Fact]
    public void Write_GivesIdenticalCellValues_WhenRunTwiceOnTheSameReport()
    {
        var report = new MonthlyReportBuilder().Build();
        using var other = new TemporaryFolder();

        var first = writer.Write(report, folder.Path);
        var second = writer.Write(report, other.Path);

        using var one = OpenXmlWorkbook.Open(first.WorkbookPath);
        using var two = OpenXmlWorkbook.Open(second.WorkbookPath);
        Assert.NotEmpty(one.AllCells());
        Assert.Equal(one.AllCells(), two.AllCells());

        Assert.Equal(File.ReadAllBytes(first.ChartPaths[0]), File.ReadAllBytes(second.ChartPaths[0]));
    }

    [Fact]
    public void Write_DatesTheDocumentAndMarksItFromTheReport_NotFromTheClock()
    {
        var report = new MonthlyReportBuilder().WithMonth(new CalendarMonth(2025, 11)).WithAsOf(new DateOnly(2025, 12, 15)).Build();

        using var workbook = WriteAndOpen(report);

        Assert.Equal(new DateTime(2025, 12, 15), workbook.Created!.Value.Date);
        Assert.Equal(new DateTime(2025, 12, 15), workbook.Modified!.Value.Date);
        Assert.Equal("monthly-retention-report", workbook.CustomProperties[WorkbookMarker.Document]);
        Assert.Equal("2025-11", workbook.CustomProperties[WorkbookMarker.Month]);
        Assert.Equal("2025-12-15", workbook.CustomProperties[WorkbookMarker.AsOf]);
    }

    [Fact]
    public void Write_MakesTheWorkbookReadableByItsOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(written.Files.WorkbookPath));
    }

    [Fact]
    public void Write_LeavesLastRunsWorkbookIntactAndNoTemporaryFiles_WhenWritingFailsPartWay()
    {
        var report = new MonthlyReportBuilder().Build();
        var previous = writer.Write(report, folder.Path);
        var before = File.ReadAllBytes(previous.WorkbookPath);

        // A folder where the last chart goes: its rename fails after the other charts were written.
        File.Delete(previous.ChartPaths[^1]);
        Directory.CreateDirectory(previous.ChartPaths[^1]);
        Assert.Throws<UserInputException>(() => writer.Write(new MonthlyReportBuilder().WithPatientsToCall().Build(), folder.Path));

        Assert.Equal(before, File.ReadAllBytes(previous.WorkbookPath));
        Assert.DoesNotContain(Directory.GetFiles(folder.Path), path => path.EndsWith(".tmp", StringComparison.Ordinal));
    }

    private OpenXmlWorkbook WriteAndOpen(MonthlyReport report) => OpenXmlWorkbook.Open(writer.Write(report, folder.Path).WorkbookPath);

    private static void AssertValue(ValueUnit unit, double? expected, CellContent? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        AssertClose(expected, actual.Number);
        Assert.Equal(unit switch { ValueUnit.Rate => "0.0%", ValueUnit.Decimal => "0.0", _ => "#,##0" }, actual.NumberFormat);
    }

    /// <summary>Spreadsheet files keep 15 significant digits, as Excel does.</summary>
    private static void AssertClose(double? expected, double? actual)
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        Assert.Equal(expected.Value, actual.Value, 1e-12);
    }

    /// <summary>"D5:D13" → D5, D6, ... D13 (single columns only, as the colour scales are).</summary>
    private static IEnumerable<string> Expand(string range)
    {
        var parts = range.Split(':');
        var column = parts[0].TrimEnd("0123456789".ToCharArray());
        var first = int.Parse(parts[0][column.Length..], System.Globalization.CultureInfo.InvariantCulture);
        var last = int.Parse(parts[^1][column.Length..], System.Globalization.CultureInfo.InvariantCulture);
        return Enumerable.Range(first, last - first + 1).Select(row => column + row.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

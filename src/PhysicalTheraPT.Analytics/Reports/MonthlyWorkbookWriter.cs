using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using PhysicalTheraPT.Analytics.Files;
using PhysicalTheraPT.Analytics.Reports.Charts;
using PhysicalTheraPT.Analytics.Reports.Monthly;
using PhysicalTheraPT.Analytics.Reports.Spreadsheets;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// Writes the monthly retention workbook (<c>retention-YYYY-MM[-clinic].xlsx</c>) and its chart PNGs
/// into a folder. Data in, files out: no clock, no database, invariant formatting, sorted rows; the
/// workbook's dates come from the report's as-of date. Every file is written atomically; the workbook
/// lists flagged patients, so it is readable by its owner only.
/// </summary>
internal sealed class MonthlyWorkbookWriter
{
    /// <summary>Charts are shown in the sheets at this size (60% of the PNG's default 1200 × 600).</summary>
    private const int ChartDisplayWidth = 720;

    private const int ChartDisplayHeight = 360;

    /// <summary>Rows one embedded chart takes at the default row height (20 px), with a row to spare.</summary>
    private const int RowsPerChart = 19;

    public static IReadOnlyList<string> SheetNames { get; } =
    [
        SummarySheet.Name, TrendSheet.Name, CohortsSheet.Name, BreakdownSheet.Clinics, BreakdownSheet.Providers, RegionsAndReferralsSheet.Name,
        BreakdownSheet.EndTypes, RecurrenceSheet.Name, PatientsToCallSheet.Name, OutreachSheet.Name, DataQualitySheet.Name, DefinitionsSheet.Name,
    ];

    /// <summary>The charts shown on the Summary sheet; the Trend sheet shows all retention charts, the Outreach sheet its own.</summary>
    private static readonly string[] SummaryCharts = [ConversionTrendChart.Key, CompletionsByEndTypeChart.Key];

    private static readonly string[] OutreachCharts = [OutreachChart.Key];

    private readonly ReportsOptions options;
    private readonly MonthlyChartRenderer charts;

    public MonthlyWorkbookWriter(ReportsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
        charts = new MonthlyChartRenderer(options);
    }

    public MonthlyReportFiles Write(MonthlyReport report, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(report);
        var stem = ReportFileNames.MonthlyStem(report.Scope, report.Month);
        var images = charts.Render(report);

        // Charts first: once the workbook exists, everything it refers to exists too.
        var chartPaths = new List<string>();
        foreach (var image in images)
        {
            var path = Path.Combine(outputDirectory, stem + "-" + image.Key + ".png");
            AtomicFile.Write(path, FilePrivacy.Shared, image.Png);
            chartPaths.Add(Path.GetFullPath(path));
        }

        var workbookPath = Path.GetFullPath(Path.Combine(outputDirectory, stem + ".xlsx"));
        AtomicFile.Write(workbookPath, FilePrivacy.OwnerOnly, output => Build(report, images, output));
        return new MonthlyReportFiles(workbookPath, chartPaths);
    }

    /// <summary>
    /// Writes the workbook, charts embedded, to <paramref name="output"/> (the atomic file's temporary
    /// file, renamed into place only when complete). Built in memory first with the patients to call as
    /// template rows only; their rows are streamed in while the package is copied to the output.
    /// </summary>
    internal void Build(MonthlyReport report, IReadOnlyList<ChartImage> images, Stream output)
    {
        using var buffer = new MemoryStream();
        StreamedTableRows patientsToCall;
        int summaryChartsRow;
        int trendChartsRow;
        int outreachChartsRow;
        using (var workbook = new XLWorkbook())
        {
            SetProperties(workbook, report);
            summaryChartsRow = SummarySheet.Write(workbook, report);
            trendChartsRow = TrendSheet.Write(workbook, report);
            CohortsSheet.Write(workbook, report);
            BreakdownSheet.WriteClinics(workbook, report);
            BreakdownSheet.WriteProviders(workbook, report);
            RegionsAndReferralsSheet.Write(workbook, report);
            BreakdownSheet.WriteEndTypes(workbook, report);
            RecurrenceSheet.Write(workbook, report);
            patientsToCall = PatientsToCallSheet.Write(workbook, report);
            outreachChartsRow = OutreachSheet.Write(workbook, report);
            DataQualitySheet.Write(workbook, report);
            DefinitionsSheet.Write(workbook, report);
            workbook.SaveAs(buffer);
        }

        var pictures = new List<SheetPicture>();
        pictures.AddRange(Place(SummarySheet.Name, summaryChartsRow, images.Where(image => SummaryCharts.Contains(image.Key))));
        pictures.AddRange(Place(TrendSheet.Name, trendChartsRow, images.Where(image => !OutreachCharts.Contains(image.Key))));
        pictures.AddRange(Place(OutreachSheet.Name, outreachChartsRow, images.Where(image => OutreachCharts.Contains(image.Key))));
        var streamed = new List<StreamedRowsPlan>();
        using (var document = SpreadsheetDocument.Open(buffer, isEditable: true))
        {
            if (!patientsToCall.IsEmpty)
            {
                streamed.Add(patientsToCall.Prepare(document));
            }

            PictureEmbedder.Embed(document, pictures);
            TextDocumentProperties.Set(document, new Dictionary<string, string>
            {
                [WorkbookMarker.Document] = WorkbookMarker.MonthlyReport,
                [WorkbookMarker.Month] = report.Month.ToString(),
                [WorkbookMarker.AsOf] = MonthlySheet.Iso(report.AsOf),
                [WorkbookMarker.Scope] = report.Scope.ClinicId ?? WorkbookMarker.AllClinics,
            });
        }

        StreamedWorkbookPackage.Write(buffer, streamed, output);
    }

    private IEnumerable<SheetPicture> Place(string sheet, int firstRow, IEnumerable<ChartImage> images) =>
        images.Select((image, index) => new SheetPicture(
            sheet, image.Key, image.Title, image.Png, Column: 0, Row: firstRow - 1 + (index * RowsPerChart), ChartDisplayWidth,
            ChartDisplayWidth * options.ChartHeight / options.ChartWidth));

    private static void SetProperties(XLWorkbook workbook, MonthlyReport report)
    {
        // From the as-of date, never the clock: the same inputs give the same file properties.
        var stamp = report.GeneratedFor.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        workbook.Properties.Created = stamp;
        workbook.Properties.Modified = stamp;
        workbook.Properties.Author = "PhysicalTheraPT Analytics";
        workbook.Properties.Title = "Retention report " + report.Month.LongLabel + " · " + report.Scope.Name;
        workbook.Properties.Subject = "Monthly retention report";
    }
}

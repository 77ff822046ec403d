using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// Writes the monthly retention workbooks: one pass of the retention engine over every patient's history
/// (as of one date), then the all-clinics workbook and any clinic's workbook from that same pass, so the
/// group's and the clinics' numbers always agree. The command line, the monthly job and the demo call it.
/// </summary>
public sealed class MonthlyReportService
{
    private readonly AnalyticsDatabase _database;
    private readonly RetentionAnalysis _analysis;
    private readonly RetentionOptions _retentionOptions;
    private readonly ReportsOptions _reportsOptions;
    private readonly MonthlyWorkbookWriter _writer;

    public MonthlyReportService(
        AnalyticsDatabase database,
        RetentionAnalysis analysis,
        IOptions<RetentionOptions> retentionOptions,
        IOptions<ReportsOptions> reportsOptions,
        MonthlyWorkbookWriter writer)
    {
        _database = database;
        _analysis = analysis;
        _retentionOptions = retentionOptions.Value;
        _reportsOptions = reportsOptions.Value;
        _writer = writer;
    }

    /// <param name="progress">Receives the number of patients read so far, every few thousand patients.</param>
    public async Task<MonthlyReportRun> WriteAsync(MonthlyReportRequest request, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        // An unknown clinic is known before the pass, not after minutes of reading.
        if (request.ClinicId is { } clinicId)
        {
            (await ClinicDirectory.LoadAsync(_database, cancellationToken)).Require(clinicId);
        }

        var analysisRequest = new RetentionAnalysisRequest { Month = request.Month, AsOf = request.AsOf ?? request.Month.DayAfter };
        var result = await _analysis.RunAsync(analysisRequest, progress, cancellationToken);
        var metrics = result.Metrics!;
        var mapper = new MonthlyReportMapper(metrics, result.Flags, result.Clinics, _retentionOptions, _reportsOptions);

        var workbooks = new List<MonthlyReportFiles>();
        if (request.AllClinics)
        {
            workbooks.Add(_writer.Write(mapper.ForAllClinics(), request.OutputDirectory));
        }

        IEnumerable<string> clinicIds = request.EveryClinic ? result.Clinics.ClinicIds : request.ClinicId is null ? [] : [request.ClinicId];
        foreach (var id in clinicIds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            workbooks.Add(_writer.Write(mapper.ForClinic(id), request.OutputDirectory));
        }

        return new MonthlyReportRun(MonthlyReportMapper.ToReportMonth(metrics.Month), metrics.AsOf, result.Patients, workbooks);
    }
}

using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Reports.Snapshots;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// Writes the monthly retention workbooks: one pass of the retention engine over every patient's history
/// (as of one date), then the all-clinics workbook and any clinic's workbook from that same pass, so the
/// group's and the clinics' numbers always agree. Every workbook shows past months as first reported
/// (<see cref="ReportSnapshots"/>) unless restating, and counts what front desk's outreach achieved
/// (<see cref="OutreachNumbers"/>). The command line, the monthly job and the demo call it.
/// </summary>
public sealed class MonthlyReportService
{
    private readonly AnalyticsDatabase _database;
    private readonly RetentionAnalysis _analysis;
    private readonly RetentionOptions _retentionOptions;
    private readonly ReportsOptions _reportsOptions;
    private readonly MonthlyWorkbookWriter _writer;
    private readonly OutreachNumbers _outreach;
    private readonly ReportSnapshots _snapshots;

    public MonthlyReportService(
        AnalyticsDatabase database,
        RetentionAnalysis analysis,
        IOptions<RetentionOptions> retentionOptions,
        IOptions<ReportsOptions> reportsOptions,
        MonthlyWorkbookWriter writer,
        OutreachNumbers outreach,
        ReportSnapshots snapshots)
    {
        _database = database;
        _analysis = analysis;
        _retentionOptions = retentionOptions.Value;
        _reportsOptions = reportsOptions.Value;
        _writer = writer;
        _outreach = outreach;
        _snapshots = snapshots;
    }

    /// <param name="progress">Receives the number of patients read so far, every few thousand patients.</param>
    public async Task<MonthlyReportRun> WriteAsync(MonthlyReportRequest request, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (mapper, result) = await PassAsync(request.ClinicId, request.Month, AsOfDates.ForMonth(request.Month, request.AsOf), progress, cancellationToken);
        IEnumerable<string> scopes = request.AllClinics || request.EveryClinic ? mapper.ScopeIds : request.ClinicId is null ? [] : [request.ClinicId];
        await ShowKeptNumbersAsync(mapper, result, scopes, request.Restate, cancellationToken);

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

        var metrics = result.Metrics;
        return new MonthlyReportRun(metrics.Month, metrics.AsOf, result.Patients, workbooks);
    }

    /// <summary>One report's model, all clinics (<paramref name="clinicId"/> null) or one clinic, from a pass of its own.</summary>
    public async Task<MonthlyReport> BuildAsync(string? clinicId, CalendarMonth month, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var (mapper, result) = await PassAsync(clinicId, month, asOf, null, cancellationToken);
        await ShowKeptNumbersAsync(mapper, result, clinicId is null ? mapper.ScopeIds : [clinicId], restate: false, cancellationToken);
        return clinicId is null ? mapper.ForAllClinics() : mapper.ForClinic(clinicId);
    }

    /// <summary>
    /// Each scope's outreach numbers and kept numbers, before any workbook is built. The all-clinics
    /// workbook needs every clinic's too: its "what changed" sentences name clinics.
    /// </summary>
    private async Task ShowKeptNumbersAsync(MonthlyReportMapper mapper, MonthlyPass result, IEnumerable<string> scopeIds, bool restate, CancellationToken cancellationToken)
    {
        var asOf = result.Metrics.AsOf;
        var months = mapper.TrendMonths;
        var shown = new Dictionary<string, ShownScopeNumbers>(StringComparer.Ordinal);
        foreach (var scopeId in scopeIds.Distinct(StringComparer.Ordinal))
        {
            var outreach = await _outreach.ForReportAsync(scopeId == ScopeMetrics.AllClinics ? null : scopeId, months, asOf, cancellationToken);
            var kept = await _snapshots.ApplyAsync(
                new ReportSnapshotRequest(scopeId, asOf, mapper.FreshTrend(scopeId), mapper.FreshCohorts(scopeId), outreach.Months, restate), cancellationToken);
            shown[scopeId] = new ShownScopeNumbers(kept, outreach with { Months = kept.Outreach });
        }

        mapper.Show(shown);
    }

    /// <summary>
    /// The one pass over every patient's history. Even a single clinic's report reads every patient: an
    /// episode counts for the clinic it took place at, whoever's patient it was.
    /// </summary>
    private async Task<(MonthlyReportMapper Mapper, MonthlyPass Result)> PassAsync(
        string? clinicId, CalendarMonth month, DateOnly asOf, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        // An unknown clinic is known before the pass, not after minutes of reading.
        if (clinicId is not null)
        {
            (await ClinicDirectory.LoadAsync(_database, cancellationToken)).Require(clinicId);
        }

        var result = await _analysis.MonthlyAsync(month, asOf, withFlaggedPatients: true, progress, cancellationToken);
        return (new MonthlyReportMapper(result.Metrics, result.FlaggedPatients, result.Clinics, _retentionOptions, _reportsOptions), result);
    }
}

using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Reports.Snapshots;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>Which monthly workbooks one <see cref="MonthlyReportService"/> run writes, all from one pass over the data.</summary>
internal sealed record MonthlyReportRequest
{
    /// <summary>The report month M.</summary>
    public required CalendarMonth Month { get; init; }

    /// <summary>D, the date every number is counted as of; null for the day after <see cref="Month"/>.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Write the all-clinics workbook <c>retention-YYYY-MM.xlsx</c> (default yes).</summary>
    public bool AllClinics { get; init; } = true;

    /// <summary>Also write this clinic's workbook; null for none.</summary>
    public string? ClinicId { get; init; }

    /// <summary>Also write every clinic's workbook.</summary>
    public bool EveryClinic { get; init; }

    /// <summary>
    /// Recompute past months instead of showing them as first reported, keep the new numbers, and list
    /// the months whose numbers changed on the Definitions sheet.
    /// </summary>
    public bool Restate { get; init; }

    /// <summary>The folder the workbooks and their charts go to.</summary>
    public required string OutputDirectory { get; init; }
}

/// <summary>
/// Writes the monthly retention workbooks: one pass of the retention engine over every patient's history
/// (as of one date), then the all-clinics workbook and any clinic's workbook from that same pass, so the
/// group's and the clinics' numbers always agree. One way through: the pass → each scope's
/// <see cref="FreshNumbers"/> → its <see cref="KeptNumbers"/> (past months as first reported,
/// <see cref="ReportSnapshots"/>, unless restating; what front desk's outreach achieved,
/// <see cref="OutreachNumbers"/>, read once for every scope) → <see cref="MonthlyReportMapper"/> → the
/// writer. The command line, the monthly job and the demo call it.
/// </summary>
internal sealed class MonthlyReportService
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
        var result = await PassAsync(request.ClinicId, request.Month, AsOfDates.ForMonth(request.Month, request.AsOf), progress, cancellationToken);
        var metrics = result.Metrics;
        IEnumerable<string> scopes = request.AllClinics || request.EveryClinic ? FreshNumbers.ScopeIds(metrics) : request.ClinicId is null ? [] : [request.ClinicId];
        var mapper = await MapperWithKeptNumbersAsync(result, scopes, request.Restate, cancellationToken);

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

        return new MonthlyReportRun(metrics.Month, metrics.AsOf, result.Patients, workbooks);
    }

    /// <summary>One report's model, all clinics (<paramref name="clinicId"/> null) or one clinic, from a pass of its own.</summary>
    public async Task<MonthlyReport> BuildAsync(string? clinicId, CalendarMonth month, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var result = await PassAsync(clinicId, month, asOf, null, cancellationToken);
        var mapper = await MapperWithKeptNumbersAsync(result, clinicId is null ? FreshNumbers.ScopeIds(result.Metrics) : [clinicId], restate: false, cancellationToken);
        return clinicId is null ? mapper.ForAllClinics() : mapper.ForClinic(clinicId);
    }

    /// <summary>
    /// Each scope's kept numbers (its fresh numbers merged with those earlier workbooks kept, and its
    /// outreach numbers), before any workbook is built, and the mapper that builds the reports from them.
    /// The all-clinics workbook needs every clinic's too: its "what changed" sentences name clinics. The
    /// clinic directory is the pass's, and the outreach activity is read once for every scope.
    /// </summary>
    private async Task<MonthlyReportMapper> MapperWithKeptNumbersAsync(MonthlyPass result, IEnumerable<string> scopeIds, bool restate, CancellationToken cancellationToken)
    {
        var metrics = result.Metrics;
        var scopes = scopeIds.Distinct(StringComparer.Ordinal).ToList();
        var outreach = await _outreach.ForReportsAsync(
            result.Clinics, [.. scopes.Select(scopeId => scopeId == ScopeMetrics.AllClinics ? null : scopeId)], FreshNumbers.TrendMonths(metrics), metrics.AsOf, cancellationToken);
        var kept = new Dictionary<string, KeptNumbers>(StringComparer.Ordinal);
        foreach (var (scopeId, scopeOutreach) in scopes.Zip(outreach))
        {
            var fresh = FreshNumbers.ScopeOf(metrics, scopeId);
            var snapshots = await _snapshots.ApplyAsync(
                new ReportSnapshotRequest(scopeId, metrics.AsOf, FreshNumbers.TrendOf(metrics, fresh), FreshNumbers.CohortsOf(fresh), scopeOutreach.Months, restate), cancellationToken);
            kept[scopeId] = new KeptNumbers(snapshots, scopeOutreach with { Months = snapshots.Outreach });
        }

        return new MonthlyReportMapper(metrics, result.FlaggedPatients, result.Clinics, _retentionOptions, _reportsOptions, kept);
    }

    /// <summary>
    /// The one pass over every patient's history. Even a single clinic's report reads every patient: an
    /// episode counts for the clinic it took place at, whoever's patient it was.
    /// </summary>
    private async Task<MonthlyPass> PassAsync(
        string? clinicId, CalendarMonth month, DateOnly asOf, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        // An unknown clinic is known before the pass, not after minutes of reading.
        if (clinicId is not null)
        {
            (await ClinicDirectory.LoadAsync(_database, cancellationToken)).Require(clinicId);
        }

        return await _analysis.MonthlyAsync(month, asOf, withFlaggedPatients: true, progress, cancellationToken);
    }
}

/// <summary>What one <see cref="MonthlyReportService"/> run wrote: every workbook with its charts, all clinics first.</summary>
/// <param name="Patients">How many patients' histories the one pass read.</param>
internal sealed record MonthlyReportRun(CalendarMonth Month, DateOnly AsOf, int Patients, IReadOnlyList<MonthlyReportFiles> Workbooks);

/// <summary>What a monthly report run wrote: the workbook and the chart images beside it.</summary>
internal sealed record MonthlyReportFiles(string WorkbookPath, IReadOnlyList<string> ChartPaths);

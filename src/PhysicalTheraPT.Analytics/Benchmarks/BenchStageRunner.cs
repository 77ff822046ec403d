using System.Diagnostics;
using System.Globalization;
using Dapper;
using System.Runtime;
using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Files;
using PhysicalTheraPT.Analytics.Import;
using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Benchmarks;

/// <summary>
/// Measures one benchmark stage in this process: prepares what the stage needs (untimed), warms it up,
/// then the timed runs, and reads the process's peak memory at the end. Meant to run in a process of its
/// own per stage, so one stage's memory does not show in the next one's peak.
/// </summary>
internal sealed class BenchStageRunner
{
    /// <summary>The outreach list size of the target (a large clinic's list after a long gap).</summary>
    private const int OutreachRows = 5000;

    /// <summary>
    /// A warm-up run after which the JIT spent at most this share of the run compiling ends the warm-up.
    /// </summary>
    /// <remarks>
    /// Tiered compilation recompiles a method once it is hot, with profile data, on a background thread,
    /// over several runs of a stage. On these 2 cores it takes the time of the work itself: the 1.25M flags
    /// pass on PostgreSQL spent 0.3–0.7 s of each of its first three runs compiling, against 0.02–0.14 s
    /// later, and one warm-up left the timed runs 0.3 s slower than the steady state. A long-running server
    /// (<c>serve</c>) runs the nightly jobs in that steady state, and the floor reaches it after one run.
    /// </remarks>
    private const double SettledJitShare = 0.05;

    /// <summary>Warm-up runs at most, however busy the JIT stays.</summary>
    private const int MaxWarmUpRuns = 8;

    private readonly AnalyticsDatabase _database;
    private readonly RetentionAnalysis _analysis;
    private readonly IOptions<RetentionOptions> _retentionOptions;
    private readonly IOptions<ReportsOptions> _reportsOptions;
    private readonly IOptions<ImportOptions> _importOptions;
    private readonly MonthlyWorkbookWriter _workbookWriter;
    private readonly OutreachListWriter _outreachWriter;
    private readonly RefreshFlagsJob _refreshFlags;
    private readonly BenchDataPreparer _preparer;
    private readonly TimeProvider _timeProvider;

    /// <summary>What a stage changes before each of its runs, untimed (the nightly-incremental stage's night of change); null for most.</summary>
    private Func<Task>? _nightChange;

    public BenchStageRunner(
        AnalyticsDatabase database,
        RetentionAnalysis analysis,
        IOptions<RetentionOptions> retentionOptions,
        IOptions<ReportsOptions> reportsOptions,
        IOptions<ImportOptions> importOptions,
        MonthlyWorkbookWriter workbookWriter,
        OutreachListWriter outreachWriter,
        RefreshFlagsJob refreshFlags,
        BenchDataPreparer preparer,
        TimeProvider timeProvider)
    {
        _refreshFlags = refreshFlags;
        _preparer = preparer;
        _database = database;
        _analysis = analysis;
        _retentionOptions = retentionOptions;
        _reportsOptions = reportsOptions;
        _importOptions = importOptions;
        _workbookWriter = workbookWriter;
        _outreachWriter = outreachWriter;
        _timeProvider = timeProvider;
    }

    public async Task<BenchStageMeasurement> MeasureAsync(BenchStage stage, BenchStageSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var startedUp = StartUp();
        FileModes.CreateFolder(settings.WorkDirectory);
        // Whatever an earlier nightly-incremental stage added goes first: every stage measures the seeded history.
        if (await _preparer.RemoveNightChangesAsync(cancellationToken) > 0)
        {
            await _preparer.SettleAsync(cancellationToken);
        }

        _nightChange = null;
        var (run, note) = await PrepareAsync(stage, settings, cancellationToken);

        var rows = 0L;
        var warmUpRuns = 0;
        var jitShare = 1.0;
        var cold = 0.0;
        while (warmUpRuns < MaxWarmUpRuns && jitShare > SettledJitShare)
        {
            await BeforeEachRunAsync();
            var compiling = JitInfo.GetCompilationTime();
            var stopwatch = Stopwatch.StartNew();
            rows = await run();
            jitShare = (JitInfo.GetCompilationTime() - compiling) / stopwatch.Elapsed;
            cold = warmUpRuns == 0 ? (startedUp + stopwatch.Elapsed).TotalSeconds : cold;
            warmUpRuns++;
        }

        var seconds = new List<double>(settings.Runs);
        var readBefore = DiskReads.Megabytes();
        for (var index = 0; index < settings.Runs; index++)
        {
            await BeforeEachRunAsync();
            var stopwatch = Stopwatch.StartNew();
            rows = await run();
            seconds.Add(stopwatch.Elapsed.TotalSeconds);
        }

        return new BenchStageMeasurement
        {
            Stage = stage.ToName(),
            Rows = rows,
            WarmUpRuns = warmUpRuns,
            Seconds = seconds,
            ColdSeconds = [cold],
            PeakMegabytes = PeakMemory.Megabytes(),
            DiskReadMegabytes = DiskReads.Megabytes() - readBefore,
            Note = note,
        };
    }

    /// <summary>
    /// From this process's start (the runtime's start-up included) to now: with the first run, the stage's
    /// cold figure where no user command does its work. The untimed preparation after this is left out.
    /// </summary>
    private static TimeSpan StartUp()
    {
        using var process = Process.GetCurrentProcess();
        return DateTime.Now - process.StartTime;
    }

    /// <summary>The stage's timed action (returning the rows it handled) and what to say about it.</summary>
    private async Task<(Func<Task<long>> Run, string? Note)> PrepareAsync(BenchStage stage, BenchStageSettings settings, CancellationToken cancellationToken)
    {
        switch (stage)
        {
            case BenchStage.Floor:
                return (() => ReadFloorAsync(cancellationToken), "appointment rows through Dapper, unbuffered, nothing else");
            case BenchStage.Flags:
                _refreshFlags.ForceFullPass = true;
                return (await EachRunTheNextNightAsync(work => _refreshFlags.StoreFlagsAsync(work, cancellationToken), cancellationToken),
                    "read + compute + store: refresh-flags' one pass for all clinics, each run the next night's sets stored (streamed, batched)");
            case BenchStage.Nightly:
                _refreshFlags.ForceFullPass = true;
                return (await EachRunTheNextNightAsync(work => _refreshFlags.RunAsync(work, cancellationToken), cancellationToken),
                    "the whole refresh-flags job as a full pass, each run the next night: every clinic's set stored, then each clinic's outreach queue refreshed from it");
            case BenchStage.NightlyIncremental:
                return (await IncrementalNightsAsync(cancellationToken),
                    "the whole refresh-flags job, incremental: each run the next night after 0.5% of the patients got a new booking (untimed); rows = appointments in the database");

            case BenchStage.Metrics:
            {
                var appointments = await CountAppointmentsAsync(cancellationToken);
                var asOf = AsOfDates.ForMonth(BenchDataset.ReportMonth);
                return (async () =>
                {
                    await _analysis.MonthlyAsync(BenchDataset.ReportMonth, asOf, withFlaggedPatients: false, cancellationToken: cancellationToken);
                    return appointments;
                }, $"all clinics, {BenchDataset.ReportMonth}");
            }

            case BenchStage.Duckdb:
                return await DuckDbPeer.PrepareStageAsync(
                    _database, _analysis, _retentionOptions.Value, Path.GetDirectoryName(Path.GetFullPath(settings.ImportDirectory))!, cancellationToken);

            case BenchStage.Workbook:
            {
                var report = await MonthlyReportAsync(cancellationToken);
                return (() =>
                {
                    _workbookWriter.Write(report, settings.WorkDirectory);
                    return Task.FromResult((long)report.PatientsToCall.Count);
                }, $"all-clinics workbook with charts for {BenchDataset.ReportMonth}; rows = patients to call; the engine pass before it is not timed");
            }

            case BenchStage.Outreach:
            {
                var list = SyntheticOutreachList.Create(OutreachRows, BenchDataset.Until);
                return (() => Task.FromResult((long)_outreachWriter.Write(list, settings.WorkDirectory).RowsWritten), "synthetic 5,000-row list");
            }

            case BenchStage.Import:
                return (() => ImportIntoFreshSqliteAsync(settings, cancellationToken), "seeded CSV files into a fresh SQLite database; rows = appointments");
            case BenchStage.Sync:
                return (async () =>
                {
                    var (store, appointments) = await BenchSync().SyncIntoFreshStoreAsync(settings.WorkDirectory, cancellationToken);
                    Benchmarks.BenchSync.Delete(store);
                    return appointments;
                }, $"a database source over this {_database.Dialect.Name} database into a fresh SQLite store, mirrored; compare with import");

            case BenchStage.Resync:
            {
                var (store, _) = await BenchSync().SyncIntoFreshStoreAsync(settings.WorkDirectory, cancellationToken);
                return (() => BenchSync().SyncAsync(store, cancellationToken), $"the same {_database.Dialect.Name} source again into a SQLite store holding it all, nothing changed; compare with source-read");
            }

            case BenchStage.SourceRead:
                return (() => BenchSync().ReadSourceAsync(cancellationToken), $"the sync's {_database.Dialect.Name} source read: five queries through the source reader, unbuffered, values in the contract's form, nothing checked or written");

            default:
                throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown benchmark stage.");
        }
    }

    private BenchSync BenchSync() => new(_database, _importOptions, _timeProvider);

    private async Task<long> ReadFloorAsync(CancellationToken cancellationToken)
    {
        var rows = 0L;
        await foreach (var _ in new PatientHistoryReader(_database).ReadAppointmentRowsAsync(null, cancellationToken))
        {
            rows++;
        }

        return rows;
    }

    /// <summary>
    /// A run of (part of) the nightly job for the nights after the seeded history, each run the next night,
    /// as in production: a new set per clinic each night, and each clinic's queue brought from the night
    /// before to this one. The nights earlier benchmark runs stored go first (untimed), so each run finds
    /// the table as a month of nights would leave it, not a pile of benchmark nights. A run handles every
    /// appointment in the database.
    /// </summary>
    private async Task<Func<Task<long>>> EachRunTheNextNightAsync(Func<JobWorkItem, Task> job, CancellationToken cancellationToken)
    {
        await _preparer.RemoveBenchmarkNightsAsync(cancellationToken);
        var appointments = await CountAppointmentsAsync(cancellationToken);
        var night = 0;
        return async () =>
        {
            // Exactly the nightly job's work item when the clinics share a date (JobPlanner).
            await job(JobWorkItem.ForDate(JobNames.RefreshFlags, null, BenchDataset.Until.AddDays(++night)));
            return appointments;
        };
    }

    /// <summary>
    /// The nightly-incremental stage: night 1 refreshed by a full pass (untimed, as the night before), then
    /// each run the next night, incremental, after that night's change (<see cref="BeforeEachRunAsync"/>).
    /// </summary>
    private async Task<Func<Task<long>>> IncrementalNightsAsync(CancellationToken cancellationToken)
    {
        await _preparer.RemoveBenchmarkNightsAsync(cancellationToken);
        var patients = new List<(string PatientId, string ClinicId)>();
        await using (var connection = await _database.OpenAsync(cancellationToken))
        {
            patients.AddRange(await connection.QueryAsync<(string, string)>(new CommandDefinition("SELECT patient_id, clinic_id FROM patients ORDER BY patient_id", cancellationToken: cancellationToken)));
        }

        _refreshFlags.ForceFullPass = true;
        await _refreshFlags.RunAsync(JobWorkItem.ForDate(JobNames.RefreshFlags, null, BenchDataset.Until.AddDays(1)), cancellationToken);
        _refreshFlags.ForceFullPass = false;
        var appointments = await CountAppointmentsAsync(cancellationToken);
        var night = 1;
        _nightChange = () => AddNightChangeAsync(patients, night + 1, cancellationToken);
        return async () =>
        {
            await _refreshFlags.RunAsync(JobWorkItem.ForDate(JobNames.RefreshFlags, null, BenchDataset.Until.AddDays(++night)), cancellationToken);
            return appointments;
        };
    }

    /// <summary>A typical night's change: one patient in 200 (a different 0.5 % each night) books a visit a week ahead.</summary>
    private async Task AddNightChangeAsync(IReadOnlyList<(string PatientId, string ClinicId)> patients, int night, CancellationToken cancellationToken)
    {
        var day = BenchDataset.Until.AddDays(night + 7).ToDateTime(new TimeOnly(10, 0));
        var bookings = patients
            .Where((_, index) => (index + (night * 37)) % 200 == 0)
            .Select((patient, index) => new AppointmentRow(
                string.Create(CultureInfo.InvariantCulture, $"{BenchDataPreparer.NightChangePrefix}{night:D3}-{index:D6}"),
                patient.PatientId, patient.ClinicId, null, null, index % 2 == 0 ? "pt" : "maintenance_massage", day, "booked", null))
            .ToList();
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await new ClinicDataWriter(connection, transaction, _database.Dialect).UpsertAppointmentsAsync(bookings, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private Task BeforeEachRunAsync() => _nightChange?.Invoke() ?? Task.CompletedTask;

    private async Task<long> CountAppointmentsAsync(CancellationToken cancellationToken) =>
        (await ClinicDataCounter.CountAsync(_database, cancellationToken)).Appointments;

    private async Task<MonthlyReport> MonthlyReportAsync(CancellationToken cancellationToken)
    {
        // As MonthlyReportService asks: the flags without their texts.
        var result = await _analysis.MonthlyAsync(BenchDataset.ReportMonth, AsOfDates.ForMonth(BenchDataset.ReportMonth), withFlaggedPatients: true, cancellationToken: cancellationToken);
        return new MonthlyReportMapper(result.Metrics, result.FlaggedPatients, result.Clinics, _retentionOptions.Value, _reportsOptions.Value).ForAllClinics();
    }

    private async Task<long> ImportIntoFreshSqliteAsync(BenchStageSettings settings, CancellationToken cancellationToken)
    {
        var path = Path.Combine(settings.WorkDirectory, "import-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            var database = DatabaseSelection.Resolve(new DatabaseOptions { Provider = "sqlite", Path = path });
            var importer = new ClinicDataImporter(database, _importOptions, _timeProvider);
            var result = await importer.ImportAsync(new ImportRequest(settings.ImportDirectory), null, cancellationToken);
            if (!result.Committed)
            {
                throw new InvalidOperationException($"The benchmark's seeded files in {settings.ImportDirectory} did not import: {result.ErrorCount} error(s).");
            }

            return result.Files.Single(file => file.FileName == "appointments.csv").Read;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.EnumerateFiles(settings.WorkDirectory, Path.GetFileName(path) + "*"))
            {
                File.Delete(file);
            }
        }
    }
}

/// <summary>How one stage is measured: on which dataset, how many timed runs, where its files go.</summary>
/// <param name="ImportDirectory">The seeded contract CSV files the import stage reads.</param>
/// <param name="WorkDirectory">A folder of the stage's own for the files it writes; the caller deletes it.</param>
internal sealed record BenchStageSettings(BenchDataset Dataset, int Runs, string ImportDirectory, string WorkDirectory);

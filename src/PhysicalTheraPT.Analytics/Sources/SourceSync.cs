using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Import;

namespace PhysicalTheraPT.Analytics.Sources;

/// <summary>
/// <c>ptanalytics sync</c> and the nightly <c>sync</c> job: pulls one source into the store in ONE
/// transaction, so a failure leaves the previous copy whole. Every row goes through the import's checks
/// (<see cref="ImportRun"/>: same rules, same messages, SkipInvalid as <c>--skip-invalid</c>) and the
/// same writer; a <c>database</c> or <c>openemr</c> source (and a folder in <c>Mode: mirror</c>) is then
/// mirrored: the rows of its clinics it no longer returns are removed (<see cref="ClinicDataMirror"/>),
/// within the guard against a broken source (<see cref="SourceOptions.MaxRemovedFraction"/>).
/// </summary>
internal sealed class SourceSync
{
    private readonly AnalyticsDatabase _database;
    private readonly IReadOnlyList<ISourceKind> _kinds;
    private readonly ImportOptions _import;
    private readonly SourceSyncStore _store;
    private readonly TimeProvider _time;

    public SourceSync(AnalyticsDatabase database, IEnumerable<ISourceKind> kinds, IOptions<SourcesOptions> sources, IOptions<ImportOptions> import, SourceSyncStore store, TimeProvider time)
    {
        _database = database;
        _kinds = kinds.ToList();
        Sources = sources.Value;
        _import = import.Value;
        _store = store;
        _time = time;
    }

    public SourcesOptions Sources { get; }

    public SourceSyncStore Store => _store;

    /// <summary>Checks a source's settings for its kind without opening it.</summary>
    public void Validate(int index, SourceOptions source) => KindOf(source, index).Validate(source, index);

    /// <summary>
    /// Syncs one source (entry <paramref name="index"/> of <c>Sources</c>) and records how it ended. Throws
    /// <see cref="UserInputException"/> for what a person must fix (not retried) and
    /// <see cref="SourceUnavailableException"/> for what waiting may cure.
    /// </summary>
    public async Task<SyncResult> SyncAsync(int index, SourceOptions source, SyncRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var kind = KindOf(source, index);
        try
        {
            kind.Validate(source, index);
            var result = kind is FolderSourceKind folder
                ? await folder.SyncAsync(this, index, source, request, progress, cancellationToken)
                : await SyncOpenedAsync(kind, index, source, request, progress, cancellationToken);
            result = result with { Elapsed = _time.GetElapsedTime(started) };
            if (result.Wrote)
            {
                await _store.RecordOutcomeAsync(source.Name, succeeded: true, CancellationToken.None);
            }

            return result;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await TryRecordFailureAsync(source.Name);
            throw;
        }
    }

    /// <summary>
    /// The write half of every sync: reads each contract table <paramref name="open"/> gives, in dependency
    /// order, checks and upserts its rows, mirrors when asked, and commits (after
    /// <paramref name="beforeCommit"/>) or leaves the store as it was.
    /// </summary>
    internal async Task<IReadOnlyList<SyncTableCounts>> WriteAsync(
        SyncTarget target,
        Func<ContractFile, CancellationToken, Task<SyncTableInput?>> open,
        Func<DbConnection, DbTransaction, Task>? beforeCommit,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await ApplyAsync(connection, _database.Dialect.BulkWriteSettings(_import.SqliteCacheMegabytes), cancellationToken);
        try
        {
            return await WriteInTransactionAsync(connection, target, open, beforeCommit, progress, cancellationToken);
        }
        finally
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await ApplyAsync(connection, _database.Dialect.DefaultWriteSettings, CancellationToken.None);
            }
        }
    }

    private async Task<SyncResult> SyncOpenedAsync(ISourceKind kind, int index, SourceOptions source, SyncRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        Exception Translate(Exception exception) => SourceErrors.Translate(exception, source, index);
        IClinicDataSource data;
        try
        {
            data = await kind.OpenAsync(source, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw Translate(exception);
        }

        await using (data)
        {
            var statuses = new StatusMap(source.Statuses, $"Sources:{index}:Statuses");
            var rejectsPath = source.SkipInvalid
                ? Path.Combine(AnalyticsPaths.DataDirectory, "rejects", $"{source.Name}-{_time.GetLocalNow():yyyyMMdd-HHmmss}.csv")
                : null;
            var target = new SyncTarget(index, source, Mirror: true, request.AllowLargeRemoval, rejectsPath);
            var tables = await WriteAsync(target, async (file, token) =>
            {
                SourceTable? table;
                try
                {
                    table = await data.OpenTableAsync(file, token);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    throw Translate(exception);
                }

                if (table is null)
                {
                    return file == ContractFile.Episodes
                        ? null
                        : throw new UserInputException($"Source {source.Name} has no {DatabaseSourceKind.QueryName(file)} table; every source needs clinics, providers, patients and appointments.");
                }

                var returned = new ReturnedIds();
                var records = new SourceRecords($"{source.Name} {DatabaseSourceKind.QueryName(file).ToLowerInvariant()}", file, table, Translate);
                return new SyncTableInput(returned.Track(statuses.Apply(records)), returned, returned, records);
            }, beforeCommit: null, progress, cancellationToken);
            return new SyncResult(source.Name, source.Kind, tables, TimeSpan.Zero, rejectsPath is not null && tables.Any(table => table.Rejected > 0) ? rejectsPath : null);
        }
    }

    private async Task<IReadOnlyList<SyncTableCounts>> WriteInTransactionAsync(
        DbConnection connection,
        SyncTarget target,
        Func<ContractFile, CancellationToken, Task<SyncTableInput?>> open,
        Func<DbConnection, DbTransaction, Task>? beforeCommit,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        var source = target.Source;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var index = await ReferenceIndex.LoadAsync(connection, transaction, cancellationToken);
        var previousClinics = await SourceSyncStore.ClinicsOfAsync(connection, transaction, source.Name, cancellationToken);
        // The rows of the clinics this source brought before are what it most likely returns again: only
        // those that are new or differ are written (a first sync has none stored and writes everything).
        await using var stored = new StoredRowHashes(
            connection, transaction, _database.Dialect, previousClinics, StoredRowHashes.HasSecondConnection(_database) ? _database.OpenAsync : null);
        var writer = new ClinicDataWriter(connection, transaction, _database.Dialect, stored);
        writer.ReadStoredAppointmentsAhead();
        var mirror = new ClinicDataMirror(connection, transaction, _database.Dialect, _database.WriteBatchRows);
        var countsBefore = await CountAsync(mirror, cancellationToken);
        var appointmentsBefore = await mirror.CountAppointmentsAsync(cancellationToken);

        Func<RejectsFile>? rejects = target.RejectsPath is { } rejectsPath
            ? () =>
            {
                Directory.CreateDirectory(Path.GetDirectoryName(rejectsPath)!);
                return RejectsFile.Create(rejectsPath);
            }
            : null;
        using var run = new ImportRun(writer, _import, source.SkipInvalid, rejects, progress);
        var services = new ServiceNameMap(MergedServiceNames(source));
        var returned = new Dictionary<ContractFile, ReturnedIds>();
        var summaries = new Dictionary<ContractFile, ImportFileSummary>();
        foreach (var file in ContractFile.InDependencyOrder)
        {
            if (await open(file, cancellationToken) is not { } input)
            {
                continue;
            }

            try
            {
                if (input.Records.HeaderProblems.Count > 0)
                {
                    throw new UserInputException($"Source {source.Name}: nothing was synced. {string.Join(" ", input.Records.HeaderProblems)}");
                }

                returned[file] = input.Returned;
                summaries[file] = await ImportTableAsync(run, index, services, input, cancellationToken);
            }
            finally
            {
                input.Records.Dispose();
                if (input.Owned is not null)
                {
                    await input.Owned.DisposeAsync();
                }
            }
        }

        if (!run.MayCommit)
        {
            throw Refused(target, run);
        }

        var countsWritten = await CountAsync(mirror, cancellationToken);
        var removed = new Dictionary<ContractFile, int>();
        if (target.Mirror)
        {
            var scope = previousClinics.Concat(returned.Values.SelectMany(ids => ids.PerClinic.Keys)).Distinct(StringComparer.Ordinal).ToList();
            foreach (var table in ClinicDataMirror.RemovalOrder)
            {
                var file = ContractFile.InDependencyOrder.First(candidate => candidate.FileName == table.Name + ".csv");
                if (!returned.TryGetValue(file, out var ids))
                {
                    continue;
                }

                // Most nights every stored row comes back: the hashes read for the writes already say so,
                // and reading the ids again would cost as much as reading them the first time.
                IReadOnlyList<(string Id, string ClinicId)> missing = stored.AllReturned(table.Name, scope, ids.ContainsHash) == true
                    ? []
                    : await mirror.FindMissingAsync(table, scope, ids.Contains, cancellationToken);
                if (file == ContractFile.Appointments && !target.AllowLargeRemoval)
                {
                    GuardAgainstLargeRemoval(target, missing, appointmentsBefore, ids);
                }

                removed[file] = await mirror.RemoveAsync(table, missing.Select(row => row.Id), cancellationToken);
            }
        }

        if (returned.TryGetValue(ContractFile.Clinics, out var clinics))
        {
            await SourceSyncStore.RecordClinicsAsync(
                connection, transaction, _database.Dialect, source.Name, clinics.PerClinic.Keys.Where(index.Clinics.Contains), cancellationToken);
        }

        if (beforeCommit is not null)
        {
            await beforeCommit(connection, transaction);
        }

        await transaction.CommitAsync(cancellationToken);
        run.Rejects?.Complete();
        return summaries.Select(pair =>
        {
            var (file, summary) = (pair.Key, pair.Value);
            var table = file.FileName[..^".csv".Length];
            var added = Math.Clamp(countsWritten[table] - countsBefore[table], 0, summary.NewOrChanged);
            return new SyncTableCounts(table, summary.Read, added, summary.NewOrChanged - added, summary.Unchanged, removed.GetValueOrDefault(file), summary.Rejected);
        }).ToList();
    }

    private static async Task<ImportFileSummary> ImportTableAsync(ImportRun run, ReferenceIndex index, ServiceNameMap services, SyncTableInput input, CancellationToken cancellationToken)
    {
        var file = input.Records.File;
        return file == ContractFile.Clinics ? await run.ImportRecordsAsync(new ClinicsCsv(index), input.Records, input.Duplicates, cancellationToken)
            : file == ContractFile.Providers ? await run.ImportRecordsAsync(new ProvidersCsv(index), input.Records, input.Duplicates, cancellationToken)
            : file == ContractFile.Patients ? await run.ImportRecordsAsync(new PatientsCsv(index), input.Records, input.Duplicates, cancellationToken)
            : file == ContractFile.Episodes ? await run.ImportRecordsAsync(new EpisodesCsv(index), input.Records, input.Duplicates, cancellationToken)
            : await run.ImportRecordsAsync(new AppointmentsCsv(index, services), input.Records, input.Duplicates, cancellationToken);
    }

    /// <summary>
    /// Refuses a sync that would remove more than MaxRemovedFraction of a clinic's appointments, or that
    /// returned none for a clinic that had some: a broken view, a wrong database or an emptied export look
    /// exactly like that, and mirroring it would wipe the clinic's history.
    /// </summary>
    private static void GuardAgainstLargeRemoval(
        SyncTarget target, IReadOnlyList<(string Id, string ClinicId)> missing, IReadOnlyDictionary<string, int> before, ReturnedIds returned)
    {
        var fraction = target.Source.MaxRemovedFraction;
        var problems = new List<string>();
        foreach (var clinic in missing.GroupBy(row => row.ClinicId, StringComparer.Ordinal).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            var had = before.GetValueOrDefault(clinic.Key);
            var removing = clinic.Count();
            if (had > 0 && returned.PerClinic.GetValueOrDefault(clinic.Key) == 0)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"it returned no appointments for clinic {clinic.Key}, which has {had}"));
            }
            else if (removing > had * fraction)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"it would remove {removing} of clinic {clinic.Key}'s {had} appointments ({(double)removing / had:P0}), more than Sources:{target.Index}:MaxRemovedFraction ({fraction:P0})"));
            }
        }

        if (problems.Count > 0)
        {
            throw new UserInputException(
                $"Source {target.Source.Name}: nothing was changed: {string.Join("; ", problems)}. A broken view, a wrong database or a half-written export looks " +
                $"exactly like this. If the removal is real, run `ptanalytics sync --source {target.Source.Name} --allow-large-removal` once.");
        }
    }

    private static UserInputException Refused(SyncTarget target, ImportRun run)
    {
        var lines = run.Errors.Select(error => error.ToString()).ToList();
        if (run.ErrorCount > run.Errors.Count)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"and {run.ErrorCount - run.Errors.Count} more"));
        }

        var hints = new List<string>();
        if (run.Errors.Any(error => error.Column == "status"))
        {
            hints.Add($"Map the source's own status values to the contract's in Sources:{target.Index}:Statuses (e.g. \"Statuses\": {{ \"Arrived\": \"completed\" }}).");
        }

        if (run.Errors.Any(error => error.Column == "service"))
        {
            hints.Add($"Map the source's own service names in Sources:{target.Index}:ServiceNames.");
        }

        return new UserInputException(
            $"Source {target.Source.Name}: nothing was synced: {run.ErrorCount} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, lines)}{Environment.NewLine}" +
            $"{string.Join(" ", hints)}{(hints.Count > 0 ? " " : "")}Fix them at the source, or set Sources:{target.Index}:SkipInvalid to sync the valid rows and set the others aside in a rejects file.");
    }

    private async Task<Dictionary<string, int>> CountAsync(ClinicDataMirror mirror, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in ContractFile.InDependencyOrder)
        {
            var table = file.FileName[..^".csv".Length];
            counts[table] = await mirror.CountAsync(table, cancellationToken);
        }

        return counts;
    }

    private Dictionary<string, string> MergedServiceNames(SourceOptions source)
    {
        var names = new Dictionary<string, string>(_import.ServiceNames, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, service) in source.ServiceNames)
        {
            names[name] = service;
        }

        return names;
    }

    private ISourceKind KindOf(SourceOptions source, int index) =>
        _kinds.LastOrDefault(kind => kind.Kind.Equals(source.Kind, StringComparison.OrdinalIgnoreCase))
        ?? throw new UserInputException($"Sources:{index}:Kind '{source.Kind}' is not available in this build; the kinds are {string.Join(", ", _kinds.Select(kind => kind.Kind))}.");

    private async Task TryRecordFailureAsync(string sourceName)
    {
        try
        {
            await _store.RecordOutcomeAsync(sourceName, succeeded: false, CancellationToken.None);
        }
#pragma warning disable CA1031 // The sync's own failure matters more than its record (the store may be what failed).
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private static async Task ApplyAsync(DbConnection connection, string? settings, CancellationToken cancellationToken)
    {
        if (settings is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(settings, cancellationToken: cancellationToken));
        }
    }
}

/// <summary>How a sync may change the store: <see cref="AllowLargeRemoval"/> lifts the guard for this run (<c>--allow-large-removal</c>).</summary>
internal sealed record SyncRequest(bool AllowLargeRemoval = false);

/// <summary>What one sync writes to: the source (and its entry's index, for messages), whether it mirrors, and the rejects file under SkipInvalid.</summary>
internal sealed record SyncTarget(int Index, SourceOptions Source, bool Mirror, bool AllowLargeRemoval, string? RejectsPath);

/// <summary>
/// One contract table as a sync reads it: the records (already told to <paramref name="Returned"/>), the
/// duplicate check, and what to dispose once read (a query's reader).
/// </summary>
internal sealed record SyncTableInput(IContractRecords Records, IDuplicateIds Duplicates, ReturnedIds Returned, IAsyncDisposable? Owned);

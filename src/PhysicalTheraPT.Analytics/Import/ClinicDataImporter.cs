using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Import;

/// <summary>
/// <c>ptanalytics import --from DIR</c>: reads the contract files present in a folder, in dependency order
/// (clinics, providers, patients, episodes, appointments), and upserts them by id inside ONE transaction,
/// so an import lands whole or not at all and importing the same files again changes nothing.
/// </summary>
internal sealed class ClinicDataImporter : ISqlStatements
{
    private readonly AnalyticsDatabase _database;
    private readonly ImportOptions _options;
    private readonly TimeProvider _timeProvider;

    public ClinicDataImporter(AnalyticsDatabase database, IOptions<ImportOptions> options, TimeProvider timeProvider)
    {
        _database = database;
        _options = options.Value;
        _timeProvider = timeProvider;
    }

    public async Task<ImportResult> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        if (_options.BatchSize < 1 || _options.MaxErrorsListed < 0 || _options.SqliteCacheMegabytes < 1)
        {
            throw new UserInputException(
                "Import:BatchSize and Import:SqliteCacheMegabytes must be at least 1, and Import:MaxErrorsListed at least 0.");
        }

        var services = new ServiceNameMap(_options.ServiceNames);
        var files = ContractFolder.Find(request.Directory);

        await using var connection = await _database.OpenAsync(cancellationToken);
        await ApplyAsync(connection, _database.Dialect.BulkWriteSettings(_options.SqliteCacheMegabytes), cancellationToken);
        try
        {
            return await ImportInTransactionAsync(connection, request, files, services, progress, cancellationToken);
        }
        finally
        {
            // The connection goes back to the pool: leave it as any other user expects it.
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await ApplyAsync(connection, _database.Dialect.DefaultWriteSettings, CancellationToken.None);
            }
        }
    }

    public IEnumerable<KeyValuePair<string, string>> StatementsFor(SqlDialect dialect)
    {
        if (dialect.BulkWriteSettings(new ImportOptions().SqliteCacheMegabytes) is { } bulkWrite)
        {
            yield return new("bulk write settings", bulkWrite);
        }

        if (dialect.DefaultWriteSettings is { } defaults)
        {
            yield return new("default write settings", defaults);
        }
    }

    private static async Task ApplyAsync(DbConnection connection, string? settings, CancellationToken cancellationToken)
    {
        if (settings is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(settings, cancellationToken: cancellationToken));
        }
    }

    private async Task<ImportResult> ImportInTransactionAsync(
        DbConnection connection,
        ImportRequest request,
        IReadOnlyList<(ContractFile File, string Path)> files,
        ServiceNameMap services,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var index = await ReferenceIndex.LoadAsync(connection, transaction, cancellationToken);
        var writer = new ClinicDataWriter(connection, transaction, _database.Dialect);
        using var run = new ImportRun(writer, _options, request.SkipInvalid, RejectsFileFor(request), progress);

        var summaries = new List<ImportFileSummary>();
        foreach (var (file, path) in files)
        {
            summaries.Add(file.FileName switch
            {
                "clinics.csv" => await run.ImportFileAsync(new ClinicsCsv(index), path, cancellationToken),
                "providers.csv" => await run.ImportFileAsync(new ProvidersCsv(index), path, cancellationToken),
                "patients.csv" => await run.ImportFileAsync(new PatientsCsv(index), path, cancellationToken),
                "episodes.csv" => await run.ImportFileAsync(new EpisodesCsv(index), path, cancellationToken),
                _ => await run.ImportFileAsync(new AppointmentsCsv(index, services), path, cancellationToken),
            });
        }

        if (!run.MayCommit)
        {
            await transaction.RollbackAsync(cancellationToken);
            var nothingWritten = summaries.Select(summary => summary with { NewOrChanged = 0, Unchanged = 0 }).ToList();
            return new ImportResult(nothingWritten, run.Errors, run.ErrorCount, Committed: false, RejectsPath: null);
        }

        if (request.RejectsPath is not null)
        {
            // Asked for by name: written even when empty, so a script can rely on it being there.
            run.EnsureRejectsFile();
        }

        await transaction.CommitAsync(cancellationToken);
        run.Rejects?.Complete();
        return new ImportResult(summaries, run.Errors, run.ErrorCount, Committed: true, run.Rejects?.Path);
    }

    private Func<RejectsFile>? RejectsFileFor(ImportRequest request)
    {
        if (!request.SkipInvalid)
        {
            return null;
        }

        var path = request.RejectsPath
            ?? Path.Combine(request.Directory, $"rejects-{_timeProvider.GetLocalNow():yyyyMMdd-HHmmss}.csv");
        return () => RejectsFile.Create(path);
    }
}

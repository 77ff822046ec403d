using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Import;

/// <summary>
/// <c>ptanalytics import --from DIR</c>: reads the contract files present in a folder, in dependency order
/// (clinics, providers, patients, episodes, appointments), and upserts them by id inside ONE transaction,
/// so an import lands whole or not at all and importing the same files again changes nothing.
/// </summary>
internal sealed class ClinicDataImporter
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
        if (_options.BatchSize < 1 || _options.MaxErrorsListed < 0)
        {
            throw new UserInputException("Import:BatchSize must be at least 1 and Import:MaxErrorsListed at least 0.");
        }

        var services = new ServiceNameMap(_options.ServiceNames);
        var files = ContractFolder.Find(request.Directory);

        await using var connection = await _database.OpenAsync(cancellationToken);
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

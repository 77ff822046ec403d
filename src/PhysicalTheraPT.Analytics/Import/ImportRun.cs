using System.Data.Common;
using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Import;

/// <summary>
/// One import in progress: streams each file record by record, checks it, writes the good rows in batches
/// through the <see cref="ClinicDataWriter"/> (inside the caller's transaction), and keeps the problems.
/// By default the first bad row stops all writing (the caller then rolls back), but checking goes on so
/// the report lists the problems of the whole export; with <c>--skip-invalid</c> bad rows go to the
/// rejects file and the rest are written. Memory holds one batch, not a file.
/// </summary>
internal sealed class ImportRun : IDisposable
{
    private readonly ClinicDataWriter _writer;
    private readonly ImportOptions _options;
    private readonly bool _skipInvalid;
    private readonly Func<RejectsFile>? _createRejectsFile;
    private readonly IProgress<ImportProgress>? _progress;
    private readonly List<ImportError> _errors = [];
    private RejectsFile? _rejects;

    public ImportRun(ClinicDataWriter writer, ImportOptions options, bool skipInvalid, Func<RejectsFile>? createRejectsFile, IProgress<ImportProgress>? progress)
    {
        _writer = writer;
        _options = options;
        _skipInvalid = skipInvalid;
        _createRejectsFile = createRejectsFile;
        _progress = progress;
    }

    /// <summary>The first problems found, up to <see cref="ImportOptions.MaxErrorsListed"/>.</summary>
    public IReadOnlyList<ImportError> Errors => _errors;

    public int ErrorCount { get; private set; }

    /// <summary>Whether what was written may be committed: always with --skip-invalid, else only when no row was bad.</summary>
    public bool MayCommit => _skipInvalid || ErrorCount == 0;

    public RejectsFile? Rejects => _rejects;

    /// <summary>Makes sure a rejects file exists even when no row was rejected (an explicit --rejects FILE).</summary>
    public void EnsureRejectsFile() => _rejects ??= _createRejectsFile?.Invoke();

    public Task<ImportFileSummary> ImportFileAsync<TRow>(IContractCsv<TRow> csv, string path, CancellationToken cancellationToken)
    {
        var duplicates = DuplicateIdScanner.Scan(path, csv.File, cancellationToken);
        var reader = ContractCsvReader.Open(path, csv.File);
        return ImportRecordsAsync(csv, reader, duplicates, cancellationToken);
    }

    /// <summary>
    /// Checks and writes the records of one table, from a file or from a source (Sources/); takes over
    /// <paramref name="reader"/> and disposes it.
    /// </summary>
    public async Task<ImportFileSummary> ImportRecordsAsync<TRow>(IContractCsv<TRow> csv, IContractRecords reader, IDuplicateIds duplicates, CancellationToken cancellationToken)
    {
        using var disposeReader = reader;
        var fields = new RecordFields(reader);
        var idColumn = csv.File.IdColumn;
        var batch = new List<TRow>(_options.BatchSize);
        int read = 0, written = 0, newOrChanged = 0, rejected = 0;

        while (await reader.ReadAsync(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            read++;
            // A row whose shape is broken (bad quoting, wrong field count) is reported as such: its values
            // are in the wrong columns, and a problem per column would only bury the real one.
            var row = fields.Begin() ? csv.Parse(fields) : default;
            if (duplicates.OtherLinesThan(reader.Line) is { } otherLines)
            {
                fields.Add(idColumn, $"appears again on line {string.Join(", ", otherLines)}; ids must be unique within a file, so every copy is rejected");
            }

            if (fields.HasProblems)
            {
                rejected++;
                Reject(fields, reader.RawRecord);
                var id = fields.Value(idColumn);
                if (id.Length is > 0 and <= RecordFields.MaxIdLength)
                {
                    csv.Reject(id, reader.Line);
                }
            }
            else
            {
                csv.Accept(row!);
                if (MayCommit)
                {
                    batch.Add(row!);
                }
            }

            if (!MayCommit)
            {
                batch.Clear();
            }
            else if (batch.Count >= _options.BatchSize)
            {
                newOrChanged += await WriteAsync(csv, batch, reader.Name, reader.Line, cancellationToken);
                written += batch.Count;
                batch.Clear();
            }

            if (read % _options.BatchSize == 0)
            {
                _progress?.Report(new ImportProgress(csv.File.FileName, read, FileDone: false));
            }
        }

        if (MayCommit && batch.Count > 0)
        {
            newOrChanged += await WriteAsync(csv, batch, reader.Name, reader.Line, cancellationToken);
            written += batch.Count;
        }

        _progress?.Report(new ImportProgress(csv.File.FileName, read, FileDone: true));
        return new ImportFileSummary(csv.File.FileName, read, newOrChanged, written - newOrChanged, rejected);
    }

    public void Dispose() => _rejects?.Dispose();

    private void Reject(RecordFields fields, string record)
    {
        foreach (var problem in fields.Problems)
        {
            ErrorCount++;
            if (_errors.Count < _options.MaxErrorsListed)
            {
                _errors.Add(problem);
            }
        }

        if (_skipInvalid)
        {
            EnsureRejectsFile();
            _rejects?.Add(fields.Problems, record);
        }
    }

    private async Task<int> WriteAsync<TRow>(IContractCsv<TRow> csv, List<TRow> batch, string name, int lastLine, CancellationToken cancellationToken)
    {
        try
        {
            return await csv.WriteAsync(_writer, batch, cancellationToken);
        }
        catch (DbException exception)
        {
            // The checks above should leave the database nothing to refuse; if it still does, say where, but
            // not with the database's message: it may quote the refused row.
            throw new UserInputException(
                $"The database refused a batch of {batch.Count} rows of {name} ending at line {lastLine}: {DatabaseErrorText.Describe(exception)}. " +
                "Nothing was imported.",
                exception);
        }
    }
}

using System.Globalization;
using System.Security.Cryptography;
using PhysicalTheraPT.Analytics.Import;

namespace PhysicalTheraPT.Analytics.Sources;

/// <summary>
/// <c>folder</c>: a drop folder an EMR's scheduled export lands in (an SFTP target, a share). An export set
/// is the contract files in the folder itself, or in a sub-folder per export; sets are taken in name order,
/// and only when complete: a <c>_done</c> marker beside them when <see cref="SourceOptions.RequireDoneMarker"/>
/// is set, else no file of the set changed size or time between two looks
/// <see cref="SourceOptions.SettleInterval"/> apart. A set is imported all or nothing (through the same
/// checks and writer as <c>import</c>, headers renamed by <see cref="SourceOptions.Columns"/>), then moved to
/// <c>processed/&lt;timestamp&gt;/</c>, or to <c>failed/&lt;timestamp&gt;/</c> with a <c>problems.txt</c>
/// (file, line, column, reason; never a value). Its fingerprint (names, sizes, contents) is recorded in the
/// same transaction, so the same set is never imported twice, even when moving it failed.
/// </summary>
internal sealed class FolderSourceKind(TimeProvider time) : ISourceKind
{
    public const string DoneMarker = "_done";
    public const string ProcessedFolder = "processed";
    public const string FailedFolder = "failed";
    public const string ProblemsFile = "problems.txt";

    public string Kind => SourceKinds.Folder;

    public void Validate(SourceOptions source, int index)
    {
        if (string.IsNullOrWhiteSpace(source.Path))
        {
            throw new UserInputException($"Sources:{index}:Path is not set. Give the folder the EMR's export lands in.");
        }

        if (source.Mode is not (SourceModes.Upsert or SourceModes.Mirror))
        {
            throw new UserInputException($"Sources:{index}:Mode is '{source.Mode}'; it must be {SourceModes.Upsert} (as import does) or {SourceModes.Mirror}.");
        }

        if (source.SettleInterval < TimeSpan.Zero)
        {
            throw new UserInputException($"Sources:{index}:SettleInterval must be a duration such as 00:00:30.");
        }

        foreach (var (header, column) in source.Columns)
        {
            if (!ContractFile.InDependencyOrder.Any(file => file.TryGetOrdinal(column?.Trim().ToLowerInvariant() ?? "", out _)))
            {
                throw new UserInputException($"Sources:{index}:Columns maps '{header}' to '{column}', which is no column of the contract (docs/import.md).");
            }
        }
    }

    public Task<IClinicDataSource> OpenAsync(SourceOptions source, CancellationToken cancellationToken) =>
        throw new NotSupportedException("A folder source is synced set by set (SyncAsync), not opened.");

    /// <summary>Imports every complete new set, oldest name first; stops at the first set that fails.</summary>
    public async Task<SyncResult> SyncAsync(SourceSync sync, int index, SourceOptions source, SyncRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(source.Path!);
        if (!Directory.Exists(root))
        {
            // A share that is not mounted looks the same: worth another look later.
            throw new SourceUnavailableException($"Source {source.Name}: the folder {root} (Sources:{index}:Path) does not exist or cannot be reached.");
        }

        var sets = FindSets(root);
        var (complete, waiting) = await CompleteSetsAsync(sets, source, cancellationToken);
        var imported = new List<(string Name, IReadOnlyList<SyncTableCounts> Tables)>();
        var skipped = 0;
        foreach (var set in complete)
        {
            var fingerprint = Fingerprint(set);
            if (await sync.Store.WasImportedAsync(source.Name, fingerprint, cancellationToken))
            {
                Move(set, root, ProcessedFolder, problems: null);
                skipped++;
                continue;
            }

            imported.Add((set.Name, await ImportSetAsync(sync, index, source, request, set, fingerprint, root, progress, cancellationToken)));
        }

        var note = imported.Count == 0
            ? $"no complete new export set in {root}{(waiting > 0 ? $" ({waiting} still being written, left for the next look)" : "")}{(skipped > 0 ? $"; {skipped} set(s) imported before were moved to {ProcessedFolder}/ again" : "")}"
            : waiting > 0 ? $"{waiting} set(s) still being written, left for the next look" : null;
        var tables = imported.SelectMany(set => set.Tables)
            .GroupBy(table => table.Table)
            .Select(group => new SyncTableCounts(group.Key, group.Sum(t => t.Read), group.Sum(t => t.New), group.Sum(t => t.Changed), group.Sum(t => t.Unchanged), group.Sum(t => t.Removed), group.Sum(t => t.Rejected)))
            .ToList();
        return new SyncResult(source.Name, source.Kind, tables, TimeSpan.Zero, SetName: imported.Count == 0 ? null : string.Join(", ", imported.Select(set => set.Name)), Note: note);
    }

    private async Task<IReadOnlyList<SyncTableCounts>> ImportSetAsync(
        SourceSync sync, int index, SourceOptions source, SyncRequest request, ExportSet set, string fingerprint, string root, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var processed = UniqueFolder(root, ProcessedFolder);
        var statuses = new StatusMap(source.Statuses, $"Sources:{index}:Statuses");
        var target = new SyncTarget(index, source, Mirror: source.Mode == SourceModes.Mirror, request.AllowLargeRemoval,
            source.SkipInvalid ? Path.Combine(processed, "rejects.csv") : null);
        var headerNames = source.Columns.Count > 0 ? source.Columns : null;
        try
        {
            var tables = await sync.WriteAsync(
                target,
                (file, token) =>
                {
                    if (!set.Files.TryGetValue(file, out var path))
                    {
                        return Task.FromResult<SyncTableInput?>(null);
                    }

                    var duplicates = DuplicateIdScanner.Scan(path, file, headerNames, token);
                    var returned = new ReturnedIds();
                    var records = ContractCsvReader.Open(path, file, headerNames);
                    return Task.FromResult<SyncTableInput?>(new SyncTableInput(returned.Track(statuses.Apply(records)), duplicates, returned, null));
                },
                (connection, transaction) => SourceSyncStore.RecordSetAsync(connection, transaction, source.Name, fingerprint, set.Name, time.GetUtcNow().UtcDateTime, cancellationToken),
                progress,
                cancellationToken);
            Move(set, root, ProcessedFolder, problems: null, processed);
            return tables;
        }
        catch (UserInputException exception)
        {
            DeleteIfEmpty(processed);
            var failed = Move(set, root, FailedFolder, exception.Message);
            throw new UserInputException(
                $"Source {source.Name}: export set {set.Name} was not imported (nothing was written) and is now in {failed}; {ProblemsFile} there says why: " +
                exception.Message);
        }
        catch
        {
            // Passing trouble (the store restarting): the set stays where it is for the next look.
            DeleteIfEmpty(processed);
            throw;
        }
    }

    /// <summary>The sets in the drop folder: its own contract files, then each sub-folder holding some, by name.</summary>
    private static List<ExportSet> FindSets(string root)
    {
        var sets = new List<ExportSet>();
        if (SetIn(root, ".") is { } rootSet)
        {
            sets.Add(rootSet);
        }

        foreach (var folder in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            if (name is ProcessedFolder or FailedFolder || name.StartsWith('.'))
            {
                continue;
            }

            if (SetIn(folder, name) is { } set)
            {
                sets.Add(set);
            }
        }

        return sets;
    }

    private static ExportSet? SetIn(string folder, string name)
    {
        var files = new Dictionary<ContractFile, string>();
        string? marker = null;
        foreach (var path in Directory.EnumerateFiles(folder))
        {
            var fileName = Path.GetFileName(path);
            if (fileName.Equals(DoneMarker, StringComparison.OrdinalIgnoreCase))
            {
                marker = path;
            }
            else if (ContractFile.InDependencyOrder.FirstOrDefault(file => file.FileName.Equals(fileName, StringComparison.OrdinalIgnoreCase)) is { } file)
            {
                if (!files.TryAdd(file, path))
                {
                    throw new UserInputException($"{folder} holds two files named {file.FileName} (ignoring case); keep one.");
                }
            }
        }

        return files.Count == 0 ? null : new ExportSet(name, folder, files, marker);
    }

    /// <summary>The sets ready to take, and how many are still being written.</summary>
    private async Task<(List<ExportSet> Complete, int Waiting)> CompleteSetsAsync(List<ExportSet> sets, SourceOptions source, CancellationToken cancellationToken)
    {
        if (source.RequireDoneMarker)
        {
            var done = sets.Where(set => set.Marker is not null).ToList();
            return (done, sets.Count - done.Count);
        }

        if (sets.Count == 0)
        {
            return ([], 0);
        }

        var firstLook = sets.Select(Look).ToList();
        await Task.Delay(source.SettleInterval, time, cancellationToken);
        var complete = new List<ExportSet>();
        for (var position = 0; position < sets.Count; position++)
        {
            // Looked at again from the folder: a file may have appeared meanwhile.
            var again = SetIn(sets[position].Folder, sets[position].Name);
            if (again is not null && Look(again) == firstLook[position])
            {
                complete.Add(again);
            }
        }

        return (complete, sets.Count - complete.Count);
    }

    /// <summary>Names, sizes and write times of a set's files: unchanged between two looks means nobody is writing.</summary>
    private static string Look(ExportSet set) => string.Join("|", set.Files.Values.Order(StringComparer.Ordinal).Select(path =>
    {
        var info = new FileInfo(path);
        return string.Create(CultureInfo.InvariantCulture, $"{info.Name}:{info.Length}:{info.LastWriteTimeUtc.Ticks}");
    }));

    /// <summary>SHA-256 over each file's contract name and contents, in contract order.</summary>
    private static string Fingerprint(ExportSet set)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in ContractFile.InDependencyOrder.Where(set.Files.ContainsKey))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(file.FileName + "\n"));
            using var stream = File.OpenRead(set.Files[file]);
            hash.AppendData(SHA256.HashData(stream));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Moves a set's files (and its marker) into <c>processed/</c> or <c>failed/</c> under a new timestamped folder; returns that folder.</summary>
    private string Move(ExportSet set, string root, string into, string? problems, string? destination = null)
    {
        destination ??= UniqueFolder(root, into);
        Directory.CreateDirectory(destination);
        foreach (var path in set.Files.Values.Append(set.Marker).OfType<string>())
        {
            File.Move(path, Path.Combine(destination, Path.GetFileName(path)));
        }

        if (set.Name != "." && !Directory.EnumerateFileSystemEntries(set.Folder).Any())
        {
            Directory.Delete(set.Folder);
        }

        if (problems is not null)
        {
            File.WriteAllText(Path.Combine(destination, ProblemsFile), problems + Environment.NewLine);
        }

        return destination;
    }

    private string UniqueFolder(string root, string into)
    {
        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var folder = Path.Combine(root, into, stamp);
        for (var suffix = 2; Directory.Exists(folder); suffix++)
        {
            folder = Path.Combine(root, into, string.Create(CultureInfo.InvariantCulture, $"{stamp}-{suffix}"));
        }

        return folder;
    }

    private static void DeleteIfEmpty(string folder)
    {
        if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }

    /// <summary>One export: its name (<c>.</c> for the drop folder itself), folder, contract files and <c>_done</c> marker.</summary>
    private sealed record ExportSet(string Name, string Folder, IReadOnlyDictionary<ContractFile, string> Files, string? Marker);
}

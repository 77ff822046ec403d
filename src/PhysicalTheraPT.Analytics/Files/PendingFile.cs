namespace PhysicalTheraPT.Analytics.Files;

/// <summary>
/// A file being written under a hidden temporary name in its target's folder (same file system, so the
/// final rename is atomic). <see cref="Commit"/> flushes it to disk and renames it over the target;
/// disposing it uncommitted deletes it, leaving any earlier file of the target's name exactly as it was.
/// Created through <see cref="AtomicFile.Begin"/>; several can be committed together at the end of a
/// longer job (the seed's five CSV files), so a reader sees the old set or the whole new one.
/// A process killed mid-write leaves its temporary file behind; its name says whose it is
/// (<c>.report.xlsx.pta-&lt;host id&gt;-&lt;process id&gt;-&lt;process token&gt;-&lt;random&gt;.tmp</c>), so the next
/// write into that folder removes it once its process is gone (judged only on the host that wrote it) or it
/// is an hour old.
/// </summary>
internal sealed class PendingFile : IDisposable
{
    /// <summary>A temporary file untouched this long is a leftover even if a process of its id is running (ids are reused).</summary>
    internal static readonly TimeSpan LeftoverAge = TimeSpan.FromHours(1);

    private const string TemporaryMarker = ".pta-";

    // Tells this process's temporary files from those of an earlier process that had the same id
    // (in a container the service is process 1 on every start).
    private static readonly string ProcessToken = Guid.NewGuid().ToString("N")[..8];

    /// <summary>
    /// Names this machine in temporary names: a process id means something only on the host (and PID
    /// namespace) that wrote the file, and several servers may write to one shared reports folder.
    /// A hash, so the folder does not show the machine's name.
    /// </summary>
    internal static readonly string HostId = Convert.ToHexStringLower(
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Environment.MachineName)))[..8];

    private readonly string _temporaryPath;
    private readonly FileStream _stream;
    private bool _finished;

    private PendingFile(string path, string temporaryPath, FileStream stream)
    {
        Path = path;
        _temporaryPath = temporaryPath;
        _stream = stream;
    }

    /// <summary>The target's full path: where the content is once committed.</summary>
    public string Path { get; }

    /// <summary>Where the content goes until <see cref="Commit"/>. Writers wrapping it must leave it open.</summary>
    public Stream Stream => _stream;

    internal static PendingFile Create(string path, FilePrivacy privacy)
    {
        var target = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(target) ?? throw new ArgumentException("The path has no folder: " + path, nameof(path));

        // A leading dot hides it from a casual folder listing; the random part lets two writers coexist.
        var temporary = System.IO.Path.Combine(
            folder,
            $".{System.IO.Path.GetFileName(target)}{TemporaryMarker}{HostId}-{Environment.ProcessId}-{ProcessToken}-{Guid.NewGuid().ToString("N")[..8]}.tmp");
        try
        {
            FileModes.CreateFolder(folder);
            RemoveLeftovers(folder);
            return new PendingFile(target, temporary, new FileStream(temporary, CreateOptions(privacy)));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw CannotWrite(target, exception);
        }
    }

    /// <summary>Flushes the content to disk and renames it over the target, replacing any earlier file.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        try
        {
            _stream.Flush(flushToDisk: true);
            _stream.Dispose();
            File.Move(_temporaryPath, Path, overwrite: true);
            _finished = true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Dispose();
            throw CannotWrite(Path, exception);
        }
    }

    /// <summary>Abandons an uncommitted file: closes and deletes it. Nothing happens after a commit.</summary>
    public void Dispose()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        _stream.Dispose();
        try
        {
            File.Delete(_temporaryPath);
        }
        catch (IOException)
        {
            // The failure that led here matters more than a leftover temporary file we could not remove.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    /// <summary>A failed write as the person running the service reads it: which file, why, what to do.</summary>
    internal static UserInputException CannotWrite(string path, Exception exception) => new(
        $"Could not write {path}: {exception.Message} Nothing was changed there. Choose a folder you can write to, with free space, and no folder of that name in the way.",
        exception);

    private static FileStreamOptions CreateOptions(FilePrivacy privacy)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };

        // Set at creation, not chmod-ed afterwards, so the content is never readable by others even briefly,
        // and never wider than asked whatever the umask.
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileModes.For(privacy);
        }

        return options;
    }

    /// <summary>
    /// Deletes the temporary files in <paramref name="folder"/> that a killed writer left: those of this host
    /// whose process is gone (or is this process's id reused), and any untouched for <see cref="LeftoverAge"/>
    /// (the only rule for another host's files: its process ids cannot be checked from here).
    /// A writer that is still running keeps its file. Best effort: a file that cannot be removed stays.
    /// </summary>
    internal static void RemoveLeftovers(string folder)
    {
        foreach (var path in Directory.EnumerateFiles(folder, "." + "*" + TemporaryMarker + "*.tmp"))
        {
            if (!IsLeftover(System.IO.Path.GetFileName(path), File.GetLastWriteTimeUtc(path)))
            {
                continue;
            }

            try
            {
                File.Delete(path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Another user's, or being removed by another writer: not ours to insist on.
            }
        }
    }

    private static bool IsLeftover(string fileName, DateTime lastWriteUtc)
    {
        // .<target>.pta-<host>-<pid>-<token>-<random>.tmp
        var owner = fileName[(fileName.LastIndexOf(TemporaryMarker, StringComparison.Ordinal) + TemporaryMarker.Length)..^".tmp".Length].Split('-');
        if (owner.Length != 4 || !int.TryParse(owner[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var processId))
        {
            return false;
        }

        var stale = DateTime.UtcNow - lastWriteUtc > LeftoverAge;
        if (owner[0] != HostId)
        {
            // Another server's file in a shared folder: its process id says nothing here.
            return stale;
        }

        if (processId == Environment.ProcessId)
        {
            // This process's own files are in use (a seed keeps five open for its whole run).
            return owner[2] != ProcessToken;
        }

        return stale || !IsRunning(processId);
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}

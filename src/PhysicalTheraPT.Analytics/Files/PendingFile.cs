namespace PhysicalTheraPT.Analytics.Files;

/// <summary>
/// A file being written under a hidden temporary name in its target's folder (same file system, so the
/// final rename is atomic). <see cref="Commit"/> flushes it to disk and renames it over the target;
/// disposing it uncommitted deletes it, leaving any earlier file of the target's name exactly as it was.
/// Created through <see cref="AtomicFile.Begin"/>; several can be committed together at the end of a
/// longer job (the seed's five CSV files), so a reader sees the old set or the whole new one.
/// </summary>
public sealed class PendingFile : IDisposable
{
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
        var temporary = System.IO.Path.Combine(folder, "." + System.IO.Path.GetFileName(target) + "." + System.IO.Path.GetRandomFileName() + ".tmp");
        try
        {
            Directory.CreateDirectory(folder);
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

        // Set at creation, not chmod-ed afterwards, so the content is never readable by others even briefly.
        if (privacy == FilePrivacy.OwnerOnly && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }
}

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// Writes a file so that nobody can ever open a half-written one: the content goes to a hidden temporary
/// file in the same folder (same file system, so the final rename is atomic), is flushed to disk, and
/// only then renamed over the target. If anything fails the temporary file is deleted and a previous
/// file of the same name is left exactly as it was. A folder that cannot be written, a full disk or a
/// folder in the way of the file is reported as a <see cref="UserInputException"/> naming the file.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, FilePrivacy privacy, Action<Stream> writeContent)
    {
        ArgumentNullException.ThrowIfNull(writeContent);
        var target = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(target) ?? throw new ArgumentException("The path has no folder: " + path, nameof(path));
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw CannotWrite(target, exception);
        }

        // A leading dot hides it from a casual folder listing; the random part lets two writers coexist.
        var temporary = Path.Combine(folder, "." + Path.GetFileName(target) + "." + Path.GetRandomFileName() + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, CreateOptions(privacy)))
            {
                writeContent(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw CannotWrite(target, exception);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static UserInputException CannotWrite(string path, Exception exception) => new(
        $"Could not write {path}: {exception.Message} Nothing was changed there. Choose a folder you can write to, with free space, and no folder of that name in the way.",
        exception);

    public static void Write(string path, FilePrivacy privacy, byte[] content) =>
        Write(path, privacy, stream => stream.Write(content));

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

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The original failure matters more than a leftover temporary file we could not remove.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}

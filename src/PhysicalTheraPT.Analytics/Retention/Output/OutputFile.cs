using System.Text;

namespace PhysicalTheraPT.Analytics.Retention.Output;

/// <summary>
/// Writes a file all at once or not at all: into a temporary file in the same folder, renamed over the
/// target when complete, so a reader never sees half a file and a failed run leaves the old one. Created
/// owner-only (0600) on Unix, since these files name patients.
/// </summary>
public static class OutputFile
{
    public static async Task WriteAtomicallyAsync(string path, Action<TextWriter> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var target = Path.GetFullPath(path);
        if (Directory.Exists(target))
        {
            throw new UserInputException($"--output '{path}' is a folder; give a file name, e.g. {Path.Combine(path, "flags.csv")}.");
        }

        var folder = Path.GetDirectoryName(target)!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw CannotWrite(path, exception);
        }

        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            await using (var stream = new FileStream(temporary, options))
            await using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                write(writer);
                await writer.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw CannotWrite(path, exception);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static UserInputException CannotWrite(string path, Exception exception) => new(
        $"Could not write --output '{path}': {exception.Message} Choose a file in a folder you can write to.", exception);
}

using System.Text;

namespace PhysicalTheraPT.Analytics.Files;

/// <summary>
/// The one way the service writes a file, so that nobody can ever open a half-written one: the content
/// goes to a hidden temporary file in the same folder, is flushed to disk, and only then renamed over the
/// target (<see cref="PendingFile"/>). If anything fails the temporary file is deleted and a previous file
/// of the same name is left exactly as it was. A folder that cannot be written, a full disk or a folder in
/// the way of the file is reported as a <see cref="UserInputException"/> naming the file. Files holding
/// patient data are created owner-only (<see cref="FilePrivacy.OwnerOnly"/>).
/// </summary>
internal static class AtomicFile
{
    /// <summary>Starts a file to be written now and committed later (by the caller, when all is written).</summary>
    public static PendingFile Begin(string path, FilePrivacy privacy) => PendingFile.Create(path, privacy);

    public static void Write(string path, FilePrivacy privacy, Action<Stream> writeContent)
    {
        ArgumentNullException.ThrowIfNull(writeContent);
        using var pending = Begin(path, privacy);
        try
        {
            writeContent(pending.Stream);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw PendingFile.CannotWrite(pending.Path, exception);
        }

        pending.Commit();
    }

    public static void Write(string path, FilePrivacy privacy, byte[] content) =>
        Write(path, privacy, stream => stream.Write(content));

    /// <summary>Text as UTF-8 without a byte-order mark (scripts and spreadsheets read it alike).</summary>
    public static async Task WriteTextAsync(string path, FilePrivacy privacy, Action<TextWriter> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var pending = Begin(path, privacy);
        try
        {
            await using (var writer = new StreamWriter(pending.Stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true))
            {
                write(writer);
                await writer.FlushAsync(cancellationToken);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw PendingFile.CannotWrite(pending.Path, exception);
        }

        pending.Commit();
    }
}

using CsvHelper;

namespace PhysicalTheraPT.Analytics.Import;

/// <summary>
/// The rows <c>--skip-invalid</c> left out: file, line, the columns at fault, the reasons, and the record
/// as it was in the file, so it can be fixed and imported again. It can hold names and contact details,
/// so it is created owner-only (0600) on Unix; it is written under a temporary name in the same folder and
/// renamed into place when the import commits, so a reader never sees half a file.
/// </summary>
internal sealed class RejectsFile : IDisposable
{
    private static readonly string[] Header = ["file", "line", "columns", "reasons", "record"];

    private readonly string _temporaryPath;
    private readonly CsvWriter _writer;
    private bool _completed;

    private RejectsFile(string path, string temporaryPath, CsvWriter writer)
    {
        Path = path;
        _temporaryPath = temporaryPath;
        _writer = writer;
        _writer.WriteRecord(Header);
    }

    public string Path { get; }

    public int RowCount { get; private set; }

    public static RejectsFile Create(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(fullPath)!;
        var temporaryPath = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            Directory.CreateDirectory(directory);
            var stream = new FileStream(temporaryPath, options);
            // Staff open this file in a spreadsheet: a value starting with = or + must not run as a formula.
            var writer = CsvWriter.Create(stream, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: false);
            return new RejectsFile(fullPath, temporaryPath, writer);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"Could not create the rejects file {fullPath}: {exception.Message} Choose another place with --rejects FILE.", exception);
        }
    }

    public void Add(IReadOnlyList<ImportError> problems, string record)
    {
        var first = problems[0];
        var columns = string.Join("; ", problems.Select(problem => problem.Column).Distinct());
        var reasons = string.Join("; ", problems.Select(problem => $"{problem.Column}: {problem.Reason}"));
        _writer.WriteRecord([first.FileName, first.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), columns, reasons, record]);
        RowCount++;
    }

    /// <summary>Puts the finished file in place (replacing an older file of that name).</summary>
    public void Complete()
    {
        _writer.Dispose();
        File.Move(_temporaryPath, Path, overwrite: true);
        _completed = true;
    }

    public void Dispose()
    {
        if (_completed)
        {
            return;
        }

        _writer.Dispose();
        File.Delete(_temporaryPath);
    }
}

using CsvHelper;
using PhysicalTheraPT.Analytics.Files;

namespace PhysicalTheraPT.Analytics.Import;

/// <summary>
/// The rows <c>--skip-invalid</c> left out: file, line, the columns at fault, the reasons, and the record
/// as it was in the file, so it can be fixed and imported again. It can hold names and contact details,
/// so it is created owner-only (0600) on Unix; it is a <see cref="PendingFile"/>, renamed into place when
/// the import commits, so a reader never sees half a file.
/// </summary>
internal sealed class RejectsFile : IDisposable
{
    private static readonly string[] Header = ["file", "line", "columns", "reasons", "record"];

    private readonly PendingFile _file;
    private readonly CsvWriter _writer;
    private bool _completed;

    private RejectsFile(PendingFile file)
    {
        _file = file;
        // Staff open this file in a spreadsheet: a value starting with = or + must not run as a formula.
        _writer = CsvWriter.Create(file.Stream, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        _writer.WriteRecord(Header);
    }

    public string Path => _file.Path;

    public int RowCount { get; private set; }

    public static RejectsFile Create(string path)
    {
        try
        {
            return new RejectsFile(AtomicFile.Begin(path, FilePrivacy.OwnerOnly));
        }
        catch (UserInputException exception)
        {
            throw new UserInputException($"{exception.Message} (the rejects file: choose another place with --rejects FILE)", exception);
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
        _file.Commit();
        _completed = true;
    }

    /// <summary>Without <see cref="Complete"/>: the file is abandoned, an older one of that name left as it was.</summary>
    public void Dispose()
    {
        if (_completed)
        {
            return;
        }

        _writer.Dispose();
        _file.Dispose();
    }
}

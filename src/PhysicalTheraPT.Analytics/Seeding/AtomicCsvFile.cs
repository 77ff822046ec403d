using System.Globalization;
using CsvHelper;

namespace PhysicalTheraPT.Analytics.Seeding;

/// <summary>
/// One CSV output file, written with CsvHelper in the invariant culture (RFC 4180: comma, CRLF, quotes only
/// where needed; UTF-8 without BOM) under a temporary name in its target folder and moved into place by
/// <see cref="MoveIntoPlace"/>, so a reader sees the old file or the whole new one. An owner-only file
/// (contact details) is created 0600.
/// </summary>
internal sealed class AtomicCsvFile
{
    private readonly string _finalPath;
    private readonly string _temporaryPath;
    private readonly CsvWriter _writer;
    private bool _closed;

    public AtomicCsvFile(string directory, string name, bool ownerOnly, string[] header)
    {
        Name = name;
        _finalPath = Path.Combine(directory, name);
        _temporaryPath = Path.Combine(directory, $".{name}.{Guid.NewGuid():N}.tmp");
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (ownerOnly && !OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var csvOptions = CsvWriterOptions.Default with { FormatProvider = CultureInfo.InvariantCulture, WriteByteOrderMark = false };
        _writer = CsvWriter.Create(new FileStream(_temporaryPath, fileOptions), csvOptions, leaveOpen: false);
        _writer.WriteHeader(header);
    }

    public string Name { get; }

    /// <summary>Records written after the header.</summary>
    public long Rows { get; private set; }

    public void Write(params ReadOnlySpan<string?> fields)
    {
        _writer.WriteRecord(fields);
        Rows++;
    }

    public async Task CloseAsync()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        await _writer.DisposeAsync();
    }

    public void MoveIntoPlace() => File.Move(_temporaryPath, _finalPath, overwrite: true);

    public void DeleteTemporary() => File.Delete(_temporaryPath);

    /// <summary>Closes and deletes the temporary file without moving it into place.</summary>
    public void Abandon()
    {
        _closed = true;
        _writer.Dispose();
        DeleteTemporary();
    }
}

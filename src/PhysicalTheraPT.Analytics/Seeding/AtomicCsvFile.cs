using System.Globalization;
using CsvHelper;
using PhysicalTheraPT.Analytics.Files;

namespace PhysicalTheraPT.Analytics.Seeding;

/// <summary>
/// One CSV output file, written with CsvHelper in the invariant culture (RFC 4180: comma, CRLF, quotes only
/// where needed; UTF-8 without BOM) into a <see cref="PendingFile"/> and moved into place by
/// <see cref="MoveIntoPlace"/>, so a reader sees the old file or the whole new one. An owner-only file
/// (contact details) is created 0600.
/// </summary>
internal sealed class AtomicCsvFile
{
    private readonly PendingFile _file;
    private readonly CsvWriter _writer;
    private bool _closed;

    public AtomicCsvFile(string directory, string name, bool ownerOnly, string[] header)
    {
        Name = name;
        _file = AtomicFile.Begin(Path.Combine(directory, name), ownerOnly ? FilePrivacy.OwnerOnly : FilePrivacy.Shared);
        var csvOptions = CsvWriterOptions.Default with { FormatProvider = CultureInfo.InvariantCulture, WriteByteOrderMark = false };
        _writer = CsvWriter.Create(_file.Stream, csvOptions, leaveOpen: true);
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

    /// <summary>Flushes the last records into the file; <see cref="MoveIntoPlace"/> then commits it.</summary>
    public async Task CloseAsync()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        await _writer.DisposeAsync();
    }

    public void MoveIntoPlace() => _file.Commit();

    /// <summary>Deletes the temporary file unless it was moved into place.</summary>
    public void DeleteTemporary() => _file.Dispose();

    /// <summary>Closes and deletes the temporary file without moving it into place.</summary>
    public void Abandon()
    {
        _closed = true;
        _writer.Dispose();
        DeleteTemporary();
    }
}

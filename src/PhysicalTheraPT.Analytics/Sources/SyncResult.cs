using System.Globalization;

namespace PhysicalTheraPT.Analytics.Sources;

/// <summary>
/// What one sync of one source did: per table, rows read, new, changed, unchanged, removed and rejected;
/// how long it took; the rejects file under SkipInvalid; for a folder source, the set it took (or why it
/// took none). Holds counts and names only, never a value from the source.
/// </summary>
internal sealed record SyncResult(
    string SourceName,
    string Kind,
    IReadOnlyList<SyncTableCounts> Tables,
    TimeSpan Elapsed,
    string? RejectsPath = null,
    string? SetName = null,
    string? Note = null)
{
    /// <summary>Whether anything was written (false: a folder source found no complete new set).</summary>
    public bool Wrote => Tables.Count > 0;

    public int RowsWritten => Tables.Sum(table => table.New + table.Changed + table.Removed);

    /// <summary>One line for runs, logs and the dashboard: <c>emr: appointments 3 new, 1 changed, 2 removed; ... (4.2 s)</c>.</summary>
    public string Summary
    {
        get
        {
            var seconds = Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            if (!Wrote)
            {
                return $"{SourceName}: {Note ?? "nothing to sync"} ({seconds} s).";
            }

            var tables = string.Join("; ", Tables.Select(table => table.Summary));
            var set = SetName is null ? "" : $" set {SetName}:";
            var rejects = Tables.Sum(table => table.Rejected) is var rejected and > 0 ? $" {rejected} row(s) rejected to {RejectsPath}." : "";
            return $"{SourceName}:{set} {tables} ({seconds} s).{rejects}";
        }
    }
}

/// <summary>One table of a sync: rows the source returned, and what became of them here.</summary>
internal sealed record SyncTableCounts(string Table, int Read, int New, int Changed, int Unchanged, int Removed, int Rejected)
{
    /// <summary><c>appointments 120 read: 3 new, 1 changed, 2 removed</c>; counts of zero left out.</summary>
    public string Summary
    {
        get
        {
            var parts = new[] { (New, "new"), (Changed, "changed"), (Removed, "removed"), (Rejected, "rejected") }
                .Where(part => part.Item1 > 0)
                .Select(part => string.Create(CultureInfo.InvariantCulture, $"{part.Item1} {part.Item2}"))
                .ToList();
            return string.Create(CultureInfo.InvariantCulture, $"{Table} {Read} read: {(parts.Count > 0 ? string.Join(", ", parts) : "no change")}");
        }
    }
}

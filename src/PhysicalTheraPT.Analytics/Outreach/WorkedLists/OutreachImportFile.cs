using System.Globalization;

namespace PhysicalTheraPT.Analytics.Outreach.WorkedLists;

/// <summary>
/// What importing one worked list did. Accepted when it has no problems; a rejected file recorded
/// nothing. Counts and patient ids only: fit for the console and a log.
/// </summary>
/// <param name="Recorded">Outcomes recorded now, by outcome.</param>
/// <param name="AlreadyRecorded">Outcomes found already recorded (the file, or this row, was imported before).</param>
/// <param name="BlankRows">Rows nobody filled in.</param>
/// <param name="WrongNumbers">Patients whose phone or email turned out wrong: to correct in the clinic software.</param>
internal sealed record OutreachImportFile(
    string File,
    string? ClinicId,
    DateOnly? AsOf,
    IReadOnlyDictionary<OutreachOutcome, int> Recorded,
    int AlreadyRecorded,
    int BlankRows,
    IReadOnlyList<string> WrongNumbers,
    IReadOnlyList<OutreachImportProblem> Problems)
{
    public bool Accepted => Problems.Count == 0;

    /// <summary>The file's outcomes were recorded by another import of the same list running at the same time (this one found them recorded).</summary>
    public bool RecordedByConcurrentImport { get; init; }

    /// <summary>Refused by the database, not for anything in the file: the same file may be imported again as it is.</summary>
    public bool RefusedByDatabase { get; init; }

    public int RecordedCount => Recorded.Values.Sum();

    internal static OutreachImportFile Rejected(string file, string? clinicId, DateOnly? asOf, IReadOnlyList<OutreachImportProblem> problems) =>
        new(file, clinicId, asOf, new Dictionary<OutreachOutcome, int>(), 0, 0, [], problems);
}

/// <summary>Why a worked list (or one of its rows) cannot be recorded: where, and what to do about it.</summary>
/// <param name="File">The file as given on the command line.</param>
/// <param name="Sheet">The sheet, when the problem is inside one.</param>
/// <param name="Row">The spreadsheet row number (as shown at the left of the sheet), when the problem is in a row.</param>
internal sealed record OutreachImportProblem(string File, string? Sheet, int? Row, string Reason)
{
    /// <summary>"outreach-C01-2026-04-01.xlsx, sheet 'Patients to call', row 7: unknown outcome 'Booked' ...".</summary>
    public override string ToString()
    {
        var where = File;
        if (Sheet is not null)
        {
            where += $", sheet '{Sheet}'";
        }

        if (Row is { } row)
        {
            where += string.Create(CultureInfo.InvariantCulture, $", row {row}");
        }

        return where + ": " + Reason;
    }
}

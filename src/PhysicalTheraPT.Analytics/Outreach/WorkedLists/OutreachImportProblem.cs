using System.Globalization;

namespace PhysicalTheraPT.Analytics.Outreach.WorkedLists;

/// <summary>Why a worked list (or one of its rows) cannot be recorded: where, and what to do about it.</summary>
/// <param name="File">The file as given on the command line.</param>
/// <param name="Sheet">The sheet, when the problem is inside one.</param>
/// <param name="Row">The spreadsheet row number (as shown at the left of the sheet), when the problem is in a row.</param>
public sealed record OutreachImportProblem(string File, string? Sheet, int? Row, string Reason)
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

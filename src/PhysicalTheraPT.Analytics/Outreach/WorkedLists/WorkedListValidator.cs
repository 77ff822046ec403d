using System.Globalization;
using PhysicalTheraPT.Analytics.Files;

namespace PhysicalTheraPT.Analytics.Outreach.WorkedLists;

/// <summary>
/// Checks every row of a worked list, free of I/O, and reports every problem at once (not only the
/// first), so front desk can fix the file in one go. An outcome needs a valid, untouched row key from
/// this very list, an outcome from the dropdown, the date of the call (from the list's date to today)
/// and the caller's initials.
/// </summary>
internal static class WorkedListValidator
{
    /// <summary>Notes are kept up to this length; the rest is cut.</summary>
    public const int LongestNotes = 1000;

    public static WorkedListCheck Check(WorkedList list, DateOnly today, ListSigningKey signingKey)
    {
        ArgumentNullException.ThrowIfNull(list);
        var outcomes = new List<WorkedOutcome>();
        var problems = new List<OutreachImportProblem>();
        var rowOfKey = new Dictionary<OutreachRowKey, int>();
        var blank = 0;
        foreach (var row in list.Rows)
        {
            void Problem(string reason) => problems.Add(new OutreachImportProblem(list.File, list.Sheet, row.RowNumber, reason));

            if (row.FormulaIn is { } column)
            {
                Problem($"the {column} cell holds a formula. Type or pick the value itself: what a formula shows is not what front desk chose.");
                continue;
            }

            if (row.IsBlank)
            {
                blank++;
                continue;
            }

            if (row.Outcome is null)
            {
                Problem($"there is an {OutreachListLayout.OutcomeDate} or {OutreachListLayout.StaffInitials} but no {OutreachListLayout.Outcome}. Pick the outcome from the dropdown, or clear the row.");
                continue;
            }

            var before = problems.Count;
            var key = CheckKey(list, row, signingKey, rowOfKey, Problem);
            if (!OutreachOutcomeNames.TryParse(row.Outcome, out var outcome))
            {
                Problem($"unknown outcome {Shown(row.Outcome)}. Pick one from the dropdown: {string.Join(", ", OutreachOutcomeNames.All)}.");
            }

            var date = CheckDate(list, row, today, Problem);
            var initials = CheckInitials(row, Problem);
            if (problems.Count == before)
            {
                var notes = row.Notes is { Length: > LongestNotes } longNotes ? longNotes[..LongestNotes] : row.Notes;
                outcomes.Add(new WorkedOutcome(row.RowNumber, key!, outcome!.Value, date!.Value, initials!, notes, row.Reason, row.Priority));
            }
        }

        return new WorkedListCheck(outcomes, problems, blank);
    }

    private static OutreachRowKey? CheckKey(WorkedList list, WorkedListRow row, ListSigningKey signingKey, Dictionary<OutreachRowKey, int> rowOfKey, Action<string> problem)
    {
        if (row.Key is null)
        {
            problem($"the hidden {OutreachListLayout.RowKey} is missing, so the outcome cannot be matched to a patient. Record outcomes only on the rows of the list as written; do not add rows or clear the key.");
            return null;
        }

        if (!OutreachRowKey.TryParse(row.Key, signingKey, out var key, out var error))
        {
            problem($"{error}. Do not edit the hidden {OutreachListLayout.RowKey} column; use the list as it was written.");
            return null;
        }

        if (!string.Equals(key.ClinicId, list.ClinicId, StringComparison.Ordinal))
        {
            problem($"this row comes from the list of clinic {key.ClinicId}, but this file is the list of clinic {list.ClinicId}. Record each clinic's calls in that clinic's own list.");
            return null;
        }

        if (key.AsOf != list.AsOf)
        {
            problem($"this row comes from the list of {Iso(key.AsOf)}, but this file is the list of {Iso(list.AsOf)}. Record the outcome in the list the row came from.");
            return null;
        }

        if (rowOfKey.TryGetValue(key, out var first))
        {
            problem(string.Create(CultureInfo.InvariantCulture, $"this is the same patient row as row {first} (a copied row). Record each call once, on the patient's own row."));
            return null;
        }

        rowOfKey[key] = row.RowNumber;
        return key;
    }

    private static DateOnly? CheckDate(WorkedList list, WorkedListRow row, DateOnly today, Action<string> problem)
    {
        if (row.OutcomeDateText is null)
        {
            problem($"the {OutreachListLayout.OutcomeDate} is missing. Enter the day you called, e.g. {Iso(list.AsOf.AddDays(2))}.");
            return null;
        }

        if (row.OutcomeDate is not { } date)
        {
            problem($"the {OutreachListLayout.OutcomeDate} {Shown(row.OutcomeDateText)} is not a date. Enter it as a date, e.g. {Iso(list.AsOf.AddDays(2))}.");
            return null;
        }

        if (date < list.AsOf)
        {
            problem($"the {OutreachListLayout.OutcomeDate} {Iso(date)} is before the list was made ({Iso(list.AsOf)}). Enter the day you called.");
            return null;
        }

        if (date > today)
        {
            problem($"the {OutreachListLayout.OutcomeDate} {Iso(date)} is in the future (today is {Iso(today)}). Enter the day you called.");
            return null;
        }

        return date;
    }

    private static string? CheckInitials(WorkedListRow row, Action<string> problem)
    {
        if (row.StaffInitials is null)
        {
            problem($"the {OutreachListLayout.StaffInitials} are missing. Enter the initials of who called.");
            return null;
        }

        var initials = StaffInitials.Normalize(row.StaffInitials);
        if (initials is null)
        {
            problem(string.Create(CultureInfo.InvariantCulture, $"the {OutreachListLayout.StaffInitials} {Shown(row.StaffInitials)} are not initials. Enter 1 to {StaffInitials.Longest} letters, e.g. JD."));
        }

        return initials;
    }

    private static string Iso(DateOnly date) => IsoDate.Format(date);

    /// <summary>
    /// A value as a message shows it: quoted when short enough to be a mistyped choice, else only its
    /// length, so a message never repeats a long text someone typed (it may name a patient).
    /// </summary>
    internal static string Shown(string value) =>
        value.Length <= LongestShown ? $"'{value}'" : string.Create(CultureInfo.InvariantCulture, $"a value of {value.Length} characters");

    /// <summary>Longest value a message quotes: longer than any outcome name, date or initials.</summary>
    private const int LongestShown = 40;
}

/// <summary>What the checks made of a worked list: the outcomes to record, or the problems that reject the file.</summary>
/// <param name="BlankRows">Rows front desk left empty (fine: nothing to record).</param>
internal sealed record WorkedListCheck(IReadOnlyList<WorkedOutcome> Outcomes, IReadOnlyList<OutreachImportProblem> Problems, int BlankRows);

/// <summary>A checked outcome from a worked list, ready to record.</summary>
/// <param name="Reason">The row's reason, kept only if the queue never saw the patient.</param>
/// <param name="Priority">The row's priority, kept only if the queue never saw the patient.</param>
internal sealed record WorkedOutcome(
    int RowNumber,
    OutreachRowKey Key,
    OutreachOutcome Outcome,
    DateOnly On,
    string StaffInitials,
    string? Notes,
    string? Reason,
    int? Priority);

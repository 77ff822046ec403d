using System.Collections;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// The flagged patients of a monthly report, always in the sheet's order: priority (highest first), then
/// clinic id, then patient id (ordinal), whatever built the list.
/// A group of clinics lists tens of thousands of patients (84,097 at 5M appointments), and a
/// <see cref="PatientToCallRow"/> with its reason costs about 700 bytes with the flag it came from, so
/// the report's own list grew the workbook's memory with the group. Built from the engine's flags without
/// texts (<see cref="FlaggedPatient"/>: about 120 bytes with its patient id, clinic and provider ids shared),
/// it holds only those and makes each row, reason included, when the row is read: the reason through
/// <see cref="FlagWriter.Reason"/>, the very words the flag would have carried. Compact rows rather than
/// spilling to a temporary file: the ~42,000 more rows from 2.5M to 5M appointments cost about 5-10 MB,
/// a few percent of the workbook's ~190 MB, and no file of patient ids has to be written owner-only,
/// read back in order and cleaned up.
/// </summary>
internal sealed class PatientsToCallList : IReadOnlyList<PatientToCallRow>
{
    private readonly int count;
    private readonly Func<int, PatientToCallRow> rowAt;

    // The sheet reads one row a cell at a time: the last row made is kept so a row is made once, not
    // once a column. Reading is single-threaded, as writing a workbook is.
    private int lastIndex = -1;
    private PatientToCallRow? lastRow;

    private PatientsToCallList(int count, Func<int, PatientToCallRow> rowAt)
    {
        this.count = count;
        this.rowAt = rowAt;
    }

    public static PatientsToCallList Empty { get; } = new(0, index => throw new ArgumentOutOfRangeException(nameof(index)));

    public int Count => count;

    public PatientToCallRow this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
            if (index != lastIndex)
            {
                lastRow = rowAt(index);
                lastIndex = index;
            }

            return lastRow!;
        }
    }

    /// <summary>Rows already made (small lists, tests): kept as they are, sorted into the sheet's order.</summary>
    public static PatientsToCallList Of(IEnumerable<PatientToCallRow> rows)
    {
        PatientToCallRow[] sorted = [.. rows];
        Array.Sort(sorted, (left, right) => SheetOrder((left.Priority, left.ClinicId, left.PatientId), (right.Priority, right.ClinicId, right.PatientId)));
        return new PatientsToCallList(sorted.Length, index => sorted[index]);
    }

    /// <summary>
    /// The engine's flags without texts, as of <paramref name="asOf"/> (the date they were decided as
    /// of), named from <paramref name="directory"/>: only the flags (shared by every scope's list) and
    /// the positions of this scope's in the sheet's order are held; each row is made when read.
    /// </summary>
    /// <param name="clinicId">Only this clinic's flags; null for every clinic's.</param>
    internal static PatientsToCallList Of(IReadOnlyList<FlaggedPatient> flags, string? clinicId, ClinicDirectory directory, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var inScope = 0;
        for (var index = 0; index < flags.Count; index++)
        {
            inScope += InScope(flags[index], clinicId) ? 1 : 0;
        }

        var order = new int[inScope];
        var next = 0;
        for (var index = 0; index < flags.Count; index++)
        {
            if (InScope(flags[index], clinicId))
            {
                order[next++] = index;
            }
        }

        Array.Sort(order, (left, right) => SheetOrder(
            (flags[left].Priority, flags[left].ClinicId, flags[left].PatientId),
            (flags[right].Priority, flags[right].ClinicId, flags[right].PatientId)));
        return new PatientsToCallList(order.Length, index => Row(flags[order[index]], directory, asOf));
    }

    public IEnumerator<PatientToCallRow> GetEnumerator()
    {
        for (var index = 0; index < count; index++)
        {
            yield return rowAt(index);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static bool InScope(FlaggedPatient flag, string? clinicId) =>
        clinicId is null || string.Equals(flag.ClinicId, clinicId, StringComparison.Ordinal);

    /// <summary>The sheet's order, one place for both kinds of list: priority (highest first), clinic, patient (ordinal; a patient is listed once).</summary>
    private static int SheetOrder((int Priority, string ClinicId, string PatientId) left, (int Priority, string ClinicId, string PatientId) right)
    {
        var byPriority = right.Priority.CompareTo(left.Priority);
        if (byPriority != 0)
        {
            return byPriority;
        }

        var byClinic = string.CompareOrdinal(left.ClinicId, right.ClinicId);
        return byClinic != 0 ? byClinic : string.CompareOrdinal(left.PatientId, right.PatientId);
    }

    private static PatientToCallRow Row(FlaggedPatient flag, ClinicDirectory directory, DateOnly asOf) => new(
        flag.PatientId,
        flag.ClinicId,
        directory.ClinicNameOrId(flag.ClinicId),
        flag.Kind,
        flag.EndType?.ToContractName(),
        flag.AcuteEnd,
        flag.LastMaintenance,
        directory.ProviderNameOrId(flag.DischargingProviderId),
        flag.DaysSince,
        flag.Priority,
        FlagWriter.Reason(flag, asOf, directory.ProviderNames));
}

/// <summary>
/// A flagged patient as managers see them: identified by id only. No name, phone or email: those go to
/// front desk's outreach lists, never into the monthly workbook.
/// </summary>
internal sealed record PatientToCallRow(
    string PatientId,
    string ClinicId,
    string ClinicName,
    PatientFlagKind Flag,
    string? EndType,
    DateOnly? AcuteEnd,
    DateOnly? LastMaintenance,
    string? DischargingProvider,
    int DaysSince,
    int Priority,
    string Reason);

using System.Globalization;
using System.Text;
using PhysicalTheraPT.Analytics.Files;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// The names of the files reports write. Clinic ids come from clinic software: anything but letters,
/// digits, '-' and '_' becomes '_' so an id can never point a file into another folder.
/// </summary>
internal static class ReportFileNames
{
    /// <summary><c>retention-2026-03</c> for all clinics, <c>retention-2026-03-&lt;clinic_id&gt;</c> for one clinic.</summary>
    public static string MonthlyStem(ReportScope scope, CalendarMonth month) =>
        scope.ClinicId is null ? "retention-" + month : "retention-" + month + "-" + Safe(scope.ClinicId);

    /// <summary><c>outreach-&lt;clinic_id&gt;-&lt;yyyy-MM-dd&gt;.xlsx</c>.</summary>
    public static string OutreachList(string clinicId, DateOnly asOf) =>
        "outreach-" + Safe(clinicId) + "-" + IsoDate.Format(asOf) + ".xlsx";

    internal static string Safe(string id)
    {
        var safe = new StringBuilder(id.Length);
        foreach (var character in id)
        {
            safe.Append(char.IsAsciiLetterOrDigit(character) || character is '-' or '_' ? character : '_');
        }

        return safe.Length == 0 ? "_" : safe.ToString();
    }
}

using System.Globalization;

namespace PhysicalTheraPT.Analytics.Files;

/// <summary>Dates as the files the service writes print them (cells, file names, markers): <c>yyyy-MM-dd</c>, the same whatever the reader's country.</summary>
internal static class IsoDate
{
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// The custom document properties that say a workbook is one of ours and what it holds, so a file
/// handed back (an outreach list) can be told from any other spreadsheet before a single row is read.
/// An outreach list carries the same names and values a second time, as rows of <see cref="IdentitySheet"/>.
/// </summary>
internal static class WorkbookMarker
{
    /// <summary>
    /// The very hidden, protected sheet of an outreach list that holds the marker as name/value rows
    /// (column A the property name, column B its value). Google Sheets, Numbers, openpyxl and other
    /// programs that rewrite the package drop custom document properties but keep the sheets.
    /// </summary>
    public const string IdentitySheet = "PhysicalTheraPT";

    /// <summary>Which kind of PhysicalTheraPT document: <see cref="OutreachList"/> or <see cref="MonthlyReport"/>.</summary>
    public const string Document = "PhysicalTheraPT.Document";

    public const string OutreachList = "outreach-list";

    public const string MonthlyReport = "monthly-retention-report";

    /// <summary>Version of the document's layout; readers reject versions they do not know.</summary>
    public const string LayoutVersion = "PhysicalTheraPT.LayoutVersion";

    public const string ClinicId = "PhysicalTheraPT.ClinicId";

    /// <summary>
    /// An outreach list's signature: the installation's HMAC of its kind, layout, clinic and date, so an
    /// import accepts only lists made from its own database.
    /// </summary>
    public const string Signature = "PhysicalTheraPT.Signature";

    /// <summary>The as-of date, <c>yyyy-MM-dd</c>.</summary>
    public const string AsOf = "PhysicalTheraPT.AsOf";

    /// <summary>The report month, <c>yyyy-MM</c>.</summary>
    public const string Month = "PhysicalTheraPT.Month";

    /// <summary>The report's clinic id, or <see cref="AllClinics"/>.</summary>
    public const string Scope = "PhysicalTheraPT.Scope";

    public const string AllClinics = "ALL";
}

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>One clinic's list of patients for front desk to call, as of a date.</summary>
public sealed record OutreachList(string ClinicId, string ClinicName, DateOnly AsOf, IReadOnlyList<OutreachListRow> Rows);

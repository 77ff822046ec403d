using PhysicalTheraPT.Analytics.Reports;

namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>
/// One clinic's outreach list as written: counts only (no names), so it can be printed and logged.
/// </summary>
/// <param name="AsOf">The date the clinic's patients were judged as of (the list's date).</param>
/// <param name="Flagged">Patients the engine flagged for the clinic.</param>
/// <param name="WithoutPatientRow">Flagged patients whose patient row was gone when the contact details were read (the data changed in between); left out.</param>
/// <param name="HeldBack">Flagged patients not listed this time: tried recently, declined, or their item closed lately (docs/outreach.md).</param>
public sealed record ClinicOutreachList(string ClinicId, DateOnly AsOf, int Flagged, int WithoutPatientRow, OutreachListFile File, int HeldBack = 0);

namespace PhysicalTheraPT.Analytics.Data;

/// <summary>A row of <c>clinics</c>. <see cref="TimeZone"/> is an IANA id such as America/Denver.</summary>
public sealed record ClinicRow(string ClinicId, string Name, string TimeZone);

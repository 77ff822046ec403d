namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// The report month's outreach for one clinic or one member of staff (by initials; <see cref="Detail"/>
/// names their clinic). <see cref="Listed"/> is null for staff (lists go to a clinic, not a person).
/// </summary>
public sealed record OutreachBreakdownLine(
    string Name,
    string? Detail,
    int? Listed,
    int Contacted,
    int Reached,
    int BookedAfterOutreach,
    int WrongNumbers,
    double? MedianDaysToFirstContact)
{
    public double? Conversion => Contacted == 0 ? null : (double)BookedAfterOutreach / Contacted;
}

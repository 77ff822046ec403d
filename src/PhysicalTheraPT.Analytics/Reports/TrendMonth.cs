using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// One month of the 12-month trend. <see cref="Provisional"/>: the month's acute completions can still
/// grow (patients who just stopped coming are only known to have stopped weeks later).
/// <see cref="DroppedAfterAcute"/> and <see cref="MaintenanceLapsed"/> are null for months whose
/// patients-to-call counts were not kept (they are counted as of a date, not recomputed for the past).
/// </summary>
public sealed record TrendMonth(
    CalendarMonth Month,
    int AcuteCompletions,
    bool Provisional,
    IReadOnlyDictionary<string, int> CompletionsByEndType,
    IReadOnlyList<ConversionCell> Conversions,
    int ActiveMaintenancePatients,
    double? VisitsPerEpisodeMedian,
    int? DroppedAfterAcute,
    int? MaintenanceLapsed)
{
    public ConversionCell? Conversion(int windowDays) => Conversions.FirstOrDefault(cell => cell.WindowDays == windowDays);
}

using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>One completion month of the cohort table with its conversion at each window.</summary>
public sealed record CohortRow(CalendarMonth CompletionMonth, int Completions, IReadOnlyList<ConversionCell> Windows)
{
    public ConversionCell? Window(int windowDays) => Windows.FirstOrDefault(cell => cell.WindowDays == windowDays);
}

using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// One number in two consecutive months, the raw material of a "what changed" sentence.
/// <see cref="Measure"/> starts the sentence ("Conversion within 28 days"); <see cref="Place"/> is a
/// clinic name, or null for the report's own scope.
/// </summary>
public sealed record MetricChange(
    string Measure,
    ValueUnit Unit,
    CalendarMonth BeforeMonth,
    double Before,
    CalendarMonth AfterMonth,
    double After,
    string? Place);

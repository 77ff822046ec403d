using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// Everything the monthly retention workbook shows, for one scope (all clinics or one clinic) and month.
/// The report's own types: the engine's output is mapped into them, so a change to a query or to the
/// engine cannot silently reshape a report. <see cref="GeneratedFor"/> is the date printed as the
/// report's date and stamped on the file; it comes from the as-of date, never from the clock, so the same
/// inputs give the same workbook.
/// </summary>
public sealed record MonthlyReport
{
    public required ReportScope Scope { get; init; }

    public required CalendarMonth Month { get; init; }

    public required DateOnly AsOf { get; init; }

    public DateOnly GeneratedFor
    {
        get => generatedFor ?? AsOf;
        init => generatedFor = value;
    }

    /// <summary>The conversion windows of the trend and breakdowns, e.g. 28, 60, 90 days.</summary>
    public required IReadOnlyList<int> ConversionWindows { get; init; }

    /// <summary>The windows of the cohort table, e.g. 28, 60, 90, 180 days.</summary>
    public required IReadOnlyList<int> CohortWindows { get; init; }

    public required ReportSummary Summary { get; init; }

    public required IReadOnlyList<TrendMonth> Trend { get; init; }

    public required IReadOnlyList<CohortRow> Cohorts { get; init; }

    public required ReportBreakdowns Breakdowns { get; init; }

    public required RecurrenceReport Recurrence { get; init; }

    /// <summary>Every flagged patient of the scope, in the sheet's order; rows are made as they are read.</summary>
    public required PatientsToCallList PatientsToCall { get; init; }

    public required IReadOnlyList<DataQualityRow> DataQuality { get; init; }

    public required ReportDefinitions Definitions { get; init; }

    /// <summary>The Outreach sheet's numbers; null when outreach was not counted for this report (the sheet says so).</summary>
    public OutreachReport? Outreach { get; init; }

    private readonly DateOnly? generatedFor;
}

using System.Globalization;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// Everything the monthly retention workbook shows, for one scope (all clinics or one clinic) and month.
/// The report's own types: the engine's output is mapped into them, so a change to a query or to the
/// engine cannot silently reshape a report. <see cref="GeneratedFor"/> is the date printed as the
/// report's date and stamped on the file; it comes from the as-of date, never from the clock, so the same
/// inputs give the same workbook.
/// </summary>
internal sealed record MonthlyReport
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

    /// <summary>Reports:FewPatients: a rate on fewer completions is marked "few patients".</summary>
    public int FewPatients { get; init; } = 20;

    /// <summary>Reports:ChangeSignificance: a change is a rise or fall only with a p-value below it.</summary>
    public double ChangeSignificance { get; init; } = 0.05;

    /// <summary>The Outreach sheet's numbers; null when outreach was not counted for this report (the sheet says so).</summary>
    public OutreachReport? Outreach { get; init; }

    private readonly DateOnly? generatedFor;
}

/// <summary>
/// Whose numbers a report holds: every clinic (<see cref="ClinicId"/> null) or one clinic. The name is
/// what people read in titles and print headers.
/// </summary>
internal sealed record ReportScope(string? ClinicId, string Name)
{
    public static ReportScope AllClinics { get; } = new(null, "All clinics");

    public static ReportScope Clinic(string clinicId, string name) => new(clinicId, name);

    public bool IsAllClinics => ClinicId is null;
}

/// <summary>The Summary sheet: headline numbers, the latest matured cohort per window, what changed.</summary>
internal sealed record ReportSummary(
    IReadOnlyList<HeadlineNumber> Headlines,
    IReadOnlyList<MaturedCohort> LatestMaturedCohorts,
    IReadOnlyList<string> WhatChanged);

/// <summary>
/// A headline on the Summary sheet: the value for <see cref="ValueMonth"/> (the report month, or for
/// conversion the latest matured cohort month), the month before, the median of the last 12 months,
/// and the direction of change. <see cref="Note"/> says what the reader must know (provisional, which
/// cohort); <see cref="Provisional"/> values are shown in the "not final yet" style.
/// </summary>
internal sealed record HeadlineNumber(
    string Measure,
    ValueUnit Unit,
    CalendarMonth? ValueMonth,
    double? Value,
    double? MonthBefore,
    double? TwelveMonthMedian,
    string? Note,
    bool Provisional = false)
{
    /// <summary>For a rate: the two-proportion test's p between the value and the month before.</summary>
    public double? ChangeP { get; init; }

    /// <summary>For a rate: the move is within what chance explains (p at or above Reports:ChangeSignificance).</summary>
    public bool WithinNormalVariation { get; init; }

    public ChangeDirection Direction => (Value, MonthBefore) switch
    {
        (null, _) or (_, null) => ChangeDirection.NotComparable,
        var (now, before) when WithinNormalVariation && now != before => ChangeDirection.NoClearChange,
        var (now, before) when now > before => ChangeDirection.Up,
        var (now, before) when now < before => ChangeDirection.Down,
        _ => ChangeDirection.Unchanged,
    };
}

/// <summary>How a number moved from the month before. Up is not "good": for patients to call it is bad.</summary>
internal enum ChangeDirection
{
    /// <summary>One of the two numbers is missing, so there is nothing to compare.</summary>
    NotComparable,
    Up,
    Down,
    Unchanged,

    /// <summary>A rate moved, but by no more than chance would explain: not a rise or a fall.</summary>
    NoClearChange,
}

/// <summary>What kind of number a value is, which decides its number format and how a change is worded.</summary>
internal enum ValueUnit
{
    /// <summary>A whole count of patients or episodes.</summary>
    Count,

    /// <summary>A fraction 0-1 shown as a percentage.</summary>
    Rate,

    /// <summary>A number with one decimal, such as a median of visits.</summary>
    Decimal,
}

/// <summary>
/// The names of the headline measures, one place for the Summary sheet, the trend columns and the
/// "what changed" sentences, so the same number is never called two things.
/// </summary>
internal static class MeasureNames
{
    public const string AcuteCompletions = "Acute completions";

    public const string DroppedAfterAcute = "Patients to call: dropped after acute care";

    public const string MaintenanceLapsed = "Patients to call: maintenance lapsed";

    public const string ActiveMaintenancePatients = "Active maintenance patients";

    public const string VisitsPerEpisodeMedian = "Visits per completed episode (median)";

    public static string ConversionWithin(int windowDays) =>
        string.Create(CultureInfo.InvariantCulture, $"Conversion within {windowDays} days");
}

/// <summary>
/// The most recent completion month whose conversion window has closed, for one window. Null
/// <see cref="CohortMonth"/>: no month in the trend has matured yet for this window.
/// </summary>
internal sealed record MaturedCohort(int WindowDays, CalendarMonth? CohortMonth, int Completions, int Converted, double? Rate);

/// <summary>
/// One month of the 12-month trend. <see cref="Provisional"/>: the month's acute completions can still
/// grow (patients who just stopped coming are only known to have stopped weeks later).
/// <see cref="DroppedAfterAcute"/> and <see cref="MaintenanceLapsed"/> are null for months whose
/// patients-to-call counts were not kept (they are counted as of a date, not recomputed for the past).
/// </summary>
internal sealed record TrendMonth(
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

/// <summary>
/// Conversion to maintenance for one group of acute completions and one window (28, 60, 90 or 180
/// days): how many completed, how many had a maintenance visit within the window, and the rate.
/// <see cref="Rate"/> is null while the window is still open (<see cref="Maturing"/>) and when nothing
/// completed, so a young cohort is never shown as a low rate. <see cref="Converted"/> while maturing is
/// the count so far.
/// </summary>
internal sealed record ConversionCell(int WindowDays, int Completions, int Converted, double? Rate, bool Maturing)
{
    /// <summary>The 95% Wilson interval of <see cref="Rate"/>; null where the rate is.</summary>
    public RateInterval? Interval => Rate is null ? null : Proportions.Wilson(Converted, Completions);

    /// <summary>A known rate resting on fewer than <paramref name="threshold"/> completions.</summary>
    public bool HasFewPatients(int threshold) => Rate is not null && Completions < threshold;

    /// <summary>Converted so far as a fraction, also while maturing (charts draw it as "so far").</summary>
    public double? RateSoFar => Completions == 0 ? null : (double)Converted / Completions;

    /// <summary>A finished window: the rate is known (or null when nothing completed).</summary>
    public static ConversionCell Matured(int windowDays, int completions, int converted) =>
        new(windowDays, completions, converted, completions == 0 ? null : (double)converted / completions, Maturing: false);

    /// <summary>A window still open: no rate yet; <paramref name="convertedSoFar"/> may still grow.</summary>
    public static ConversionCell Open(int windowDays, int completions, int convertedSoFar) =>
        new(windowDays, completions, convertedSoFar, Rate: null, Maturing: true);
}

/// <summary>One completion month of the cohort table with its conversion at each window.</summary>
internal sealed record CohortRow(CalendarMonth CompletionMonth, int Completions, IReadOnlyList<ConversionCell> Windows)
{
    public ConversionCell? Window(int windowDays) => Windows.FirstOrDefault(cell => cell.WindowDays == windowDays);
}

/// <summary>
/// Does maintenance keep people out of the next injury: the landmark analysis of the completions from
/// <see cref="FirstCompletionMonth"/> to <see cref="LastCompletionMonth"/> whose first
/// <see cref="LandmarkDays"/> have passed, converted against not converted, followed for
/// <see cref="FollowUpDays"/> days; the share back within <see cref="WindowDays"/> is the headline.
/// <see cref="ByEndType"/>: the same comparison within each end type with completions.
/// </summary>
internal sealed record RecurrenceReport(
    CalendarMonth FirstCompletionMonth,
    CalendarMonth LastCompletionMonth,
    int LandmarkDays,
    int WindowDays,
    int FollowUpDays,
    RecurrenceRow All,
    IReadOnlyList<RecurrenceRow> ByEndType);

/// <summary>One comparison: a label (all, or an end type), both groups, those back within the landmark, the log-rank p.</summary>
internal sealed record RecurrenceRow(string Label, RecurrenceSide Converted, RecurrenceSide NotConverted, int BackWithinLandmark, double? LogRankP)
{
    public int Completions => Converted.Patients + NotConverted.Patients + BackWithinLandmark;
}

/// <summary>
/// One group: patients, new episodes seen, the share back within the year (1 − S) with its 95% interval
/// (null where S is 0 or 1), and the Kaplan–Meier steps for the chart.
/// </summary>
internal sealed record RecurrenceSide(int Patients, int NewEpisodes, double? BackWithinYear, RateInterval? Interval, IReadOnlyList<SurvivalStep> Steps)
{
    public static RecurrenceSide Empty { get; } = new(0, 0, null, null, []);
}

/// <summary>
/// One kind of oddity found in the data (stale bookings, unknown references, visits after a discharge):
/// how often, and a few appointment or episode ids to look up. Ids only, never names.
/// </summary>
internal sealed record DataQualityRow(string Kind, string Description, int Count, IReadOnlyList<string> ExampleIds);

/// <summary>What the Definitions sheet states: every number's definition, the settings used, restatements.</summary>
internal sealed record ReportDefinitions(
    IReadOnlyList<DefinitionRow> Definitions,
    IReadOnlyList<ReportSetting> Settings,
    IReadOnlyList<RestatedMonth> RestatedMonths);

/// <summary>One number's exact definition, with the setting that tunes it and the value used for this run.</summary>
internal sealed record DefinitionRow(string Name, string Definition, string? Setting, string? Value);

/// <summary>A past month whose reported numbers were recomputed (restated), and when.</summary>
internal sealed record RestatedMonth(CalendarMonth Month, DateOnly RestatedOn);

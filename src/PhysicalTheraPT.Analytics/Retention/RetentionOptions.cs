namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// Every threshold of the retention rules, bound from the <c>Retention</c> configuration section.
/// docs/definitions.md explains each one in plain words; <see cref="RetentionDefinitions"/> prints them
/// with the values in use. Bound and validated once at the boundary, by
/// <c>Analysis.RetentionOptionsBinding</c> (AddAnalytics does): the plain configuration binder appends
/// configured window lists to the defaults instead of replacing them.
/// </summary>
internal sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Days after the acute end before a patient who booked no maintenance is flagged (14).</summary>
    public int GraceDays { get; set; } = 14;

    /// <summary>How far back a flag reaches: older ends or maintenance visits are not flagged (365).</summary>
    public int LookbackDays { get; set; } = 365;

    /// <summary>
    /// Days without an acute visit after which an episode without a recorded discharge counts as ended,
    /// and the gap that splits visits without an episode into separate implicit episodes (21).
    /// </summary>
    public int ImplicitDischargeDays { get; set; } = 21;

    /// <summary>Maintenance lapses once the days since the last maintenance visit exceed interval × this (1.5).</summary>
    public double LapseFactor { get; set; } = 1.5;

    /// <summary>Maintenance interval when the episode does not record one (28 days).</summary>
    public int DefaultMaintenanceIntervalDays { get; set; } = 28;

    /// <summary>Windows for conversion to maintenance after the acute end (28, 60, 90 days).</summary>
    public int[] ConversionWindowsDays { get; set; } = [28, 60, 90];

    /// <summary>Windows of the cohort table (28, 60, 90, 180 days).</summary>
    public int[] CohortWindowsDays { get; set; } = [28, 60, 90, 180];

    /// <summary>A patient is an active maintenance patient with a maintenance visit in this many days ending on the month's last day (56).</summary>
    public int ActiveMaintenanceWindowDays { get; set; } = 56;

    /// <summary>Recurrence reads the share back with a new episode at this many days after the acute end (365).</summary>
    public int RecurrenceWindowDays { get; set; } = 365;

    /// <summary>
    /// The landmark of the recurrence analysis (28): converted means a maintenance visit within this many
    /// days of E, and a new episode within them puts the completion in neither group.
    /// </summary>
    public int RecurrenceConvertedWithinDays { get; set; } = 28;

    /// <summary>Recurrence covers the completions of this many calendar months ending with the report month (24).</summary>
    public int RecurrenceCompletionMonths { get; set; } = 24;

    /// <summary>Recurrence follows each completion for at most this many days after E (730).</summary>
    public int RecurrenceFollowUpDays { get; set; } = 730;

    /// <summary>Months of the trend and of the cohort table, ending at the report month (12).</summary>
    public int CohortMonths { get; set; } = 12;

    /// <summary>Priority points for recency: all of them right after the grace period, none at the lookback limit (40).</summary>
    public int PriorityRecencyWeight { get; set; } = 40;

    /// <summary>Priority points when the acute phase ended without a planned discharge (self-discharged or unrecorded) (20).</summary>
    public int PrioritySelfDischargedWeight { get; set; } = 20;

    /// <summary>Priority points when the patient has had more than one acute episode, i.e. was re-injured before (20).</summary>
    public int PriorityReinjuryWeight { get; set; } = 20;

    /// <summary>Priority points for visits invested, in proportion up to <see cref="PriorityVisitsForFullWeight"/> visits (20).</summary>
    public int PriorityVisitsWeight { get; set; } = 20;

    /// <summary>Visits at which the visits part of the priority is full (12).</summary>
    public int PriorityVisitsForFullWeight { get; set; } = 12;

    /// <summary>Most examples kept per data-quality note kind (5): ids only, never names.</summary>
    public int DataQualityExamples { get; set; } = 5;
}

using System.Globalization;

namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// Every definition of docs/definitions.md as data, worded with the settings in use, so a report can
/// print exactly what it counted (the workbook's Definitions sheet).
/// </summary>
internal static class RetentionDefinitions
{
    public static IReadOnlyList<RetentionDefinition> For(RetentionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options;
        var firstLapsedDay = (int)Math.Floor(o.DefaultMaintenanceIntervalDays * o.LapseFactor) + 1;
        return
        [
            new("As-of date",
                "Every number is worked out as of a date. Anything dated before it is history; anything on or after it has not happened yet. "
                + "Monthly numbers are as of the day after the month unless a later date is chosen.",
                null, null),
            new("Acute and maintenance appointments",
                "Physical therapy and recovery massage belong to the acute phase (treating an injury). Maintenance massage is the regular care that should follow it.",
                null, null),
            new("Visit and future booking",
                "A visit is an appointment marked completed and dated before the as-of date. An appointment booked or completed on or after the as-of date is a future booking. "
                + "Cancelled and no-show appointments never count. An appointment still marked booked although its date has passed counts as nothing and is listed under data quality.",
                null, null),
            new("Episode",
                "One course of acute care. An acute appointment belongs to the episode its episode id names; without an id, to the clinic's recorded episode whose dates cover it "
                + "(the one started last if several do); otherwise to an implicit episode.",
                null, null),
            new("Implicit episode",
                $"Acute visits that no recorded episode covers are grouped into implicit episodes: a new one starts wherever two visits in a row are {Days(o.ImplicitDischargeDays)} or more apart. "
                + "Its clinic is the clinic of its last visit.",
                Setting(nameof(o.ImplicitDischargeDays)), Value(o.ImplicitDischargeDays)),
            new("End of the acute phase (E)",
                $"A recorded episode discharged before the as-of date ends on its discharge date, with its discharge reason as end type (blank: other). "
                + $"An episode without a discharge ends on its last visit (its start date if it had none) once {Days(o.ImplicitDischargeDays)} have passed since and nothing acute is booked for it: "
                + $"end type self-discharged. An implicit episode ends on its last visit once {Days(o.ImplicitDischargeDays)} have passed: end type unrecorded. "
                + "Until then an episode is active.",
                Setting(nameof(o.ImplicitDischargeDays)), Value(o.ImplicitDischargeDays)),
            new("End types",
                "goals_met, self_discharged, referred_out and other come from the recorded discharge reason (or self_discharged when the visits of a recorded episode just stopped); "
                + "unrecorded is an implicit episode that stopped.",
                null, null),
            new("In acute care",
                "A patient is in acute care while any of their episodes is active or any acute appointment is booked on or after the as-of date. "
                + "Their latest acute end E is the latest end among their ended episodes.",
                null, null),
            new("The episode that ended at E",
                "When several episodes end on the same latest day: the one started last; then a recorded episode before an implicit one; then the greater episode id. "
                + "Its end type, visits, discharging provider and maintenance interval describe the patient's flag.",
                null, null),
            new("Dropped after acute",
                $"Not in acute care; E is between {Days(o.GraceDays)} and {Days(o.LookbackDays)} ago; no maintenance visit on or after E; no maintenance booked; may be contacted.",
                Setting(nameof(o.GraceDays), nameof(o.LookbackDays)), Value(o.GraceDays, o.LookbackDays)),
            new("Maintenance lapsed",
                $"Not in acute care; the last maintenance visit is on or after E (or the patient only ever came for maintenance); more than the maintenance interval × {Number(o.LapseFactor)} days have passed since it, "
                + $"but no more than {Days(o.LookbackDays)}; no maintenance booked; may be contacted. The interval is the one recorded on the episode that ended at E, "
                + $"else {Days(o.DefaultMaintenanceIntervalDays)} (so lapsed from day {firstLapsedDay.ToString(CultureInfo.InvariantCulture)} by default).",
                Setting(nameof(o.LapseFactor), nameof(o.DefaultMaintenanceIntervalDays), nameof(o.LookbackDays)),
                Value(o.LapseFactor, o.DefaultMaintenanceIntervalDays, o.LookbackDays)),
            new("Flag precedence and who may be contacted",
                "A patient has at most one flag: dropped after acute is decided first. The two cannot both apply anyway (dropped needs no maintenance since E, lapsed needs the last maintenance on or after E). "
                + "Patients who may not be contacted are never flagged but are counted in every monthly number: do-not-contact (the clinic's or front desk's), a recorded death, "
                + "or no channel allowed (phone, text and email all withheld). A flag belongs to the patient's clinic.",
                null, null),
            new("Priority",
                $"0-100, higher first, the sum of four parts: recency (up to {o.PriorityRecencyWeight.ToString(CultureInfo.InvariantCulture)} points, all of them on the first day the flag can appear, falling evenly to none at {Days(o.LookbackDays)}); "
                + $"no planned discharge ({o.PrioritySelfDischargedWeight.ToString(CultureInfo.InvariantCulture)} points when the episode ended self-discharged or unrecorded); "
                + $"re-injured before ({o.PriorityReinjuryWeight.ToString(CultureInfo.InvariantCulture)} points with more than one ended episode); "
                + $"visits invested (up to {o.PriorityVisitsWeight.ToString(CultureInfo.InvariantCulture)} points, in proportion to the acute visits of the episode that ended at E plus maintenance visits since, full at {o.PriorityVisitsForFullWeight.ToString(CultureInfo.InvariantCulture)}). "
                + "Each part is rounded to whole points, halves up.",
                Setting(nameof(o.PriorityRecencyWeight), nameof(o.PrioritySelfDischargedWeight), nameof(o.PriorityReinjuryWeight), nameof(o.PriorityVisitsWeight), nameof(o.PriorityVisitsForFullWeight)),
                Value(o.PriorityRecencyWeight, o.PrioritySelfDischargedWeight, o.PriorityReinjuryWeight, o.PriorityVisitsWeight, o.PriorityVisitsForFullWeight)),
            new("Acute completions",
                "Episodes (recorded and implicit) whose acute end E falls in the month, in total and by end type, counted for the episode's clinic.",
                null, null),
            new("Provisional",
                $"A patient who just stops coming is only known to have stopped {Days(o.ImplicitDischargeDays)} after their last visit, so a month's completions are provisional "
                + $"until the as-of date is more than {Days(o.ImplicitDischargeDays)} after the month's last day. Later reports count such patients in the month they belong to.",
                Setting(nameof(o.ImplicitDischargeDays)), Value(o.ImplicitDischargeDays)),
            new("Conversion to maintenance",
                $"Of a month's completions, how many had a maintenance visit dated from E to E + N days (both included), for N = {Windows(o.ConversionWindowsDays)} days; the rate is converted ÷ completions.",
                Setting(nameof(o.ConversionWindowsDays)), string.Join(", ", o.ConversionWindowsDays)),
            new("Maturing",
                "While the month's last day + N is on or after the as-of date, some patients of the month still have time to convert: the cohort is maturing and shows no rate, never a low one.",
                null, null),
            new("Cohort table",
                $"Conversion for each of the {o.CohortMonths.ToString(CultureInfo.InvariantCulture)} completion months ending at the report month, within {Windows(o.CohortWindowsDays)} days, with maturing cells marked.",
                Setting(nameof(o.CohortMonths), nameof(o.CohortWindowsDays)), Value(o.CohortMonths) + "; " + string.Join(", ", o.CohortWindowsDays)),
            new("Dropped after acute and maintenance lapsed (counts)",
                "Patients flagged as of the as-of date, counted for their own clinic.",
                null, null),
            new("Active maintenance patients",
                $"Distinct patients with a maintenance visit in the {Days(o.ActiveMaintenanceWindowDays)} ending on the month's last day (both ends included), counted for the clinic of the visit; "
                + "for all clinics each patient counts once. Shown with the change from the month before.",
                Setting(nameof(o.ActiveMaintenanceWindowDays)), Value(o.ActiveMaintenanceWindowDays)),
            new("Visits per completed episode",
                "Completed acute visits of each episode completed in the month (an episode without visits counts as 0): median, 25th and 75th percentile, "
                + "interpolated between neighbouring values as Excel's PERCENTILE.INC. Medians, because averages hide the patients who stop after two visits.",
                null, null),
            new("Interval of a rate (Wilson)",
                "Every conversion rate x/n is given with its 95% Wilson score interval: (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n), p = x/n, z = 1.959964. "
                + "It stays within 0-100% and is honest for small n (0 of 20 still allows up to 16%). Blank where the rate is blank (maturing, or no completions). Metrics: conversion_Nd.rate_low and .rate_high.",
                null, null),
            new("Change from the month before (p-value)",
                "Whether the conversion of month M differs from month M−1 by more than chance: the two-sided p-value of the pooled two-proportion z-test, "
                + "z = (p₁ − p₂) / √(p̂(1−p̂)(1/n₁ + 1/n₂)), p̂ = (x₁ + x₂)/(n₁ + n₂), no continuity correction; both months counted as of the same as-of date. "
                + "Blank when either month is maturing or has no completions, or both rates are 0% or both 100%. Metric: conversion_Nd.change_p.",
                null, null),
            new("Recurrence: who",
                $"Every completion (recorded or implicit) with E in the {o.RecurrenceCompletionMonths.ToString(CultureInfo.InvariantCulture)} calendar months ending with the report month whose first {Days(o.RecurrenceConvertedWithinDays)} have passed (E + {o.RecurrenceConvertedWithinDays.ToString(CultureInfo.InvariantCulture)} before the as-of date), counted for its episode's clinic. "
                + $"Landmark at {Days(o.RecurrenceConvertedWithinDays)}: a completion whose patient started a new episode within {Days(o.RecurrenceConvertedWithinDays)} of E (next start − E ≤ {o.RecurrenceConvertedWithinDays.ToString(CultureInfo.InvariantCulture)}) is in neither group (\"back within {Days(o.RecurrenceConvertedWithinDays)}\"); "
                + $"the others are converted (a maintenance visit in [E, E + {o.RecurrenceConvertedWithinDays.ToString(CultureInfo.InvariantCulture)}]) or not converted.",
                Setting(nameof(o.RecurrenceCompletionMonths), nameof(o.RecurrenceConvertedWithinDays)),
                Value(o.RecurrenceCompletionMonths, o.RecurrenceConvertedWithinDays)),
            new("Recurrence: time to the next episode",
                $"Days from E to the start of the patient's next episode (the earliest of their other episodes, recorded: start date; implicit: first visit; at any clinic) starting after E. "
                + $"Observed when it starts before the as-of date and at most {Days(o.RecurrenceFollowUpDays)} after E; otherwise the patient is censored at the as-of date − 1 − E, at most {Days(o.RecurrenceFollowUpDays)}.",
                Setting(nameof(o.RecurrenceFollowUpDays)), Value(o.RecurrenceFollowUpDays)),
            new("Recurrence: Kaplan–Meier",
                $"For each group S(t) = Π over days tᵢ ≤ t with new episodes of (1 − dᵢ/nᵢ), nᵢ at risk that day (those censored that day count as at risk), dᵢ new episodes. "
                + $"The share back within a year is 1 − S({o.RecurrenceWindowDays.ToString(CultureInfo.InvariantCulture)}), S carried forward from the last day with a new episode at or before it. "
                + "95% interval from Greenwood's variance on the log(−log) scale: S^exp(±z·σ), σ² = Σ dᵢ/(nᵢ(nᵢ − dᵢ)) / (log S)², z = 1.959964; blank where S is 0 or 1. "
                + $"Metrics: recurrence.km{o.RecurrenceWindowDays.ToString(CultureInfo.InvariantCulture)}.converted and .not_converted (with _low, _high), recurrence.converted.n, recurrence.not_converted.n, recurrence.back_within_{o.RecurrenceConvertedWithinDays.ToString(CultureInfo.InvariantCulture)}d.",
                Setting(nameof(o.RecurrenceWindowDays)), Value(o.RecurrenceWindowDays)),
            new("Recurrence: log-rank test",
                $"Whether the two curves differ over the whole {Days(o.RecurrenceFollowUpDays)} by more than chance: on each day with new episodes, expected E₁ = d·n₁/n and hypergeometric variance V = d·(n₁/n)(1 − n₁/n)(n − d)/(n − 1) (as R's survdiff); "
                + "χ² = (O₁ − ΣE₁)² / ΣV with one degree of freedom, two-sided p. Metric: recurrence.logrank_p. "
                + "Patients who choose maintenance differ from those who do not, so a difference is an association, not proof that maintenance prevents re-injury.",
                null, null),
            new("Breakdowns",
                "Completions and conversion by clinic, by discharging provider (the provider of the episode's last completed acute visit), by body region, by referral source and by end type. "
                + "Implicit episodes have no body region or referral source (not recorded).",
                null, null),
            new("Data quality",
                $"Odd things in the data the rules skipped or worked around (stale bookings, visits after a discharge, unknown episode ids, maintenance with an episode id, discharges before the start, unknown discharge reasons), "
                + $"counted with up to {o.DataQualityExamples.ToString(CultureInfo.InvariantCulture)} example appointment or episode ids.",
                Setting(nameof(o.DataQualityExamples)), Value(o.DataQualityExamples)),
        ];
    }

    private static string Setting(params string[] names) =>
        string.Join(", ", names.Select(name => RetentionOptions.SectionName + ":" + name));

    private static string Value(params object[] values) =>
        string.Join(", ", values.Select(value => Convert.ToString(value, CultureInfo.InvariantCulture)));

    private static string Days(int days) => days.ToString(CultureInfo.InvariantCulture) + (days == 1 ? " day" : " days");

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Windows(int[] windows) => string.Join(", ", windows);
}

/// <summary>One definition in plain words, with the setting behind it and its value in this run.</summary>
/// <param name="Setting">Configuration key such as <c>Retention:GraceDays</c>; null when nothing is configurable.</param>
/// <param name="Value">The setting's value in this run (invariant text); null with no setting.</param>
internal sealed record RetentionDefinition(string Name, string Definition, string? Setting, string? Value);

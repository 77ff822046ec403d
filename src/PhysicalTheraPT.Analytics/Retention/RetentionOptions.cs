using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// Every threshold of the retention rules, bound from the <c>Retention</c> configuration section.
/// docs/definitions.md explains each one in plain words; <see cref="RetentionDefinitions"/> prints them
/// with the values in use. Bind with <see cref="BindFrom"/> (AddAnalytics does): the plain configuration
/// binder appends configured window lists to the defaults instead of replacing them.
/// </summary>
public sealed class RetentionOptions
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

    /// <summary>A new episode started within this many days after an acute end counts as recurrence (365).</summary>
    public int RecurrenceWindowDays { get; set; } = 365;

    /// <summary>Recurrence splits completions by conversion to maintenance within this many days (28).</summary>
    public int RecurrenceConvertedWithinDays { get; set; } = 28;

    /// <summary>Recurrence looks at completions this many months before the report month and earlier (12: M−12).</summary>
    public int RecurrenceLagMonths { get; set; } = 12;

    /// <summary>Number of completion months the recurrence numbers cover (12: M−23 … M−12).</summary>
    public int RecurrenceCohortMonths { get; set; } = 12;

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

    /// <summary>
    /// Binds the <c>Retention</c> section onto these options. A configured window list replaces the
    /// default one (the configuration binder alone would append to it: [28, 60, 90, 14, 30]).
    /// </summary>
    public RetentionOptions BindFrom(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        section.Bind(this);
        ConversionWindowsDays = ConfiguredOr(section, nameof(ConversionWindowsDays), ConversionWindowsDays);
        CohortWindowsDays = ConfiguredOr(section, nameof(CohortWindowsDays), CohortWindowsDays);
        return this;
    }

    private static int[] ConfiguredOr(IConfiguration section, string key, int[] bound)
    {
        var configured = section.GetSection(key);
        return configured.GetChildren().Any() ? configured.Get<int[]>() ?? [] : bound;
    }

    /// <summary>Throws <see cref="UserInputException"/> naming the first bad setting and how to fix it.</summary>
    public void Validate()
    {
        RequireAtLeast(nameof(GraceDays), GraceDays, 0);
        RequireAtLeast(nameof(LookbackDays), LookbackDays, 1);
        if (LookbackDays < GraceDays)
        {
            throw Invalid(nameof(LookbackDays), LookbackDays, $"must be at least {SectionName}:{nameof(GraceDays)} ({GraceDays.ToString(CultureInfo.InvariantCulture)})");
        }

        RequireAtLeast(nameof(ImplicitDischargeDays), ImplicitDischargeDays, 1);
        if (!(LapseFactor >= 1.0) || double.IsInfinity(LapseFactor))
        {
            throw Invalid(nameof(LapseFactor), LapseFactor, "must be a number of at least 1 (for example 1.5)");
        }

        RequireAtLeast(nameof(DefaultMaintenanceIntervalDays), DefaultMaintenanceIntervalDays, 1);
        RequireWindows(nameof(ConversionWindowsDays), ConversionWindowsDays);
        RequireWindows(nameof(CohortWindowsDays), CohortWindowsDays);
        RequireAtLeast(nameof(ActiveMaintenanceWindowDays), ActiveMaintenanceWindowDays, 1);
        RequireAtLeast(nameof(RecurrenceWindowDays), RecurrenceWindowDays, 1);
        RequireAtLeast(nameof(RecurrenceConvertedWithinDays), RecurrenceConvertedWithinDays, 0);
        RequireAtLeast(nameof(RecurrenceLagMonths), RecurrenceLagMonths, 0);
        RequireAtLeast(nameof(RecurrenceCohortMonths), RecurrenceCohortMonths, 1);
        RequireAtLeast(nameof(CohortMonths), CohortMonths, 1);
        RequireAtLeast(nameof(PriorityRecencyWeight), PriorityRecencyWeight, 0);
        RequireAtLeast(nameof(PrioritySelfDischargedWeight), PrioritySelfDischargedWeight, 0);
        RequireAtLeast(nameof(PriorityReinjuryWeight), PriorityReinjuryWeight, 0);
        RequireAtLeast(nameof(PriorityVisitsWeight), PriorityVisitsWeight, 0);
        RequireAtLeast(nameof(PriorityVisitsForFullWeight), PriorityVisitsForFullWeight, 1);
        var weights = PriorityRecencyWeight + PrioritySelfDischargedWeight + PriorityReinjuryWeight + PriorityVisitsWeight;
        if (weights > 100)
        {
            throw Invalid(nameof(PriorityRecencyWeight), weights,
                $"(the sum of {SectionName}:PriorityRecencyWeight, PrioritySelfDischargedWeight, PriorityReinjuryWeight and PriorityVisitsWeight) must be 100 or less, so a priority stays within 0-100");
        }

        RequireAtLeast(nameof(DataQualityExamples), DataQualityExamples, 0);
    }

    private static void RequireAtLeast(string setting, int value, int minimum)
    {
        if (value < minimum)
        {
            throw Invalid(setting, value, $"must be {minimum.ToString(CultureInfo.InvariantCulture)} or more");
        }
    }

    private static void RequireWindows(string setting, int[]? windows)
    {
        if (windows is null || windows.Length == 0)
        {
            throw new UserInputException($"Setting {SectionName}:{setting} is empty; give at least one window in days, for example [28, 60, 90].");
        }

        for (var i = 0; i < windows.Length; i++)
        {
            if (windows[i] < 0 || (i > 0 && windows[i] <= windows[i - 1]))
            {
                throw new UserInputException(
                    $"Setting {SectionName}:{setting} is [{string.Join(", ", windows)}]; the windows must be 0 or more days, in increasing order, without repeats (for example [28, 60, 90]).");
            }
        }
    }

    private static UserInputException Invalid(string setting, object value, string rule) =>
        new($"Setting {SectionName}:{setting} is {Convert.ToString(value, CultureInfo.InvariantCulture)}; it {rule}. Fix it in appsettings.json or the environment (Retention__{setting}).");
}

using System.Globalization;
using Microsoft.Extensions.Configuration;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Analysis;

/// <summary>
/// <see cref="RetentionOptions"/> at the boundary: bound from the <c>Retention</c> configuration section
/// and validated once, when the options are first asked for (AddAnalytics wires both), so the pure rules
/// never see a bad setting and never touch configuration themselves.
/// </summary>
internal static class RetentionOptionsBinding
{
    /// <summary>
    /// Binds the <c>Retention</c> section onto these options. A configured window list replaces the
    /// default one (the configuration binder alone would append to it: [28, 60, 90, 14, 30]).
    /// </summary>
    public static RetentionOptions Bind(RetentionOptions options, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(section);
        RefuseRetiredSettings(section);
        section.Bind(options);
        options.ConversionWindowsDays = ConfiguredOr(section, nameof(options.ConversionWindowsDays), options.ConversionWindowsDays);
        options.CohortWindowsDays = ConfiguredOr(section, nameof(options.CohortWindowsDays), options.CohortWindowsDays);
        return options;
    }

    /// <summary>
    /// Settings the recurrence analysis no longer reads (it became a 24-month landmark Kaplan–Meier
    /// analysis): left in a configuration they would be ignored without a word, and a manager would read
    /// numbers computed with other settings than the ones they wrote.
    /// </summary>
    private static void RefuseRetiredSettings(IConfiguration section)
    {
        foreach (var (retired, instead) in new[]
        {
            ("RecurrenceLagMonths", "RecurrenceCompletionMonths (the months of completions followed, default 24)"),
            ("RecurrenceCohortMonths", "RecurrenceCompletionMonths (the months of completions followed, default 24) and RecurrenceFollowUpDays (default 730)"),
        })
        {
            if (section[retired] is not null)
            {
                throw new UserInputException(
                    $"{RetentionOptions.SectionName}:{retired} is no longer used: recurrence is now a landmark Kaplan–Meier analysis (docs/definitions.md). " +
                    $"Remove it and set {RetentionOptions.SectionName}:{instead} if the default does not suit.");
            }
        }
    }

    private static int[] ConfiguredOr(IConfiguration section, string key, int[] bound)
    {
        var configured = section.GetSection(key);
        return configured.GetChildren().Any() ? configured.Get<int[]>() ?? [] : bound;
    }

    /// <summary>Throws <see cref="UserInputException"/> naming the first bad setting and how to fix it.</summary>
    public static void Validate(RetentionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RequireAtLeast(nameof(options.GraceDays), options.GraceDays, 0);
        RequireAtLeast(nameof(options.LookbackDays), options.LookbackDays, 1);
        if (options.LookbackDays < options.GraceDays)
        {
            throw Invalid(nameof(options.LookbackDays), options.LookbackDays, $"must be at least {RetentionOptions.SectionName}:{nameof(options.GraceDays)} ({options.GraceDays.ToString(CultureInfo.InvariantCulture)})");
        }

        RequireAtLeast(nameof(options.ImplicitDischargeDays), options.ImplicitDischargeDays, 1);
        if (!(options.LapseFactor >= 1.0) || double.IsInfinity(options.LapseFactor))
        {
            throw Invalid(nameof(options.LapseFactor), options.LapseFactor, "must be a number of at least 1 (for example 1.5)");
        }

        RequireAtLeast(nameof(options.DefaultMaintenanceIntervalDays), options.DefaultMaintenanceIntervalDays, 1);
        RequireWindows(nameof(options.ConversionWindowsDays), options.ConversionWindowsDays);
        RequireWindows(nameof(options.CohortWindowsDays), options.CohortWindowsDays);
        RequireAtLeast(nameof(options.ActiveMaintenanceWindowDays), options.ActiveMaintenanceWindowDays, 1);
        RequireAtLeast(nameof(options.RecurrenceWindowDays), options.RecurrenceWindowDays, 1);
        RequireAtLeast(nameof(options.RecurrenceConvertedWithinDays), options.RecurrenceConvertedWithinDays, 0);
        RequireAtLeast(nameof(options.RecurrenceCompletionMonths), options.RecurrenceCompletionMonths, 1);
        RequireAtLeast(nameof(options.RecurrenceFollowUpDays), options.RecurrenceFollowUpDays, options.RecurrenceWindowDays);
        if (options.RecurrenceFollowUpDays > 3650)
        {
            throw Invalid(nameof(options.RecurrenceFollowUpDays), options.RecurrenceFollowUpDays, "must be at most 3650 (ten years)");
        }
        RequireAtLeast(nameof(options.CohortMonths), options.CohortMonths, 1);
        RequireAtLeast(nameof(options.PriorityRecencyWeight), options.PriorityRecencyWeight, 0);
        RequireAtLeast(nameof(options.PrioritySelfDischargedWeight), options.PrioritySelfDischargedWeight, 0);
        RequireAtLeast(nameof(options.PriorityReinjuryWeight), options.PriorityReinjuryWeight, 0);
        RequireAtLeast(nameof(options.PriorityVisitsWeight), options.PriorityVisitsWeight, 0);
        RequireAtLeast(nameof(options.PriorityVisitsForFullWeight), options.PriorityVisitsForFullWeight, 1);
        var weights = options.PriorityRecencyWeight + options.PrioritySelfDischargedWeight + options.PriorityReinjuryWeight + options.PriorityVisitsWeight;
        if (weights > 100)
        {
            throw Invalid(nameof(options.PriorityRecencyWeight), weights,
                $"(the sum of {RetentionOptions.SectionName}:PriorityRecencyWeight, PrioritySelfDischargedWeight, PriorityReinjuryWeight and PriorityVisitsWeight) must be 100 or less, so a priority stays within 0-100");
        }

        RequireAtLeast(nameof(options.DataQualityExamples), options.DataQualityExamples, 0);
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
            throw new UserInputException($"Setting {RetentionOptions.SectionName}:{setting} is empty; give at least one window in days, for example [28, 60, 90].");
        }

        for (var i = 0; i < windows.Length; i++)
        {
            if (windows[i] < 0 || (i > 0 && windows[i] <= windows[i - 1]))
            {
                throw new UserInputException(
                    $"Setting {RetentionOptions.SectionName}:{setting} is [{string.Join(", ", windows)}]; the windows must be 0 or more days, in increasing order, without repeats (for example [28, 60, 90]).");
            }
        }
    }

    private static UserInputException Invalid(string setting, object value, string rule) =>
        new($"Setting {RetentionOptions.SectionName}:{setting} is {Convert.ToString(value, CultureInfo.InvariantCulture)}; it {rule}. Fix it in appsettings.json or the environment (Retention__{setting}).");
}

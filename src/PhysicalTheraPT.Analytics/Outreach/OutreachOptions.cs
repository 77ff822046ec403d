using System.Globalization;

namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>
/// How often front desk may call the same patient and how long an outcome counts. Bound from the
/// <c>Outreach</c> section; every default below is what a fresh install uses. docs/outreach.md explains
/// each one in front-desk words.
/// </summary>
internal sealed class OutreachOptions
{
    public const string SectionName = "Outreach";

    /// <summary>
    /// A patient who declined is not listed again for this many days after the call (default 180): long
    /// enough not to pester, short enough that half a year later a friendly reminder is welcome again.
    /// </summary>
    public int DeclineSuppressDays { get; set; } = 180;

    /// <summary>
    /// After <c>not_reached</c> or <c>left_message</c> the patient comes back on the list this many days
    /// after the attempt (default 7): a week gives a call-back time to happen before trying again.
    /// </summary>
    public int RetryAfterDays { get; set; } = 7;

    /// <summary>
    /// After this many <c>not_reached</c>/<c>left_message</c> attempts the item closes as unreachable
    /// (default 3): three tries over two or three weeks is persistent, not pushy.
    /// </summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// A patient whose item closed (booked, new episode, no longer flagged, unreachable, wrong number) is
    /// not listed again for this many days even if flagged again (default 30), so nobody gets a call a
    /// week after the last one ended.
    /// </summary>
    public int CooldownDays { get; set; } = 30;

    /// <summary>
    /// A maintenance appointment booked within this many days after a recorded contact counts as
    /// "booked after outreach" (default 14): two weeks covers "I'll check my calendar and call back".
    /// </summary>
    public int AttributionDays { get; set; } = 14;

    /// <summary>
    /// The folder the outreach-inbox job takes worked lists from (every 15 minutes by default). Blank:
    /// <c>outreach/inbox/</c> in the reports folder. Imported lists move to its <c>imported/</c> folder,
    /// refused ones to <c>rejected/</c> with a <c>.problems.txt</c> beside them.
    /// </summary>
    public string? InboxDirectory { get; set; }

    /// <summary>
    /// How long the inbox waits between its two looks at a file's size and time (default 2 seconds): a
    /// file that changed in between is still being copied and is left for the next run.
    /// </summary>
    public TimeSpan InboxSettleTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Throws a <see cref="UserInputException"/> naming the first setting that is out of range and how to fix it.</summary>
    public void Validate()
    {
        RequireRange(nameof(DeclineSuppressDays), DeclineSuppressDays, 0, 3650);
        RequireRange(nameof(RetryAfterDays), RetryAfterDays, 1, 365);
        RequireRange(nameof(MaxAttempts), MaxAttempts, 1, 20);
        RequireRange(nameof(CooldownDays), CooldownDays, 0, 3650);
        RequireRange(nameof(AttributionDays), AttributionDays, 0, 365);
        if (InboxSettleTime < TimeSpan.Zero || InboxSettleTime > TimeSpan.FromMinutes(5))
        {
            throw new UserInputException($"Setting {SectionName}:{nameof(InboxSettleTime)} = {InboxSettleTime} is out of range: use a duration from 00:00:00 to 00:05:00, such as 00:00:02 (in appsettings.json or the environment variable PTA_{SectionName}__{nameof(InboxSettleTime)}).");
        }
    }

    private static void RequireRange(string setting, int value, int minimum, int maximum)
    {
        if (value < minimum || value > maximum)
        {
            throw new UserInputException(string.Create(
                CultureInfo.InvariantCulture,
                $"Setting {SectionName}:{setting} = {value} is out of range: use a whole number from {minimum} to {maximum} (in appsettings.json or the environment variable PTA_{SectionName}__{setting})."));
        }
    }
}

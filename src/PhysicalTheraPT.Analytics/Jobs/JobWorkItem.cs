using System.Globalization;

namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>
/// One unit of scheduled work: a job for one clinic (or, with no clinic, for all clinics together) and
/// one period: the as-of date (<c>yyyy-MM-dd</c>) for flags and outreach lists, the month
/// (<c>yyyy-MM</c>) for the retention report. Job, clinic and period identify the work: running it again
/// replaces what the earlier run produced.
/// </summary>
internal sealed record JobWorkItem(string Job, string? ClinicId, string Period)
{
    public const string DateFormat = "yyyy-MM-dd";
    public const string MonthFormat = "yyyy-MM";

    /// <summary>How the clinic shows in messages and tables: its id, or <c>all clinics</c>.</summary>
    public string ClinicLabel => ClinicId ?? "all clinics";

    public static JobWorkItem ForDate(string job, string? clinicId, DateOnly date) =>
        new(job, clinicId, date.ToString(DateFormat, CultureInfo.InvariantCulture));

    public static JobWorkItem ForMonth(string job, string? clinicId, DateOnly firstOfMonth) =>
        new(job, clinicId, firstOfMonth.ToString(MonthFormat, CultureInfo.InvariantCulture));

    /// <summary>The period as an as-of date; an error naming the job when it is not one.</summary>
    public DateOnly PeriodAsDate() =>
        DateOnly.TryParseExact(Period, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UserInputException($"Job {Job} for {ClinicLabel}: period '{Period}' is not a date ({DateFormat}).");

    /// <summary>The first day of the period's month; an error naming the job when it is not a month.</summary>
    public DateOnly PeriodAsMonth() =>
        DateOnly.TryParseExact(Period, MonthFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month
            : throw new UserInputException($"Job {Job} for {ClinicLabel}: period '{Period}' is not a month ({MonthFormat}).");

    public override string ToString() => $"{Job} {ClinicLabel} {Period}";
}

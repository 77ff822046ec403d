using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>
/// "Today" where it matters: a clinic's today is its own local date (its zone from
/// <see cref="SchedulingOptions.ClinicTimeZones"/>, else its <c>time_zone</c> in the clinics table); the
/// schedule's today is the date in <see cref="SchedulingOptions.TimeZone"/>.
/// </summary>
internal sealed class ClinicCalendar
{
    private readonly TimeProvider _time;
    private readonly SchedulingOptions _options;

    public ClinicCalendar(TimeProvider time, IOptions<SchedulingOptions> options)
    {
        _time = time;
        _options = options.Value;
    }

    public DateOnly ClinicToday(ClinicDirectory clinics, string clinicId) => TodayIn(ClinicTimeZone(clinics, clinicId));

    public DateOnly ScheduleToday() => TodayIn(ScheduleTimeZone());

    /// <summary>The zone the cron expressions are read in.</summary>
    public TimeZoneInfo ScheduleTimeZone() =>
        FindZone(_options.TimeZone, "Scheduling:TimeZone");

    public TimeZoneInfo ClinicTimeZone(ClinicDirectory clinics, string clinicId)
    {
        return _options.ClinicTimeZones.TryGetValue(clinicId, out var zone) && !string.IsNullOrWhiteSpace(zone)
            ? FindZone(zone, $"Scheduling:ClinicTimeZones:{clinicId}")
            : clinics.TimeZoneOf(clinicId);
    }

    /// <summary>An IANA (or Windows) zone by id; a bad id is a setting the user must fix.</summary>
    public static TimeZoneInfo FindZone(string? id, string where)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new UserInputException($"No time zone is set in {where}. Use an IANA zone such as America/Denver or UTC.");
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new UserInputException(
                $"Unknown time zone '{id}' in {where}. Use an IANA zone such as America/Denver, Europe/Berlin or UTC.",
                exception);
        }
    }

    private DateOnly TodayIn(TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_time.GetUtcNow(), zone).DateTime);
}

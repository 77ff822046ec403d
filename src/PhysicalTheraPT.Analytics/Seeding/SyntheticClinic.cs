using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Seeding;

/// <summary>
/// A generated clinic: its row, its providers, and what the generator needs to place appointments in its
/// opening hours (weekdays from <see cref="OpensAtHour"/> to <see cref="ClosesAtHour"/>, Saturday
/// mornings when <see cref="OpensSaturdays"/>; a visit starts at least an hour before closing).
/// </summary>
internal sealed class SyntheticClinic
{
    private const int SaturdayOpensAtHour = 8;
    private const int SaturdayClosesAtHour = 13;

    public required int Number { get; init; }

    public required ClinicRow Row { get; init; }

    public required TimeZoneInfo TimeZone { get; init; }

    public required string AreaCode { get; init; }

    public required int OpensAtHour { get; init; }

    public required int ClosesAtHour { get; init; }

    public required bool OpensSaturdays { get; init; }

    public required IReadOnlyList<ProviderRow> PhysicalTherapists { get; init; }

    public required IReadOnlyList<ProviderRow> MassageTherapists { get; init; }

    public required int PatientCount { get; init; }

    /// <summary>Other clinics of the group in the same time zone, where a patient may go for maintenance.</summary>
    public IReadOnlyList<SyntheticClinic> SisterClinics { get; set; } = [];

    public string Id => Row.ClinicId;

    public IEnumerable<ProviderRow> Providers => PhysicalTherapists.Concat(MassageTherapists);

    /// <summary>The day itself when the clinic is open on it, else the next day it is.</summary>
    public DateOnly NextOpenDay(DateOnly day)
    {
        while (day.DayOfWeek == DayOfWeek.Sunday || (day.DayOfWeek == DayOfWeek.Saturday && !OpensSaturdays))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>
    /// A half-hour slot on an open day: <paramref name="dayFraction"/> 0 is the first slot, values near 1
    /// the last, so a patient who likes early mornings gets one whatever the day's hours.
    /// </summary>
    public DateTime SlotOn(DateOnly openDay, double dayFraction)
    {
        var (opens, closes) = openDay.DayOfWeek == DayOfWeek.Saturday
            ? (SaturdayOpensAtHour, SaturdayClosesAtHour)
            : (OpensAtHour, ClosesAtHour);
        var slots = ((closes - 1 - opens) * 2) + 1;
        var slot = Math.Clamp((int)(dayFraction * slots), 0, slots - 1);
        return openDay.ToDateTime(new TimeOnly(opens, 0)).AddMinutes(slot * 30);
    }
}

using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Seeding;

/// <summary>How one visit of a simulated life is placed and drawn: its weekday, slot, status and booking time.</summary>
internal sealed partial class PatientSimulation
{
    // The weekly rhythms front desks book acute phases in.
    private static readonly DayOfWeek[][] ThreePerWeek =
    [
        [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday],
        [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Thursday],
        [DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        [DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Saturday],
    ];

    private static readonly DayOfWeek[][] TwoPerWeek =
    [
        [DayOfWeek.Monday, DayOfWeek.Thursday],
        [DayOfWeek.Monday, DayOfWeek.Wednesday],
        [DayOfWeek.Tuesday, DayOfWeek.Thursday],
        [DayOfWeek.Tuesday, DayOfWeek.Friday],
        [DayOfWeek.Wednesday, DayOfWeek.Friday],
        [DayOfWeek.Wednesday, DayOfWeek.Saturday],
    ];

    private static DateOnly NextOf(DayOfWeek[] weekdays, DateOnly from)
    {
        while (!weekdays.Contains(from.DayOfWeek))
        {
            from = from.AddDays(1);
        }

        return from;
    }

    // Days between feeling the injury and the first visit.
    private int BookingDelay() => _random.Between(2, 10);

    private void AddVisit(SyntheticClinic clinic, DateOnly day, string service, ProviderRow provider, int episodeIndex, bool episodeIdLeftBlank, bool firstOfSeries)
    {
        var timeOfDay = _random.Chance(0.7) ? _preferredTimeOfDay : _random.NextDouble();
        var startsAt = clinic.SlotOn(day, timeOfDay);
        var status = DrawStatus();
        var bookedAt = DrawBookedAt(startsAt, firstOfSeries);
        _visits.Add(new PlannedVisit(clinic, startsAt, service, provider.ProviderId, episodeIndex, episodeIdLeftBlank, status, bookedAt));
    }

    private string DrawStatus()
    {
        var draw = _random.NextDouble();
        var cancelled = _profile.CancelledShare * _reliability;
        if (draw < cancelled)
        {
            return ContractValues.Cancelled;
        }

        if (draw < cancelled + (_profile.NoShowShare * _reliability))
        {
            return ContractValues.NoShow;
        }

        return _random.Chance(_profile.StaleBookedShare) ? ContractValues.Booked : ContractValues.Completed;
    }

    private DateTime? DrawBookedAt(DateTime startsAt, bool firstOfSeries)
    {
        if (!_random.Chance(_profile.BookedAtShare))
        {
            return null;
        }

        // Follow-ups are mostly booked at the front desk right after the previous visit.
        if (!firstOfSeries && _visits.Count > 0 && _random.Chance(0.6) && _visits[^1].StartsAt < startsAt.AddHours(-2))
        {
            return _visits[^1].StartsAt.AddMinutes(50 + _random.Between(0, 20));
        }

        var daysAhead = firstOfSeries ? _random.Between(1, 14) : _random.Between(1, 7);
        return startsAt.Date.AddDays(-daysAhead).AddHours(8).AddSeconds(_random.Between(0, (10 * 3600) - 1));
    }
}

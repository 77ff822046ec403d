using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Seeding;

/// <summary>
/// Lives one patient's life at one clinic, from arrival to a few weeks past "today": acute phases of 2-3
/// visits a week, maintenance massage for some, lapses, re-injuries (more of them without maintenance),
/// cancellations and no-shows. Everything is drawn from the patient's own random stream, in date order.
/// How each visit is placed and drawn (its weekday, slot, status and booking time) is in
/// PatientSimulation.Visits.cs.
/// </summary>
internal sealed partial class PatientSimulation
{
    // How far past "today" a life is lived: far enough to reach every maintenance patient's next slot
    // (an interval of up to 42 days, twice that when one is skipped); the rows keep only the bookings.
    private const int FutureHorizonDays = 90;

    private readonly SyntheticClinic _clinic;
    private readonly int _patientNumber;
    private readonly SeedSettings _settings;
    private readonly SyntheticPracticeProfile _profile;
    private readonly Random _random;
    private readonly WeightedChoice<AcutePhaseEnding> _endings;
    private readonly DateOnly _simulationEnd;
    private readonly List<PlannedEpisode> _episodes = [];
    private readonly List<PlannedVisit> _visits = [];

    private ProviderRow _physicalTherapist = null!;
    private ProviderRow _massageTherapist = null!;
    private SyntheticClinic? _sisterClinic;
    private double _reliability;
    private double _preferredTimeOfDay;

    public PatientSimulation(SyntheticClinic clinic, int patientNumber, SeedSettings settings, SyntheticPracticeProfile profile)
    {
        _clinic = clinic;
        _patientNumber = patientNumber;
        _settings = settings;
        _profile = profile;
        _random = new Random(SubSeed.ForPatient(settings.Seed, clinic.Number, patientNumber));
        _endings = new WeightedChoice<AcutePhaseEnding>(
            (AcutePhaseEnding.GoalsMet, profile.GoalsMetWeight),
            (AcutePhaseEnding.StoppedComing, profile.StoppedComingWeight),
            (AcutePhaseEnding.SelfDischarged, profile.SelfDischargedWeight),
            (AcutePhaseEnding.ReferredOut, profile.ReferredOutWeight),
            (AcutePhaseEnding.Other, profile.OtherEndWeight));
        _simulationEnd = settings.Until.AddDays(FutureHorizonDays);
    }

    public SyntheticPatient Run()
    {
        var patient = DrawPatient();
        DrawHabits();
        LiveHistory();
        var rows = new PatientRowsBuilder(_clinic, _patientNumber, _settings, _profile).Build(patient, _episodes, _visits);
        return rows with { Patient = WhatTheSystemSays(rows) };
    }

    /// <summary>
    /// A few patients died, and a few withhold a channel, as a clinic's system records. Drawn after the
    /// whole life, so every earlier draw (and every seeded history before these columns) stays as it was.
    /// Most deaths fall after the last visit; some before a visit or a booking the clinic never took off,
    /// which the Data quality sheet then counts.
    /// </summary>
    private PatientRow WhatTheSystemSays(SyntheticPatient rows)
    {
        var patient = rows.Patient;
        if (_random.Chance(_profile.DeceasedShare))
        {
            var lastVisit = rows.Appointments.Where(row => row.StartsAt < _settings.Until.ToDateTime(TimeOnly.MinValue)).Select(row => DateOnly.FromDateTime(row.StartsAt)).DefaultIfEmpty(_settings.HistoryStart).Max();
            var diedOn = lastVisit.AddDays(_random.Between(-30, 150));
            patient = patient with { DeceasedOn = diedOn < _settings.Until ? diedOn : _settings.Until.AddDays(-1) };
        }

        if (_random.Chance(_profile.WithheldChannelShare))
        {
            // Mostly one channel withheld; now and then all three (then the patient is as do-not-contact).
            patient = _random.Between(0, 9) switch
            {
                <= 3 => patient with { AllowPhone = false },
                <= 6 => patient with { AllowEmail = false },
                <= 8 => patient with { AllowSms = false },
                _ => patient with { AllowPhone = false, AllowSms = false, AllowEmail = false },
            };
        }

        return patient;
    }

    private PatientRow DrawPatient()
    {
        var firstName = _random.OneOf(SyntheticReferenceData.FirstNames);
        var lastName = _random.OneOf(SyntheticReferenceData.LastNames);
        // Ages 18-85, most of them in their forties to sixties, as in outpatient PT.
        var age = 18 + (int)(67 * (_random.NextDouble() + _random.NextDouble()) / 2);
        var birthDate = _settings.Until.AddYears(-age).AddDays(-_random.Between(0, 364));
        var phone = _random.Chance(0.92) ? $"{_clinic.AreaCode}-555-01{_random.Between(0, 99):D2}" : null;
        var email = _random.Chance(0.8)
            ? $"{firstName}.{lastName}{_random.Between(1, 99)}@example.com".ToLowerInvariant()
            : null;
        var channel = SyntheticReferenceData.PreferredChannels.Pick(_random);
        channel = channel switch
        {
            _ when phone is null && email is null => null,
            "sms" or "phone" when phone is null => "email",
            "email" when email is null => "sms",
            _ => channel,
        };
        var doNotContact = _random.Chance(_profile.DoNotContactShare);
        return new PatientRow(
            SyntheticIds.Patient(_clinic.Id, _patientNumber), _clinic.Id, firstName, lastName, birthDate, phone, email, channel, doNotContact);
    }

    private void DrawHabits()
    {
        // Some patients keep nearly every appointment, some miss many: the group average stays near the
        // profile's shares (the multiplier averages about 1.1).
        _reliability = _random.Between(0.35, 1.85);
        _preferredTimeOfDay = _random.NextDouble();
        _physicalTherapist = _random.OneOf(_clinic.PhysicalTherapists);
        _massageTherapist = _random.OneOf(_clinic.MassageTherapists);
        _sisterClinic = _clinic.SisterClinics.Count > 0 && _random.Chance(_profile.SisterClinicShare)
            ? _random.OneOf(_clinic.SisterClinics)
            : null;
    }

    private void LiveHistory()
    {
        var historyDays = _settings.Until.DayNumber - _settings.HistoryStart.DayNumber;
        var next = _settings.HistoryStart.AddDays(_random.Next(historyDays));
        SyntheticCondition? lastCondition = null;

        if (_random.Chance(_profile.MaintenanceOnlyShare))
        {
            next = AfterMaintenance(next, SyntheticReferenceData.MaintenanceRhythms.Pick(_random));
        }

        // Episode ids carry a two-digit number; nobody is re-injured 99 times in a few years.
        while (next < _simulationEnd && _episodes.Count < 99)
        {
            var (episode, lastVisit) = LiveAcutePhase(next, lastCondition);
            lastCondition = episode.Condition;
            var quietUntil = episode.DischargeOn is { } discharged && discharged > lastVisit ? discharged : lastVisit;

            if (_random.Chance(MaintenanceChance(episode.Ending)))
            {
                var start = lastVisit.AddDays(FirstMaintenanceDelay());
                var interval = episode.MaintenanceIntervalDays ?? SyntheticReferenceData.MaintenanceRhythms.Pick(_random);
                next = AfterMaintenance(start, interval);
            }
            else
            {
                next = NextInjury(lastVisit);
            }

            // A new episode starts after the last one was closed, so recorded episodes never overlap.
            if (next <= quietUntil)
            {
                next = quietUntil.AddDays(_random.Between(1, 14));
            }
        }
    }

    private (PlannedEpisode Episode, DateOnly LastVisit) LiveAcutePhase(DateOnly start, SyntheticCondition? lastCondition)
    {
        var weeks = _random.Between(_profile.AcuteWeeksMin, _profile.AcuteWeeksMax);
        var rhythms = _random.Chance(_profile.ThreeVisitsPerWeekShare) ? ThreePerWeek : TwoPerWeek;
        var weekdays = _random.OneOf(rhythms.Where(days => _clinic.OpensSaturdays || !days.Contains(DayOfWeek.Saturday)).ToList());
        var planned = weeks * weekdays.Length;
        var ending = _endings.Pick(_random);
        var visits = ending switch
        {
            AcutePhaseEnding.GoalsMet => planned,
            AcutePhaseEnding.ReferredOut => _random.Between(2, Math.Min(6, planned)),
            _ => Math.Max(1, (int)Math.Round(planned * _random.Between(0.15, 0.8))),
        };
        var withMassage = _random.Chance(_profile.RecoveryMassageEpisodeShare);
        // A re-injury is often the same problem again.
        var condition = lastCondition is not null && _random.Chance(0.5) ? lastCondition : SyntheticReferenceData.Conditions.Pick(_random);
        var recorded = !_random.Chance(_profile.UnrecordedEpisodeShare);
        int? interval = recorded && _random.Chance(_profile.CustomMaintenanceIntervalShare)
            ? SyntheticReferenceData.CustomMaintenanceIntervals.Pick(_random)
            : null;
        var referralSource = SyntheticReferenceData.ReferralSources.Pick(_random);
        var episodeIndex = _episodes.Count;

        var firstVisit = NextOf(weekdays, start);
        var day = firstVisit;
        var lastVisit = firstVisit;
        for (var visit = 0; visit < visits && day < _simulationEnd; visit++)
        {
            var isMassage = withMassage && visit > 0 && _random.Chance(_profile.RecoveryMassageVisitShare);
            var provider = isMassage
                ? _massageTherapist
                : _random.Chance(0.9) ? _physicalTherapist : _random.OneOf(_clinic.PhysicalTherapists);
            AddVisit(
                _clinic,
                day,
                isMassage ? ContractValues.RecoveryMassage : ContractValues.PhysicalTherapy,
                provider,
                episodeIndex,
                _random.Chance(_profile.MissingEpisodeIdShare),
                firstOfSeries: visit == 0);
            lastVisit = day;
            day = NextOf(weekdays, day.AddDays(1));
        }

        DateOnly? dischargeOn = ending switch
        {
            AcutePhaseEnding.GoalsMet => lastVisit.AddDays(_random.Between(0, 2)),
            // The front desk closes the file weeks later, when it notices.
            AcutePhaseEnding.SelfDischarged => lastVisit.AddDays(_random.Between(7, 35)),
            AcutePhaseEnding.ReferredOut => lastVisit.AddDays(_random.Between(0, 3)),
            AcutePhaseEnding.Other => lastVisit.AddDays(_random.Between(0, 14)),
            _ => null,
        };
        var episode = new PlannedEpisode(episodeIndex + 1, firstVisit, ending, dischargeOn, recorded, condition, referralSource, interval);
        _episodes.Add(episode);
        return (episode, lastVisit);
    }

    /// <summary>Maintenance massage every <paramref name="interval"/> days until it lapses or a new injury; returns when the next acute phase starts.</summary>
    private DateOnly AfterMaintenance(DateOnly start, int interval)
    {
        var day = start;
        var firstOfSeries = true;
        while (day < _simulationEnd)
        {
            var clinic = _sisterClinic is not null && _random.Chance(0.35) ? _sisterClinic : _clinic;
            day = clinic.NextOpenDay(day);
            var therapist = clinic == _clinic ? _massageTherapist : _random.OneOf(clinic.MassageTherapists);
            AddVisit(clinic, day, ContractValues.MaintenanceMassage, therapist, episodeIndex: -1, episodeIdLeftBlank: false, firstOfSeries);
            firstOfSeries = false;

            if (_random.Chance(_profile.MaintenanceDropOutPerVisit))
            {
                return NextInjury(day);
            }

            var gap = Math.Max(7, interval + _random.Between(-3, 3));
            if (_random.Chance(_profile.MaintenanceSkipShare))
            {
                gap += interval;
            }

            var injuryChance = 1 - Math.Pow(1 - _profile.ReinjuryPerYearWithMaintenance, gap / 365.0);
            if (_random.Chance(injuryChance))
            {
                return day.AddDays(_random.Between(1, gap) + BookingDelay());
            }

            day = day.AddDays(gap);
        }

        return _simulationEnd;
    }

    private DateOnly NextInjury(DateOnly from)
    {
        var days = _random.DaysUntilEvent(_profile.ReinjuryPerYearWithoutMaintenance);
        return days > _simulationEnd.DayNumber - from.DayNumber ? _simulationEnd : from.AddDays(days + BookingDelay());
    }

    // Most patients who convert book their first maintenance massage within three weeks; some take longer.
    private int FirstMaintenanceDelay() => _random.Chance(0.75) ? _random.Between(5, 21) : _random.Between(22, 50);

    private double MaintenanceChance(AcutePhaseEnding ending) => ending switch
    {
        AcutePhaseEnding.GoalsMet => _profile.MaintenanceAfterGoalsMet,
        AcutePhaseEnding.StoppedComing => _profile.MaintenanceAfterStoppedComing,
        AcutePhaseEnding.SelfDischarged => _profile.MaintenanceAfterSelfDischarged,
        AcutePhaseEnding.ReferredOut => _profile.MaintenanceAfterReferredOut,
        _ => _profile.MaintenanceAfterOther,
    };
}

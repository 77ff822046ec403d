using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Seeding;

/// <summary>
/// Turns a simulated life into the rows a clinic's EMR would hold on "today" (<see cref="SeedSettings.Until"/>):
/// what happened before it keeps its drawn status; what falls on or after it is a booking (acute visits a
/// few weeks ahead, the next maintenance slot); an episode that has not started is not recorded yet, and
/// one not discharged by then is open.
/// </summary>
internal sealed class PatientRowsBuilder
{
    private readonly SyntheticClinic _clinic;
    private readonly int _patientNumber;
    private readonly DateOnly _until;
    private readonly DateOnly _acuteBookingHorizon;

    public PatientRowsBuilder(SyntheticClinic clinic, int patientNumber, SeedSettings settings, SyntheticPracticeProfile profile)
    {
        _clinic = clinic;
        _patientNumber = patientNumber;
        _until = settings.Until;
        _acuteBookingHorizon = settings.Until.AddDays(profile.AcuteBookingHorizonDays);
    }

    public SyntheticPatient Build(PatientRow patient, IReadOnlyList<PlannedEpisode> plannedEpisodes, IReadOnlyList<PlannedVisit> visits)
    {
        var episodeIds = new string?[plannedEpisodes.Count];
        var episodes = new List<EpisodeRow>(plannedEpisodes.Count);
        foreach (var planned in plannedEpisodes)
        {
            if (!planned.Recorded || planned.FirstVisit >= _until)
            {
                continue;
            }

            // Recorded episodes are numbered without gaps, so a re-seed finds left-over ones by number alone.
            var id = SyntheticIds.Episode(_clinic.Id, _patientNumber, episodes.Count + 1);
            episodeIds[planned.Number - 1] = id;
            var discharged = planned.DischargeOn is { } day && day < _until ? day : (DateOnly?)null;
            episodes.Add(new EpisodeRow(
                id,
                patient.PatientId,
                _clinic.Id,
                planned.FirstVisit,
                discharged,
                discharged is null ? null : DischargeReason(planned.Ending),
                planned.Condition.Condition,
                planned.Condition.BodyRegion,
                planned.ReferralSource,
                planned.MaintenanceIntervalDays));
        }

        var appointments = new List<AppointmentRow>(visits.Count);
        var maintenanceBooked = false;
        foreach (var visit in visits)
        {
            var isFuture = visit.Date >= _until;
            if (isFuture && (visit.IsMaintenance ? maintenanceBooked : visit.Date >= _acuteBookingHorizon))
            {
                continue;
            }

            maintenanceBooked |= isFuture && visit.IsMaintenance;
            var number = appointments.Count + 1;
            appointments.Add(new AppointmentRow(
                SyntheticIds.Appointment(_clinic.Id, _patientNumber, number),
                patient.PatientId,
                visit.Clinic.Id,
                visit.ProviderId,
                visit.EpisodeIndex < 0 || visit.EpisodeIdLeftBlank ? null : episodeIds[visit.EpisodeIndex],
                visit.Service,
                visit.StartsAt,
                isFuture ? ContractValues.Booked : visit.Status,
                BookedAtUtc(visit, isFuture)));
        }

        return new SyntheticPatient(
            patient,
            episodes,
            appointments,
            SyntheticIds.EpisodePrefix(_clinic.Id, _patientNumber),
            SyntheticIds.AppointmentPrefix(_clinic.Id, _patientNumber));
    }

    private DateTime? BookedAtUtc(PlannedVisit visit, bool isFuture)
    {
        if (visit.BookedAtLocal is not { } local)
        {
            return null;
        }

        // Nothing is booked after "today" began: a booking drawn for later was made the afternoon before.
        var todayStarts = _until.ToDateTime(TimeOnly.MinValue);
        if (isFuture && local >= todayStarts)
        {
            local = todayStarts.AddDays(-1).AddHours(16).AddMinutes(visit.StartsAt.Minute);
        }

        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), visit.Clinic.TimeZone);
    }

    private static string DischargeReason(AcutePhaseEnding ending) => ending switch
    {
        AcutePhaseEnding.GoalsMet => ContractValues.GoalsMet,
        AcutePhaseEnding.SelfDischarged => ContractValues.SelfDischarged,
        AcutePhaseEnding.ReferredOut => ContractValues.ReferredOut,
        _ => ContractValues.OtherReason,
    };
}

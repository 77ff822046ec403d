namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// One acute episode of a patient as of a date: a recorded episode, or an implicit one (acute visits no
/// recorded episode covers, split at gaps of ImplicitDischargeDays).
/// </summary>
/// <param name="EpisodeId">The recorded episode's id; null for an implicit episode.</param>
/// <param name="ClinicId">Recorded: the episode's clinic; implicit: the clinic of its last visit.</param>
/// <param name="StartedOn">Recorded: started_on; implicit: its first visit.</param>
/// <param name="End">E, the acute end; null while the episode is active.</param>
/// <param name="EndType">How it ended; null while active.</param>
/// <param name="EndedByDischarge">True when E is a recorded discharge date (not inferred from the visits stopping).</param>
/// <param name="LastVisit">Its last completed acute visit before the as-of date, if any.</param>
/// <param name="Visits">Completed acute visits before the as-of date that belong to it.</param>
/// <param name="DischargingProviderId">Provider of its last completed acute visit.</param>
/// <param name="FirstVisitAppointmentId">Implicit episodes: the appointment id of the first visit (names the episode in notes).</param>
internal readonly record struct EvaluatedEpisode(
    string? EpisodeId,
    string ClinicId,
    DateOnly StartedOn,
    DateOnly? End,
    AcuteEndType? EndType,
    bool EndedByDischarge,
    DateOnly? LastVisit,
    int Visits,
    string? DischargingProviderId,
    string? BodyRegion,
    string? ReferralSource,
    int? MaintenanceIntervalDays,
    string? FirstVisitAppointmentId)
{
    public bool IsImplicit => EpisodeId is null;

    public bool IsActive => End is null;
}

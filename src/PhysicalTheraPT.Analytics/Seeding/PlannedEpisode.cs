namespace PhysicalTheraPT.Analytics.Seeding;

/// <summary>An acute phase as simulated, before "today" decides whether it is recorded, open or discharged.</summary>
internal sealed record PlannedEpisode(
    int Number,
    DateOnly FirstVisit,
    AcutePhaseEnding Ending,
    DateOnly? DischargeOn,
    bool Recorded,
    SyntheticCondition Condition,
    string ReferralSource,
    int? MaintenanceIntervalDays);

/// <summary>
/// An appointment as simulated. Its status is drawn as if it had happened; an appointment on or after
/// "today" becomes a booking when the patient's rows are built. <see cref="EpisodeIndex"/> is -1 outside
/// an acute phase; <see cref="BookedAtLocal"/> is clinic-local wall-clock time.
/// </summary>
internal readonly record struct PlannedVisit(
    SyntheticClinic Clinic,
    DateTime StartsAt,
    string Service,
    string ProviderId,
    int EpisodeIndex,
    bool EpisodeIdLeftBlank,
    string Status,
    DateTime? BookedAtLocal)
{
    public DateOnly Date => DateOnly.FromDateTime(StartsAt);

    public bool IsMaintenance => Service == ContractValues.MaintenanceMassage;
}

/// <summary>How a generated acute phase ends; all but <see cref="StoppedComing"/> are recorded as a discharge reason.</summary>
internal enum AcutePhaseEnding
{
    GoalsMet,

    /// <summary>The patient just stops coming and nobody closes the episode: it stays open.</summary>
    StoppedComing,

    SelfDischarged,
    ReferredOut,
    Other,
}

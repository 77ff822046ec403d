namespace PhysicalTheraPT.Analytics.Seeding;

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

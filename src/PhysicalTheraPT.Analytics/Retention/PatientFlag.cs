namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// A patient to call, as of a date. Holds ids and dates only: no name, phone or email.
/// </summary>
/// <param name="ClinicId">The patient's clinic: the flag belongs there.</param>
/// <param name="AcuteEnd">E: the patient's latest acute end, when there is one.</param>
/// <param name="EndType">End type of the episode that ended at <paramref name="AcuteEnd"/>.</param>
/// <param name="LastMaintenance">The patient's last maintenance visit, whenever there is one.</param>
/// <param name="DaysSince">Days from <paramref name="AcuteEnd"/> (dropped) or <paramref name="LastMaintenance"/> (lapsed) to the as-of date.</param>
/// <param name="Priority">0-100, higher first; see <paramref name="PriorityExplanation"/>.</param>
/// <param name="PriorityExplanation">The points behind the priority, e.g. "recency 35/40 (...) + ...".</param>
/// <param name="Reason">One sentence for front desk.</param>
/// <param name="DischargingProviderId">Provider of the last completed acute visit of the episode that ended at E.</param>
/// <param name="EpisodeVisits">Completed acute visits of the episode that ended at E (0 when none).</param>
/// <param name="MaintenanceIntervalDays">The interval the lapse rule used (lapsed flags; the episode's or the default).</param>
internal sealed record PatientFlag(
    string PatientId,
    string ClinicId,
    PatientFlagKind Kind,
    DateOnly? AcuteEnd,
    AcuteEndType? EndType,
    DateOnly? LastMaintenance,
    int DaysSince,
    int Priority,
    string PriorityExplanation,
    string Reason,
    string? DischargingProviderId,
    int EpisodeVisits,
    int MaintenanceIntervalDays);

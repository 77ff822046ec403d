using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Seeding;

/// <summary>
/// One generated patient with their recorded episodes and appointments, in date order, and the id prefixes
/// all of this patient's episode and appointment ids start with (whatever the seed).
/// </summary>
internal sealed record SyntheticPatient(
    PatientRow Patient,
    IReadOnlyList<EpisodeRow> Episodes,
    IReadOnlyList<AppointmentRow> Appointments,
    string EpisodeIdPrefix,
    string AppointmentIdPrefix);

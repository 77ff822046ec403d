namespace PhysicalTheraPT.Analytics.Seeding;

/// <summary>
/// Parameters that find what an earlier, longer history of one patient left behind: ids with the patient's
/// prefix that sort after the last one generated now (blank when none was).
/// </summary>
internal sealed record PatientLeftovers(
    string PatientId,
    string AppointmentIdPattern,
    string LastAppointmentId,
    string EpisodeIdPattern,
    string LastEpisodeId)
{
    public static PatientLeftovers Of(SyntheticPatient patient) => new(
        patient.Patient.PatientId,
        patient.AppointmentIdPrefix + "%",
        patient.Appointments.Count == 0 ? "" : patient.Appointments[^1].AppointmentId,
        patient.EpisodeIdPrefix + "%",
        patient.Episodes.Count == 0 ? "" : patient.Episodes[^1].EpisodeId);
}

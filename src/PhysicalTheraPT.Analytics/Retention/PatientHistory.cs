namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// Everything the retention rules need about one patient: recorded episodes ordered by start date and
/// appointments ordered by date. The streaming reader fills one instance per patient and reuses it for
/// the next, so memory holds one patient's history at a time: consumers must not keep a reference to it
/// (or its lists) past the call that received it.
/// </summary>
internal sealed class PatientHistory
{
    public string PatientId { get; set; } = "";

    public string ClinicId { get; set; } = "";

    public bool DoNotContact { get; set; }

    public List<PatientEpisode> Episodes { get; } = [];

    public List<PatientAppointment> Appointments { get; } = [];

    /// <summary>Empties the history for the next patient, keeping the lists' capacity.</summary>
    public void Reset(string patientId, string clinicId, bool doNotContact)
    {
        PatientId = patientId;
        ClinicId = clinicId;
        DoNotContact = doNotContact;
        Episodes.Clear();
        Appointments.Clear();
    }
}

/// <summary>One recorded episode of acute care, as the retention rules see it.</summary>
internal sealed record PatientEpisode(
    string EpisodeId,
    string ClinicId,
    DateOnly StartedOn,
    DateOnly? DischargedOn,
    string? DischargeReason,
    string? BodyRegion,
    string? ReferralSource,
    int? MaintenanceIntervalDays);

/// <summary>A completed maintenance visit before the as-of date, and the clinic it took place at.</summary>
internal readonly record struct MaintenanceVisit(DateOnly Date, string ClinicId);

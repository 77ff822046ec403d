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

    /// <summary>Do-not-contact, a recorded death and consent per channel (<see cref="ContactConsent"/>).</summary>
    public ContactConsent Consent { get; set; }

    /// <summary>Do-not-contact as the clinic's system or front desk recorded it (one part of <see cref="Consent"/>).</summary>
    public bool DoNotContact
    {
        get => Consent.DoNotContact;
        set => Consent = Consent with { DoNotContact = value };
    }

    public List<PatientEpisode> Episodes { get; } = [];

    public List<PatientAppointment> Appointments { get; } = [];

    /// <summary>Empties the history for the next patient, keeping the lists' capacity.</summary>
    public void Reset(string patientId, string clinicId, bool doNotContact) => Reset(patientId, clinicId, new ContactConsent(doNotContact));

    /// <summary>Empties the history for the next patient, keeping the lists' capacity.</summary>
    public void Reset(string patientId, string clinicId, ContactConsent consent)
    {
        PatientId = patientId;
        ClinicId = clinicId;
        Consent = consent;
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

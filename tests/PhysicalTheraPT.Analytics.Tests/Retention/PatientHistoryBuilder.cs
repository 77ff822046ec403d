using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Tests.Retention;

/// <summary>
/// Builds one patient's history with defaults (patient p1 of clinic c1, provider pr1), so a test states
/// only the dates and facts that matter. Dates are given as days before the as-of date <see cref="AsOf"/>.
/// </summary>
internal sealed class PatientHistoryBuilder
{
    /// <summary>The as-of date D every test evaluates at unless it says otherwise.</summary>
    public static readonly DateOnly AsOf = new(2025, 10, 15);

    private readonly List<PatientEpisode> episodes = [];
    private readonly List<PatientAppointment> appointments = [];
    private string patientId = "p1";
    private string clinicId = "c1";
    private ContactConsent consent;
    private int nextAppointment = 1;

    /// <summary>The date <paramref name="daysBefore"/> days before <see cref="AsOf"/> (negative: after).</summary>
    public static DateOnly Day(int daysBefore) => AsOf.AddDays(-daysBefore);

    public PatientHistoryBuilder Patient(string id, string clinic = "c1")
    {
        patientId = id;
        clinicId = clinic;
        return this;
    }

    public PatientHistoryBuilder DoNotContact()
    {
        consent = consent with { DoNotContact = true };
        return this;
    }

    /// <summary>The clinic's system records the patient's death on <paramref name="date"/>.</summary>
    public PatientHistoryBuilder DiedOn(DateOnly date)
    {
        consent = consent with { DeceasedOn = date };
        return this;
    }

    /// <summary>The channels the patient allows (all of them unless a test says otherwise).</summary>
    public PatientHistoryBuilder Allows(bool phone = true, bool sms = true, bool email = true)
    {
        consent = consent with { AllowPhone = phone, AllowSms = sms, AllowEmail = email };
        return this;
    }

    /// <summary>A recorded episode; discharged and reason blank leave it open.</summary>
    public PatientHistoryBuilder Episode(
        string id,
        DateOnly startedOn,
        DateOnly? dischargedOn = null,
        string? reason = null,
        int? maintenanceIntervalDays = null,
        string? clinic = null,
        string? bodyRegion = "lumbar",
        string? referralSource = "physician")
    {
        episodes.Add(new PatientEpisode(id, clinic ?? clinicId, startedOn, dischargedOn, reason, bodyRegion, referralSource, maintenanceIntervalDays));
        return this;
    }

    /// <summary>A completed PT visit (or other acute appointment by status).</summary>
    public PatientHistoryBuilder Acute(
        DateOnly date,
        string? episodeId = null,
        AppointmentStatus status = AppointmentStatus.Completed,
        string? provider = "pr1",
        string? clinic = null,
        ServiceKind service = ServiceKind.PhysicalTherapy,
        string? appointmentId = null) =>
        Add(new PatientAppointment(appointmentId ?? NextId(), date, service, status, clinic ?? clinicId, provider, episodeId));

    /// <summary>Completed acute visits on each of the dates.</summary>
    public PatientHistoryBuilder AcuteVisits(string? episodeId, params DateOnly[] dates)
    {
        foreach (var date in dates)
        {
            Acute(date, episodeId);
        }

        return this;
    }

    /// <summary>Completed visits of the patient's first episode, one every five days, the last five days before <paramref name="end"/>.</summary>
    public PatientHistoryBuilder AcuteVisitsBefore(DateOnly end, int visits, string? provider = "pr1")
    {
        for (var i = visits; i >= 1; i--)
        {
            Acute(end.AddDays(-5 * i), episodes[0].EpisodeId, provider: provider);
        }

        return this;
    }

    public PatientHistoryBuilder Maintenance(
        DateOnly date,
        AppointmentStatus status = AppointmentStatus.Completed,
        string? clinic = null,
        string? episodeId = null,
        string? appointmentId = null) =>
        Add(new PatientAppointment(appointmentId ?? NextId(), date, ServiceKind.MaintenanceMassage, status, clinic ?? clinicId, "pr9", episodeId));

    /// <summary>The history with appointments in date order (stable, as the reader gives them).</summary>
    public PatientHistory Build()
    {
        var history = new PatientHistory();
        history.Reset(patientId, clinicId, consent);
        history.Episodes.AddRange(episodes.OrderBy(e => e.StartedOn));
        history.Appointments.AddRange(appointments.OrderBy(a => a.Date));
        return history;
    }

    private PatientHistoryBuilder Add(PatientAppointment appointment)
    {
        appointments.Add(appointment);
        return this;
    }

    private string NextId() => $"{patientId}-a{nextAppointment++}";
}

using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>
/// Builds a small clinic history and writes it through <see cref="ClinicDataWriter"/>, with defaults so a
/// test states only what matters: clinic <c>c1</c> (America/Denver), appointments completed <c>pt</c> at
/// 09:00 in the patient's clinic.
/// </summary>
internal sealed class ClinicDataBuilder
{
    private readonly List<ClinicRow> _clinics = [];
    private readonly List<ProviderRow> _providers = [];
    private readonly List<PatientRow> _patients = [];
    private readonly List<EpisodeRow> _episodes = [];
    private readonly List<AppointmentRow> _appointments = [];

    public ClinicDataBuilder Clinic(string clinicId, string timeZone = "America/Denver", string? name = null)
    {
        _clinics.Add(new ClinicRow(clinicId, name ?? $"Clinic {clinicId}", timeZone));
        return this;
    }

    public ClinicDataBuilder Provider(string providerId, string clinicId = "c1", string name = "Dana Ruiz", string discipline = "physical_therapy")
    {
        _providers.Add(new ProviderRow(providerId, clinicId, name, discipline));
        return this;
    }

    public ClinicDataBuilder Patient(string patientId, string clinicId = "c1", bool doNotContact = false)
    {
        _patients.Add(new PatientRow(patientId, clinicId, "Test", "Patient", null, null, null, null, doNotContact));
        return this;
    }

    /// <summary>A patient row as given, for a test about contact details, death or consent.</summary>
    public ClinicDataBuilder Patient(PatientRow row)
    {
        _patients.Add(row);
        return this;
    }

    public ClinicDataBuilder Episode(
        string episodeId,
        string patientId,
        string startedOn,
        string? dischargedOn = null,
        string? dischargeReason = null,
        string? clinicId = null,
        string? bodyRegion = null,
        string? referralSource = null,
        int? maintenanceIntervalDays = null)
    {
        _episodes.Add(new EpisodeRow(
            episodeId,
            patientId,
            clinicId ?? ClinicOf(patientId),
            DateOnly.Parse(startedOn, System.Globalization.CultureInfo.InvariantCulture),
            dischargedOn is null ? null : DateOnly.Parse(dischargedOn, System.Globalization.CultureInfo.InvariantCulture),
            dischargeReason,
            null,
            bodyRegion,
            referralSource,
            maintenanceIntervalDays));
        return this;
    }

    /// <summary><paramref name="startsAt"/>: <c>YYYY-MM-DD</c> (09:00) or <c>YYYY-MM-DD HH:MM</c>, clinic local time.</summary>
    public ClinicDataBuilder Appointment(
        string appointmentId,
        string patientId,
        string startsAt,
        string service = "pt",
        string status = "completed",
        string? episodeId = null,
        string? providerId = null,
        string? clinicId = null,
        DateTime? bookedAtUtc = null)
    {
        var start = DateTime.Parse(startsAt.Length == 10 ? startsAt + " 09:00" : startsAt, System.Globalization.CultureInfo.InvariantCulture);
        _appointments.Add(new AppointmentRow(
            appointmentId, patientId, clinicId ?? ClinicOf(patientId), providerId, episodeId, service, start, status, bookedAtUtc));
        return this;
    }

    public async Task WriteAsync(AnalyticsDatabase database)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var writer = new ClinicDataWriter(connection, transaction, database.Dialect);
        await writer.UpsertClinicsAsync(_clinics, default);
        await writer.UpsertProvidersAsync(_providers, default);
        await writer.UpsertPatientsAsync(_patients, default);
        await writer.UpsertEpisodesAsync(_episodes, default);
        await writer.UpsertAppointmentsAsync(_appointments, default);
        await transaction.CommitAsync();
    }

    private string ClinicOf(string patientId) =>
        _patients.FirstOrDefault(patient => patient.PatientId == patientId)?.ClinicId
        ?? throw new InvalidOperationException($"Add patient {patientId} before their episodes and appointments.");
}

using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Import;

/// <summary>
/// appointments.csv. Every reference must resolve, and an appointment's episode must be the same
/// patient's (else it would count in another patient's acute phase). The appointment's clinic may differ
/// from the patient's home clinic and from the provider's: therapists and patients move between sister
/// clinics, and the appointment's own clinic is where it happened. starts_at is the clinic's wall-clock
/// time; booked_at without an offset is converted to UTC with the clinic's time zone.
/// </summary>
internal sealed class AppointmentsCsv(ReferenceIndex index, ServiceNameMap services) : IContractCsv<AppointmentRow>
{
    private static readonly string[] Statuses = ["booked", "completed", "cancelled", "no_show"];

    public ContractFile File => ContractFile.Appointments;

    public AppointmentRow Parse(RecordFields fields)
    {
        var appointmentId = fields.Id("appointment_id");
        var patientId = fields.Id("patient_id");
        var patientIsKnown = index.Patients.TryFind(fields, "patient_id", patientId, out _);
        var clinicId = fields.Id("clinic_id");
        if (index.Clinics.TryFind(fields, "clinic_id", clinicId, out var timeZone) && timeZone is null)
        {
            fields.Add("clinic_id", "has a time zone in the database that this machine does not know; import clinics.csv with an IANA time zone");
        }

        var providerId = fields.OptionalId("provider_id");
        index.Providers.TryFind(fields, "provider_id", providerId, out _);
        var episodeId = fields.OptionalId("episode_id");
        if (index.Episodes.TryFind(fields, "episode_id", episodeId, out var episodePatientId) && patientIsKnown && episodePatientId != patientId)
        {
            fields.Add("episode_id", "refers to an episode of another patient than this row's patient_id");
        }

        var service = ReadService(fields);
        var startsAt = fields.WallClock("starts_at");
        var status = fields.OneOf("status", Statuses);
        var bookedAt = fields.OptionalInstant("booked_at", timeZone);
        return new AppointmentRow(appointmentId, patientId, clinicId, providerId, episodeId, service, startsAt, status, bookedAt);
    }

    public void Accept(AppointmentRow row)
    {
        // Nothing refers to an appointment: keeping its id would only grow memory with the file.
    }

    public void Reject(string id, int line)
    {
        // Nothing refers to an appointment.
    }

    public Task<int> WriteAsync(ClinicDataWriter writer, IReadOnlyList<AppointmentRow> rows, CancellationToken cancellationToken) =>
        writer.UpsertAppointmentsAsync(rows, cancellationToken);

    private string ReadService(RecordFields fields)
    {
        var name = fields.Value("service");
        if (name.Length == 0)
        {
            fields.Add("service", $"is required (one of {string.Join(", ", ServiceNameMap.ContractServices)}, or a name mapped in Import:ServiceNames)");
            return "";
        }

        if (services.Find(name) is { } service)
        {
            return service;
        }

        fields.Add(
            "service",
            $"is not one of {string.Join(", ", ServiceNameMap.ContractServices)}; if it is this EMR's name for one of them, " +
            $"add it to Import:ServiceNames (e.g. \"Import\": {{ \"ServiceNames\": {{ \"<the EMR's name>\": \"maintenance_massage\" }} }})");
        return "";
    }
}

/// <summary>
/// Maps the service names found in appointments.csv to the three services of the contract: the contract
/// names themselves, plus each EMR name configured in <c>Import:ServiceNames</c>; matched ignoring case
/// and surrounding spaces.
/// </summary>
internal sealed class ServiceNameMap
{
    public static readonly IReadOnlyList<string> ContractServices = ["pt", "recovery_massage", "maintenance_massage"];

    private readonly Dictionary<string, string> _services = new(StringComparer.OrdinalIgnoreCase);

    public ServiceNameMap(IReadOnlyDictionary<string, string> configuredNames)
    {
        foreach (var service in ContractServices)
        {
            _services[service] = service;
        }

        foreach (var (emrName, configuredService) in configuredNames)
        {
            var name = emrName.Trim();
            var service = ContractServices.FirstOrDefault(candidate => candidate.Equals(configuredService?.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new UserInputException(
                    $"Import:ServiceNames maps '{name}' to '{configuredService}', which is not one of {string.Join(", ", ContractServices)}. " +
                    "Fix the mapping in the configuration (appsettings.json, ptanalytics.json or PTA_Import__ServiceNames__...).");
            if (_services.TryGetValue(name, out var existing) && existing != service)
            {
                throw new UserInputException(
                    $"Import:ServiceNames maps '{name}' to {service}, but it already means {existing} " +
                    "(names are matched ignoring case, and the contract names always mean themselves). Remove one of them.");
            }

            _services[name] = service;
        }
    }

    /// <summary>The contract service for an EMR service name, or null when it has no mapping.</summary>
    public string? Find(string serviceName) => _services.GetValueOrDefault(serviceName.Trim());
}

using System.Globalization;
using CsvHelper;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Files;

namespace PhysicalTheraPT.Analytics.Seeding;

/// <summary>
/// Writes the history as the five CSV files of the import contract (README, "The data contract"). Each file
/// is written under a temporary name in the target folder and renamed into place only when every file is
/// complete, so a reader never sees half a history; patients.csv holds contact details and is created
/// readable by its owner only.
/// </summary>
internal sealed class CsvHistorySink : IClinicHistorySink
{
    private readonly string _directory;
    private readonly AtomicCsvFile _clinics;
    private readonly AtomicCsvFile _providers;
    private readonly AtomicCsvFile _patients;
    private readonly AtomicCsvFile _episodes;
    private readonly AtomicCsvFile _appointments;
    private bool _completed;

    public CsvHistorySink(string directory)
    {
        _directory = Path.GetFullPath(directory);
        var opened = new List<AtomicCsvFile>();
        AtomicCsvFile Open(string name, bool ownerOnly, string[] header)
        {
            var file = new AtomicCsvFile(_directory, name, ownerOnly, header);
            opened.Add(file);
            return file;
        }

        try
        {
            FileModes.CreateFolder(_directory);
            _clinics = Open("clinics.csv", ownerOnly: false, ["clinic_id", "name", "time_zone"]);
            _providers = Open("providers.csv", ownerOnly: false, ["provider_id", "clinic_id", "name", "discipline"]);
            _patients = Open("patients.csv", ownerOnly: true, ["patient_id", "clinic_id", "first_name", "last_name", "birth_date", "phone", "email", "preferred_channel", "do_not_contact", "deceased_on", "allow_phone", "allow_sms", "allow_email"]);
            _episodes = Open("episodes.csv", ownerOnly: false, ["episode_id", "patient_id", "clinic_id", "started_on", "discharged_on", "discharge_reason", "condition", "body_region", "referral_source", "maintenance_interval_days"]);
            _appointments = Open("appointments.csv", ownerOnly: false, ["appointment_id", "patient_id", "clinic_id", "provider_id", "episode_id", "service", "starts_at", "status", "booked_at"]);
        }
        catch (UserInputException)
        {
            // A file that could not be started already says which file and why.
            Abandon(opened);
            throw;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Abandon(opened);
            throw new UserInputException($"Cannot write the CSV files to {_directory} (--csv): {exception.Message} Choose a folder you can write to.", exception);
        }
    }

    public string Destination => _directory;

    private IEnumerable<AtomicCsvFile> Files => [_clinics, _providers, _patients, _episodes, _appointments];

    public Task WriteClinicsAsync(IReadOnlyList<SyntheticClinic> clinics, CancellationToken cancellationToken)
    {
        foreach (var clinic in clinics)
        {
            _clinics.Write(clinic.Row.ClinicId, clinic.Row.Name, clinic.Row.TimeZone);
        }

        foreach (var provider in clinics.SelectMany(clinic => clinic.Providers))
        {
            _providers.Write(provider.ProviderId, provider.ClinicId, provider.Name, provider.Discipline);
        }

        return Task.CompletedTask;
    }

    public Task WritePatientAsync(SyntheticPatient patient, CancellationToken cancellationToken)
    {
        var row = patient.Patient;
        _patients.Write(row.PatientId, row.ClinicId, row.FirstName, row.LastName, Date(row.BirthDate), row.Phone, row.Email, row.PreferredChannel, Flag(row.DoNotContact), Date(row.DeceasedOn), Flag(row.AllowPhone), Flag(row.AllowSms), Flag(row.AllowEmail));
        foreach (var episode in patient.Episodes)
        {
            WriteEpisode(episode);
        }

        foreach (var appointment in patient.Appointments)
        {
            WriteAppointment(appointment);
        }

        return Task.CompletedTask;
    }

    public Task FinishClinicAsync(SyntheticClinic clinic, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<IReadOnlyList<SeedTableResult>> CompleteAsync(CancellationToken cancellationToken)
    {
        foreach (var file in Files)
        {
            await file.CloseAsync();
        }

        foreach (var file in Files)
        {
            file.MoveIntoPlace();
        }

        _completed = true;
        return Files.Select(file => new SeedTableResult(file.Name, file.Rows, null, 0)).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var file in Files)
        {
            await file.CloseAsync();
            if (!_completed)
            {
                file.DeleteTemporary();
            }
        }
    }

    private static void Abandon(List<AtomicCsvFile> opened)
    {
        foreach (var file in opened)
        {
            file.Abandon();
        }
    }

    private void WriteEpisode(EpisodeRow episode)
    {
        _episodes.Write(
            episode.EpisodeId,
            episode.PatientId,
            episode.ClinicId,
            Date(episode.StartedOn),
            Date(episode.DischargedOn),
            episode.DischargeReason,
            episode.Condition,
            episode.BodyRegion,
            episode.ReferralSource,
            episode.MaintenanceIntervalDays?.ToString(CultureInfo.InvariantCulture));
    }

    private void WriteAppointment(AppointmentRow appointment)
    {
        _appointments.Write(
            appointment.AppointmentId,
            appointment.PatientId,
            appointment.ClinicId,
            appointment.ProviderId,
            appointment.EpisodeId,
            appointment.Service,
            appointment.StartsAt.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            appointment.Status,
            appointment.BookedAt?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Flag(bool value) => value ? "true" : "false";
}

/// <summary>
/// One CSV output file, written with CsvHelper in the invariant culture (RFC 4180: comma, CRLF, quotes only
/// where needed; UTF-8 without BOM) into a <see cref="PendingFile"/> and moved into place by
/// <see cref="MoveIntoPlace"/>, so a reader sees the old file or the whole new one. An owner-only file
/// (contact details) is created 0600.
/// </summary>
internal sealed class AtomicCsvFile
{
    private readonly PendingFile _file;
    private readonly CsvWriter _writer;
    private bool _closed;

    public AtomicCsvFile(string directory, string name, bool ownerOnly, string[] header)
    {
        Name = name;
        _file = AtomicFile.Begin(Path.Combine(directory, name), ownerOnly ? FilePrivacy.OwnerOnly : FilePrivacy.Shared);
        var csvOptions = CsvWriterOptions.Default with { FormatProvider = CultureInfo.InvariantCulture, WriteByteOrderMark = false };
        _writer = CsvWriter.Create(_file.Stream, csvOptions, leaveOpen: true);
        _writer.WriteHeader(header);
    }

    public string Name { get; }

    /// <summary>Records written after the header.</summary>
    public long Rows { get; private set; }

    public void Write(params ReadOnlySpan<string?> fields)
    {
        _writer.WriteRecord(fields);
        Rows++;
    }

    /// <summary>Flushes the last records into the file; <see cref="MoveIntoPlace"/> then commits it.</summary>
    public async Task CloseAsync()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        await _writer.DisposeAsync();
    }

    public void MoveIntoPlace() => _file.Commit();

    /// <summary>Deletes the temporary file unless it was moved into place.</summary>
    public void DeleteTemporary() => _file.Dispose();

    /// <summary>Closes and deletes the temporary file without moving it into place.</summary>
    public void Abandon()
    {
        _closed = true;
        _writer.Dispose();
        DeleteTemporary();
    }
}

using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Import;

/// <summary>The rules of one contract file: how a record becomes a row, and what an accepted or rejected row means for later files.</summary>
internal interface IContractCsv<TRow>
{
    ContractFile File { get; }

    /// <summary>Reads the current record; every problem is recorded in <paramref name="fields"/> (then the row is not used).</summary>
    TRow Parse(RecordFields fields);

    /// <summary>Remembers an accepted row, so later rows and files may refer to it.</summary>
    void Accept(TRow row);

    /// <summary>Remembers that the row with this id was rejected, so rows that refer to it are rejected too.</summary>
    void Reject(string id, int line);

    Task<int> WriteAsync(ClinicDataWriter writer, IReadOnlyList<TRow> rows, CancellationToken cancellationToken);
}

/// <summary>clinics.csv: clinic_id, name, time_zone (IANA).</summary>
internal sealed class ClinicsCsv(ReferenceIndex index) : IContractCsv<ClinicRow>
{
    public ContractFile File => ContractFile.Clinics;

    public ClinicRow Parse(RecordFields fields)
    {
        // Lengths as in the schema (sql/*/0001_clinic_data.sql).
        var clinicId = fields.Id("clinic_id");
        var name = fields.Text("name", 200);
        var timeZone = fields.TimeZone("time_zone");
        return new ClinicRow(clinicId, name, timeZone?.Id ?? "");
    }

    public void Accept(ClinicRow row) => index.Clinics.Add(row.ClinicId, TimeZoneInfo.FindSystemTimeZoneById(row.TimeZone));

    public void Reject(string id, int line) => index.Clinics.Reject(id, line);

    public Task<int> WriteAsync(ClinicDataWriter writer, IReadOnlyList<ClinicRow> rows, CancellationToken cancellationToken) =>
        writer.UpsertClinicsAsync(rows, cancellationToken);
}

/// <summary>providers.csv: provider_id, clinic_id, name, discipline.</summary>
internal sealed class ProvidersCsv(ReferenceIndex index) : IContractCsv<ProviderRow>
{
    private static readonly string[] Disciplines = ["physical_therapy", "massage_therapy"];

    public ContractFile File => ContractFile.Providers;

    public ProviderRow Parse(RecordFields fields)
    {
        var providerId = fields.Id("provider_id");
        var clinicId = fields.Id("clinic_id");
        index.Clinics.TryFind(fields, "clinic_id", clinicId, out _);
        var name = fields.Text("name", 200);
        var discipline = fields.OneOf("discipline", Disciplines);
        return new ProviderRow(providerId, clinicId, name, discipline);
    }

    public void Accept(ProviderRow row) => index.Providers.Add(row.ProviderId, true);

    public void Reject(string id, int line) => index.Providers.Reject(id, line);

    public Task<int> WriteAsync(ClinicDataWriter writer, IReadOnlyList<ProviderRow> rows, CancellationToken cancellationToken) =>
        writer.UpsertProvidersAsync(rows, cancellationToken);
}

/// <summary>
/// patients.csv: patient_id, clinic_id (the patient's home clinic), names, birth_date, phone, email,
/// preferred_channel, do_not_contact, and optionally deceased_on and consent per channel (allow_phone,
/// allow_sms, allow_email). Names, birth date, phone and email are personal data: an error about them
/// names the column and the reason, never the value. A file without the optional columns leaves what is
/// stored in them alone (<see cref="ClinicDataWriter.UpsertPatientsWithoutConsentAsync"/>).
/// </summary>
internal sealed class PatientsCsv(ReferenceIndex index) : IContractCsv<PatientRow>
{
    private static readonly string[] Channels = ["phone", "sms", "email"];

    // Set by the file's first row (a header is the same for every row). With any of the optional columns
    // all four are written, a left-out one as if blank; with none, what is stored stays.
    private bool? _hasConsentColumns;

    public ContractFile File => ContractFile.Patients;

    public PatientRow Parse(RecordFields fields)
    {
        _hasConsentColumns ??= File.OptionalColumns.Any(fields.HasColumn);
        var patientId = fields.Id("patient_id");
        var clinicId = fields.Id("clinic_id");
        index.Clinics.TryFind(fields, "clinic_id", clinicId, out _);
        return new PatientRow(
            patientId,
            clinicId,
            fields.Text("first_name", 100),
            fields.Text("last_name", 100),
            fields.OptionalDate("birth_date"),
            fields.OptionalText("phone", 40),
            fields.OptionalEmail("email", 254),
            fields.OptionalOneOf("preferred_channel", Channels),
            fields.Flag("do_not_contact"),
            fields.OptionalDate("deceased_on"),
            fields.Allowed("allow_phone"),
            fields.Allowed("allow_sms"),
            fields.Allowed("allow_email"));
    }

    public void Accept(PatientRow row) => index.Patients.Add(row.PatientId, true);

    public void Reject(string id, int line) => index.Patients.Reject(id, line);

    public Task<int> WriteAsync(ClinicDataWriter writer, IReadOnlyList<PatientRow> rows, CancellationToken cancellationToken) =>
        _hasConsentColumns == false
            ? writer.UpsertPatientsWithoutConsentAsync(rows, cancellationToken)
            : writer.UpsertPatientsAsync(rows, cancellationToken);
}

/// <summary>
/// episodes.csv: one episode of acute care of a known patient at a known clinic (which may differ from
/// the patient's home clinic: patients are treated at sister clinics). An episode that ends before it
/// starts is refused: it would give retention a negative acute phase.
/// </summary>
internal sealed class EpisodesCsv(ReferenceIndex index) : IContractCsv<EpisodeRow>
{
    private static readonly string[] DischargeReasons = ["goals_met", "self_discharged", "referred_out", "other"];

    public ContractFile File => ContractFile.Episodes;

    public EpisodeRow Parse(RecordFields fields)
    {
        var episodeId = fields.Id("episode_id");
        var patientId = fields.Id("patient_id");
        index.Patients.TryFind(fields, "patient_id", patientId, out _);
        var clinicId = fields.Id("clinic_id");
        index.Clinics.TryFind(fields, "clinic_id", clinicId, out _);
        var startedOn = fields.Date("started_on");
        var dischargedOn = fields.OptionalDate("discharged_on");
        if (dischargedOn < startedOn)
        {
            fields.Add("discharged_on", "is before started_on");
        }

        return new EpisodeRow(
            episodeId,
            patientId,
            clinicId,
            startedOn,
            dischargedOn,
            fields.OptionalOneOf("discharge_reason", DischargeReasons),
            fields.OptionalText("condition", 200),
            fields.OptionalText("body_region", 100),
            fields.OptionalText("referral_source", 100),
            fields.OptionalPositiveNumber("maintenance_interval_days"));
    }

    public void Accept(EpisodeRow row) => index.Episodes.Add(row.EpisodeId, row.PatientId);

    public void Reject(string id, int line) => index.Episodes.Reject(id, line);

    public Task<int> WriteAsync(ClinicDataWriter writer, IReadOnlyList<EpisodeRow> rows, CancellationToken cancellationToken) =>
        writer.UpsertEpisodesAsync(rows, cancellationToken);
}

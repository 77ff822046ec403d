using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Import;

/// <summary>
/// patients.csv: patient_id, clinic_id (the patient's home clinic), names, birth_date, phone, email,
/// preferred_channel, do_not_contact. Names, birth date, phone and email are personal data: an error about
/// them names the column and the reason, never the value.
/// </summary>
internal sealed class PatientsCsv(ReferenceIndex index) : IContractCsv<PatientRow>
{
    private static readonly string[] Channels = ["phone", "sms", "email"];

    public ContractFile File => ContractFile.Patients;

    public PatientRow Parse(RecordFields fields)
    {
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
            fields.Flag("do_not_contact"));
    }

    public void Accept(PatientRow row) => index.Patients.Add(row.PatientId, true);

    public void Reject(string id, int line) => index.Patients.Reject(id, line);

    public Task<int> WriteAsync(ClinicDataWriter writer, IReadOnlyList<PatientRow> rows, CancellationToken cancellationToken) =>
        writer.UpsertPatientsAsync(rows, cancellationToken);
}

using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Import;

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

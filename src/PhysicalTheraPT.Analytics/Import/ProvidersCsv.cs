using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Import;

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

using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Import;

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

using System.Data.Common;
using Dapper;
using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Import;

/// <summary>
/// Every id an import's rows may refer to, loaded from the database at the start of the import (inside
/// its transaction) and grown with each accepted row, so a reference is checked before it is written.
/// </summary>
internal sealed class ReferenceIndex : ISqlStatements
{
    private const string ClinicsSql = "SELECT clinic_id, time_zone FROM clinics";
    private const string ProvidersSql = "SELECT provider_id FROM providers";
    private const string PatientsSql = "SELECT patient_id FROM patients";
    private const string EpisodesSql = "SELECT episode_id, patient_id FROM episodes";

    /// <summary>Clinic id → its time zone (null when the database holds one this machine does not know).</summary>
    public KnownIds<TimeZoneInfo?> Clinics { get; } = new(ContractFile.Clinics);

    public KnownIds<bool> Providers { get; } = new(ContractFile.Providers);

    public KnownIds<bool> Patients { get; } = new(ContractFile.Patients);

    /// <summary>Episode id → the patient it belongs to.</summary>
    public KnownIds<string> Episodes { get; } = new(ContractFile.Episodes);

    public static async Task<ReferenceIndex> LoadAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var index = new ReferenceIndex();
        await ReadPairsAsync(connection, transaction, ClinicsSql, (id, timeZone) =>
            index.Clinics.Add(id, TimeZoneInfo.TryFindSystemTimeZoneById(timeZone!, out var zone) ? zone : null), cancellationToken);
        await ReadPairsAsync(connection, transaction, ProvidersSql, (id, _) => index.Providers.Add(id, true), cancellationToken);
        await ReadPairsAsync(connection, transaction, PatientsSql, (id, _) => index.Patients.Add(id, true), cancellationToken);
        await ReadPairsAsync(connection, transaction, EpisodesSql, (id, patientId) => index.Episodes.Add(id, patientId!), cancellationToken);
        return index;
    }

    public IEnumerable<KeyValuePair<string, string>> StatementsFor(SqlDialect dialect)
    {
        yield return new("clinics", ClinicsSql);
        yield return new("providers", ProvidersSql);
        yield return new("patients", PatientsSql);
        yield return new("episodes", EpisodesSql);
    }

    private static async Task ReadPairsAsync(DbConnection connection, DbTransaction transaction, string sql, Action<string, string?> add, CancellationToken cancellationToken)
    {
        var command = new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken, flags: CommandFlags.None);
        await using var reader = await connection.ExecuteReaderAsync(command);
        while (await reader.ReadAsync(cancellationToken))
        {
            add(reader.GetString(0), reader.FieldCount > 1 ? reader.GetString(1) : null);
        }
    }
}

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

/// <summary>
/// The ids of one kind of row that later files may refer to: those already in the database and those
/// accepted from this import's file, each with what the checks need (a clinic's time zone, an episode's
/// patient); and the ids this import rejected, so a row that refers to one is rejected too. Bounded by
/// the number of clinics, providers, patients and episodes, never by appointments.
/// </summary>
internal sealed class KnownIds<TValue>
{
    private readonly ContractFile _file;
    private readonly Dictionary<string, TValue> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _rejectedOnLine = new(StringComparer.Ordinal);

    public KnownIds(ContractFile file)
    {
        _file = file;
    }

    public int Count => _known.Count;

    public void Add(string id, TValue value) => _known[id] = value;

    public void Reject(string id, int line) => _rejectedOnLine.TryAdd(id, line);

    /// <summary>Whether the id is in the database or was accepted from this import.</summary>
    public bool Contains(string id) => _known.ContainsKey(id);

    /// <summary>
    /// Looks up the id in <paramref name="column"/> of the current record; records a problem when it is
    /// neither in the database nor in this import, or when this import rejected it. A blank id is left to
    /// the caller (it is either allowed or already reported).
    /// </summary>
    public bool TryFind(RecordFields fields, string column, string? id, out TValue value)
    {
        value = default!;
        if (string.IsNullOrEmpty(id))
        {
            return false;
        }

        if (_rejectedOnLine.TryGetValue(id, out var line))
        {
            fields.Add(column, $"was rejected in {_file.FileName}:{line}, so this row is rejected too");
            return false;
        }

        if (_known.TryGetValue(id, out value!))
        {
            return true;
        }

        fields.Add(column, $"is not in the database or in {_file.FileName}");
        return false;
    }
}

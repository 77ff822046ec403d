using Dapper;
using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>
/// <c>patient_flags</c> and <c>patient_flag_sets</c>: a clinic's flags as of a date are one set, replaced
/// whole in one transaction, so a rerun or a retry leaves exactly one set and a reader never sees half.
/// </summary>
public sealed class PatientFlagStore : ISqlStatements
{
    private const string DeleteFlags = "DELETE FROM patient_flags WHERE clinic_id = @ClinicId AND as_of = @AsOf";

    private const string DeleteSet = "DELETE FROM patient_flag_sets WHERE clinic_id = @ClinicId AND as_of = @AsOf";

    private const string InsertSet = """
        INSERT INTO patient_flag_sets (clinic_id, as_of, flagged_count, computed_at)
        VALUES (@ClinicId, @AsOf, @FlaggedCount, @ComputedAt)
        """;

    private const string InsertFlag = """
        INSERT INTO patient_flags (clinic_id, as_of, patient_id, flag, acute_end, end_type, last_maintenance, days_since, priority, reason)
        VALUES (@ClinicId, @AsOf, @PatientId, @Flag, @AcuteEnd, @EndType, @LastMaintenance, @DaysSince, @Priority, @Reason)
        """;

    private const string SelectSet = """
        SELECT clinic_id AS ClinicId, as_of AS AsOf, patient_id AS PatientId, flag AS Flag, acute_end AS AcuteEnd,
               end_type AS EndType, last_maintenance AS LastMaintenance, days_since AS DaysSince, priority AS Priority,
               reason AS Reason
        FROM patient_flags
        WHERE clinic_id = @ClinicId AND as_of = @AsOf
        ORDER BY priority DESC, patient_id
        """;

    private readonly AnalyticsDatabase _database;
    private readonly TimeProvider _time;

    public PatientFlagStore(AnalyticsDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    /// <summary>Replaces the clinic's set as of <paramref name="asOf"/> with <paramref name="flags"/>; returns the rows written.</summary>
    public async Task<int> ReplaceSetAsync(string clinicId, DateOnly asOf, IReadOnlyCollection<StoredPatientFlag> flags, CancellationToken cancellationToken)
    {
        var strangers = flags.Where(flag => flag.ClinicId != clinicId || flag.AsOf != asOf).Select(flag => flag.PatientId).Take(3).ToList();
        if (strangers.Count > 0)
        {
            throw new ArgumentException($"Flags for another clinic or date in the set of {clinicId} as of {asOf:yyyy-MM-dd} (patients {string.Join(", ", strangers)}).", nameof(flags));
        }

        var key = new { ClinicId = clinicId, AsOf = asOf };
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(DeleteFlags, key, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(DeleteSet, key, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(InsertSet, new
        {
            ClinicId = clinicId,
            AsOf = asOf,
            FlaggedCount = flags.Count,
            ComputedAt = _time.GetUtcNow().UtcDateTime,
        }, transaction, cancellationToken: cancellationToken));
        var written = flags.Count == 0
            ? 0
            : await connection.ExecuteAsync(new CommandDefinition(InsertFlag, flags, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    /// <summary>The clinic's set as of <paramref name="asOf"/>, highest priority first; empty when none.</summary>
    public async Task<IReadOnlyList<StoredPatientFlag>> ReadSetAsync(string clinicId, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var flags = await connection.QueryAsync<StoredPatientFlag>(new CommandDefinition(SelectSet, new { ClinicId = clinicId, AsOf = asOf }, cancellationToken: cancellationToken));
        return flags.AsList();
    }

    public IEnumerable<KeyValuePair<string, string>> StatementsFor(SqlDialect dialect)
    {
        yield return new("delete flags", DeleteFlags);
        yield return new("delete set", DeleteSet);
        yield return new("insert set", InsertSet);
        yield return new("insert flag", InsertFlag);
        yield return new("select set", SelectSet);
    }
}

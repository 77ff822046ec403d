using System.Data.Common;
using Dapper;
using NpgsqlTypes;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Analysis;

/// <summary>
/// <c>patient_flags</c> and <c>patient_flag_sets</c>: a clinic's flags as of a date are one set, replaced
/// whole in one transaction, so a rerun or a retry leaves exactly one set and a reader never sees half.
/// The flag and end type are enums everywhere but in the table, where they are their contract names.
/// </summary>
internal sealed class PatientFlagStore : ISqlStatements
{
    private const string DeleteFlags = "DELETE FROM patient_flags WHERE clinic_id = @ClinicId AND as_of = @AsOf";

    private const string DeleteSet = "DELETE FROM patient_flag_sets WHERE clinic_id = @ClinicId AND as_of = @AsOf";

    private const string InsertSet = """
        INSERT INTO patient_flag_sets (clinic_id, as_of, flagged_count, computed_at)
        VALUES (@ClinicId, @AsOf, @FlaggedCount, @ComputedAt)
        """;

    private const string DeleteFlagsAfter = "DELETE FROM patient_flags WHERE as_of > @After";

    private const string DeleteSetsAfter = "DELETE FROM patient_flag_sets WHERE as_of > @After";

    private const string UpdateSetCount = "UPDATE patient_flag_sets SET flagged_count = @FlaggedCount WHERE clinic_id = @ClinicId AND as_of = @AsOf";

    private const string SelectSet = """
        SELECT clinic_id AS ClinicId, as_of AS AsOf, patient_id AS PatientId, flag AS Flag, acute_end AS AcuteEnd,
               end_type AS EndType, last_maintenance AS LastMaintenance, days_since AS DaysSince, priority AS Priority,
               reason AS Reason, discharging_provider_id AS DischargingProviderId
        FROM patient_flags
        WHERE clinic_id = @ClinicId AND as_of = @AsOf
        ORDER BY priority DESC, patient_id
        """;

    private const string SelectSetExists = "SELECT COUNT(*) FROM patient_flag_sets WHERE clinic_id = @ClinicId AND as_of = @AsOf";

    /// <summary>Where a flag goes: INSERT per row, or COPY on PostgreSQL, from the one list of columns.</summary>
    private static readonly InsertTarget<FlagRow> FlagRows = new("patient_flags", ["clinic_id", "as_of", "patient_id"],
    [
        ("clinic_id", NpgsqlDbType.Varchar),
        ("as_of", NpgsqlDbType.Date),
        ("patient_id", NpgsqlDbType.Varchar),
        ("flag", NpgsqlDbType.Varchar),
        ("acute_end", NpgsqlDbType.Date),
        ("end_type", NpgsqlDbType.Varchar),
        ("last_maintenance", NpgsqlDbType.Date),
        ("days_since", NpgsqlDbType.Integer),
        ("priority", NpgsqlDbType.Integer),
        ("reason", NpgsqlDbType.Varchar),
        ("discharging_provider_id", NpgsqlDbType.Varchar),
    ]);

    private readonly AnalyticsDatabase _database;
    private readonly TimeProvider _time;

    public PatientFlagStore(AnalyticsDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    /// <summary>
    /// Replaces the sets of <paramref name="clinicIds"/> as of <paramref name="asOf"/> in one transaction,
    /// with the flags as they stream in (written in batches, never collected): every clinic gets a set,
    /// with 0 when none of its patients is flagged. A failure part-way, in the stream or the database,
    /// leaves the earlier sets as they were. Returns the rows written per clinic.
    /// </summary>
    /// <param name="alsoInTransaction">Runs once every flag is in, before the commit: what must be kept with the flags or not at all.</param>
    /// <exception cref="ArgumentException">A flag of a clinic not named or of another date; nothing is kept.</exception>
    public async Task<IReadOnlyDictionary<string, int>> ReplaceSetsAsync(
        IReadOnlyCollection<string> clinicIds,
        DateOnly asOf,
        IAsyncEnumerable<StoredPatientFlag> flags,
        CancellationToken cancellationToken,
        Func<DbConnection, DbTransaction, CancellationToken, Task>? alsoInTransaction = null)
    {
        ArgumentNullException.ThrowIfNull(clinicIds);
        ArgumentNullException.ThrowIfNull(flags);
        var counts = clinicIds.ToDictionary(clinicId => clinicId, _ => 0, StringComparer.Ordinal);
        var sets = counts.Keys.Select(clinicId => new FlagSetRow { ClinicId = clinicId, AsOf = asOf }).ToList();

        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = _database.RowWriter(connection, transaction);
        await rows.ExecuteAsync(DeleteFlags, sets, cancellationToken);
        await rows.ExecuteAsync(DeleteSet, sets, cancellationToken);
        // The sets go in first (the flags refer to them); their counts once every flag is in.
        var computedAt = _time.GetUtcNow().UtcDateTime;
        await rows.ExecuteAsync(InsertSet, sets.Select(set => set with { ComputedAt = computedAt }), cancellationToken);

        // The flags are written behind the pass: while the database stores one batch, the engine goes on
        // judging the next patients instead of waiting for it.
        await using (var inserts = new WriteBehind<FlagRow>((batch, token) => rows.InsertAsync(FlagRows, batch, token), _database.WriteBatchRows, cancellationToken))
        {
            await foreach (var flag in flags.WithCancellation(cancellationToken))
            {
                if (flag.AsOf != asOf || !counts.TryGetValue(flag.ClinicId, out var count))
                {
                    throw new ArgumentException($"Patient {flag.PatientId} is flagged for clinic {flag.ClinicId} as of {flag.AsOf:yyyy-MM-dd}, outside the sets being replaced (as of {asOf:yyyy-MM-dd}).", nameof(flags));
                }

                counts[flag.ClinicId] = count + 1;
                await inserts.AddAsync(FlagRow.From(flag));
            }

            await inserts.CompleteAsync();
        }

        await rows.ExecuteAsync(UpdateSetCount, counts.Select(pair => new { ClinicId = pair.Key, AsOf = asOf, FlaggedCount = pair.Value }), cancellationToken);
        if (alsoInTransaction is not null)
        {
            await alsoInTransaction(connection, transaction, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return counts;
    }

    /// <summary>
    /// Removes every clinic's sets as of any day after <paramref name="after"/>, in one transaction; returns
    /// the flags removed. For the benchmark, whose timed nights are the days after its history ends.
    /// </summary>
    public async Task<int> RemoveSetsAfterAsync(DateOnly after, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var removed = await connection.ExecuteAsync(new CommandDefinition(DeleteFlagsAfter, new { After = after }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(DeleteSetsAfter, new { After = after }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    /// <summary>The clinic's set as of <paramref name="asOf"/>, highest priority first; empty when none.</summary>
    public async Task<IReadOnlyList<StoredPatientFlag>> ReadSetAsync(string clinicId, DateOnly asOf, CancellationToken cancellationToken) =>
        await TryReadSetAsync(clinicId, asOf, cancellationToken) ?? [];

    /// <summary>
    /// The clinic's set as of <paramref name="asOf"/>, highest priority first; null when refresh-flags
    /// stored none for that clinic and date (an empty list when it stored one without flags).
    /// </summary>
    public async Task<IReadOnlyList<StoredPatientFlag>?> TryReadSetAsync(string clinicId, DateOnly asOf, CancellationToken cancellationToken)
    {
        var key = new { ClinicId = clinicId, AsOf = asOf };
        await using var connection = await _database.OpenAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(SelectSetExists, key, cancellationToken: cancellationToken)) == 0)
        {
            return null;
        }

        var rows = await connection.QueryAsync<FlagRow>(new CommandDefinition(SelectSet, key, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToFlag())];
    }

    public IEnumerable<KeyValuePair<string, string>> StatementsFor(SqlDialect dialect)
    {
        yield return new("delete flags", DeleteFlags);
        yield return new("delete set", DeleteSet);
        yield return new("insert set", InsertSet);
        yield return new("insert flag", FlagRows.InsertSql);
        yield return new("delete flags after", DeleteFlagsAfter);
        yield return new("delete sets after", DeleteSetsAfter);
        yield return new("update set count", UpdateSetCount);
        yield return new("select set", SelectSet);
        yield return new("select set exists", SelectSetExists);
    }

    /// <summary>The key of a row of <c>patient_flag_sets</c>, and its count and time when it is written.</summary>
    private sealed record FlagSetRow
    {
        public string ClinicId { get; init; } = "";

        public DateOnly AsOf { get; init; }

        public int FlaggedCount { get; init; }

        public DateTime ComputedAt { get; init; }
    }

    /// <summary>A row of <c>patient_flags</c> as stored: the flag and end type by their contract names.</summary>
    private sealed record FlagRow
    {
        public string ClinicId { get; init; } = "";

        public DateOnly AsOf { get; init; }

        public string PatientId { get; init; } = "";

        public string Flag { get; init; } = "";

        public DateOnly? AcuteEnd { get; init; }

        public string? EndType { get; init; }

        public DateOnly? LastMaintenance { get; init; }

        public int DaysSince { get; init; }

        public int Priority { get; init; }

        public string Reason { get; init; } = "";

        public string? DischargingProviderId { get; init; }

        public static FlagRow From(StoredPatientFlag flag) => new()
        {
            ClinicId = flag.ClinicId,
            AsOf = flag.AsOf,
            PatientId = flag.PatientId,
            Flag = flag.Kind.ToContractName(),
            AcuteEnd = flag.AcuteEnd,
            EndType = flag.EndType?.ToContractName(),
            LastMaintenance = flag.LastMaintenance,
            DaysSince = flag.DaysSince,
            Priority = flag.Priority,
            Reason = flag.Reason,
            DischargingProviderId = flag.DischargingProviderId,
        };

        public StoredPatientFlag ToFlag() => new()
        {
            ClinicId = ClinicId,
            AsOf = AsOf,
            PatientId = PatientId,
            Kind = PatientFlagKindNames.FromContractName(Flag),
            AcuteEnd = AcuteEnd,
            EndType = EndType is null ? null : AcuteEndTypeNames.FromContractName(EndType),
            LastMaintenance = LastMaintenance,
            DaysSince = DaysSince,
            Priority = Priority,
            Reason = Reason,
            DischargingProviderId = DischargingProviderId,
        };
    }
}

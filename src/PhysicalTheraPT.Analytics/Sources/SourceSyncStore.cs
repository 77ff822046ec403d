using System.Data.Common;
using System.Globalization;
using Dapper;
using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Sources;

/// <summary>
/// The sources' own tables (sql/*/0012_sources.sql): which source each clinic comes from
/// (<c>source_clinics</c>), each source's last attempt and last success (<c>source_syncs</c>, read by
/// refresh-flags to say how old its copy is), and the export sets folder sources imported
/// (<c>source_folder_sets</c>).
/// </summary>
internal sealed class SourceSyncStore : ISqlStatements
{
    private const string SelectClinics = "SELECT clinic_id FROM source_clinics WHERE source_name = @SourceName";

    private const string UpdateSucceeded = """
        UPDATE source_syncs SET last_attempt_at = @At, last_outcome = 'succeeded', last_success_at = @At
        WHERE source_name = @SourceName
        """;

    private const string UpdateFailed = """
        UPDATE source_syncs SET last_attempt_at = @At, last_outcome = 'failed'
        WHERE source_name = @SourceName
        """;

    private const string InsertSync = """
        INSERT INTO source_syncs (source_name, last_attempt_at, last_outcome, last_success_at)
        VALUES (@SourceName, @At, @Outcome, @SuccessAt)
        """;

    private const string SelectSyncs = """
        SELECT source_name AS SourceName, last_attempt_at AS LastAttemptAt, last_outcome AS LastOutcome, last_success_at AS LastSuccessAt
        FROM source_syncs
        ORDER BY source_name
        """;

    private const string SelectSet = "SELECT COUNT(*) FROM source_folder_sets WHERE source_name = @SourceName AND fingerprint = @Fingerprint";

    private const string InsertSet = """
        INSERT INTO source_folder_sets (source_name, fingerprint, set_name, imported_at)
        VALUES (@SourceName, @Fingerprint, @SetName, @At)
        """;

    private readonly AnalyticsDatabase _database;
    private readonly TimeProvider _time;

    public SourceSyncStore(AnalyticsDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    /// <summary>The clinics <paramref name="sourceName"/> brought before (inside the sync's transaction).</summary>
    public static async Task<IReadOnlyList<string>> ClinicsOfAsync(DbConnection connection, DbTransaction transaction, string sourceName, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<string>(new CommandDefinition(SelectClinics, new { SourceName = sourceName }, transaction, cancellationToken: cancellationToken))).ToList();

    /// <summary>Makes <paramref name="sourceName"/> the source of <paramref name="clinicIds"/> (inside the sync's transaction).</summary>
    public static async Task RecordClinicsAsync(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, string sourceName, IEnumerable<string> clinicIds, CancellationToken cancellationToken)
    {
        var rows = clinicIds.Select(clinicId => new { ClinicId = clinicId, SourceName = sourceName }).ToList();
        if (rows.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(UpsertClinic(dialect), rows, transaction, cancellationToken: cancellationToken));
        }
    }

    /// <summary>Records how a sync of <paramref name="sourceName"/> ended. Not cancellable: an ending is always recorded.</summary>
    public async Task RecordOutcomeAsync(string sourceName, bool succeeded, CancellationToken cancellationToken)
    {
        var at = _time.GetUtcNow().UtcDateTime;
        await using var connection = await _database.OpenAsync(cancellationToken);
        var parameters = new { SourceName = sourceName, At = at, Outcome = succeeded ? "succeeded" : "failed", SuccessAt = succeeded ? at : (DateTime?)null };
        var updated = await connection.ExecuteAsync(new CommandDefinition(succeeded ? UpdateSucceeded : UpdateFailed, parameters, cancellationToken: CancellationToken.None));
        if (updated == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSync, parameters, cancellationToken: CancellationToken.None));
        }
    }

    /// <summary>Every source's last attempt and last success, by name.</summary>
    public async Task<IReadOnlyList<SourceSyncState>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SourceSyncState>(new CommandDefinition(SelectSyncs, cancellationToken: cancellationToken));
        return rows.Select(row => row with
        {
            LastAttemptAt = DateTime.SpecifyKind(row.LastAttemptAt, DateTimeKind.Utc),
            LastSuccessAt = row.LastSuccessAt is { } success ? DateTime.SpecifyKind(success, DateTimeKind.Utc) : null,
        }).ToList();
    }

    /// <summary>
    /// How fresh the store's copy of the sources is, for the flags' run: <c>Data synced 0.4 h ago.</c>, or
    /// after a failed sync <c>The last sync of emr failed: these flags judge the copy synced 2026-12-02
    /// 01:31 UTC (24.5 h old).</c> Null when no source has ever synced.
    /// </summary>
    public async Task<string?> DescribeCopyAsync(CancellationToken cancellationToken)
    {
        var syncs = await ListAsync(cancellationToken);
        if (syncs.Count == 0)
        {
            return null;
        }

        var now = _time.GetUtcNow().UtcDateTime;
        string Age(DateTime? at) => at is { } time
            ? string.Create(CultureInfo.InvariantCulture, $"synced {time:yyyy-MM-dd HH:mm} UTC ({(now - time).TotalHours:0.0} h old)")
            : "never synced";
        var failed = syncs.Where(sync => sync.LastOutcome == "failed").ToList();
        if (failed.Count > 0)
        {
            var oldest = failed.Any(sync => sync.LastSuccessAt is null) ? null : failed.Min(sync => sync.LastSuccessAt);
            return $"The last sync of {string.Join(", ", failed.Select(sync => sync.SourceName))} failed: these flags judge the copy {Age(oldest)}.";
        }

        var stalest = syncs.Min(sync => sync.LastSuccessAt);
        return string.Create(CultureInfo.InvariantCulture, $"Data synced {(now - stalest!.Value).TotalHours:0.0} h ago.");
    }

    /// <summary>Whether a folder source has imported a set with this fingerprint before.</summary>
    public async Task<bool> WasImportedAsync(string sourceName, string fingerprint, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(SelectSet, new { SourceName = sourceName, Fingerprint = fingerprint }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>Records an imported set (inside the import's transaction, so a set lands and is recorded together).</summary>
    public static Task RecordSetAsync(
        DbConnection connection, DbTransaction transaction, string sourceName, string fingerprint, string setName, DateTime at, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(InsertSet, new { SourceName = sourceName, Fingerprint = fingerprint, SetName = setName, At = at }, transaction, cancellationToken: cancellationToken));

    public IEnumerable<KeyValuePair<string, string>> StatementsFor(SqlDialect dialect)
    {
        yield return new("clinics of source", SelectClinics);
        yield return new("source of clinic", UpsertClinic(dialect));
        yield return new("sync succeeded", UpdateSucceeded);
        yield return new("sync failed", UpdateFailed);
        yield return new("first sync", InsertSync);
        yield return new("syncs", SelectSyncs);
        yield return new("set imported?", SelectSet);
        yield return new("set imported", InsertSet);
    }

    private static string UpsertClinic(SqlDialect dialect) => dialect.Upsert("source_clinics", ["clinic_id"], ["clinic_id", "source_name"]);
}

/// <summary>A row of <c>source_syncs</c>. Times are UTC.</summary>
internal sealed record SourceSyncState
{
    public string SourceName { get; init; } = "";

    public DateTime LastAttemptAt { get; init; }

    public string LastOutcome { get; init; } = "";

    public DateTime? LastSuccessAt { get; init; }
}

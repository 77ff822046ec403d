using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Options;
using NpgsqlTypes;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Analysis;

/// <summary>
/// What the incremental nightly refresh keeps between nights (script 0015): per clinic the last refresh
/// (<c>flag_refresh_states</c>), per patient the next possible change (<c>patient_next_changes</c>), and
/// the log of changed patients the triggers write (<c>patient_changes</c>). Decides a night's kind of pass
/// (<see cref="PlanAsync"/>) and keeps its outcome in the flags' own transaction (<see cref="SaveAsync"/>),
/// so the flags and what the next night trusts never disagree.
/// </summary>
internal sealed class FlagRefreshStateStore : ISqlStatements
{
    private const string SelectStates = "SELECT clinic_id AS ClinicId, as_of AS AsOf, settings AS Settings, change_id AS ChangeId FROM flag_refresh_states";

    // The mark: everything logged before it is seen by this pass. PostgreSQL and SQL Server take it under
    // a lock that waits for every writer still holding a smaller id, so none can commit one later.
    private const string SqliteMark = "INSERT INTO patient_changes (patient_id) VALUES (NULL); SELECT last_insert_rowid();";
    private const string PostgresLock = "LOCK TABLE patient_changes IN SHARE ROW EXCLUSIVE MODE";
    private const string PostgresMark = "INSERT INTO patient_changes (patient_id) VALUES (NULL) RETURNING change_id";
    private const string SqlServerMark = "INSERT INTO patient_changes WITH (TABLOCKX) (patient_id) OUTPUT INSERTED.change_id VALUES (NULL)";

    private const string DeleteAllNextChanges = "DELETE FROM patient_next_changes";
    private const string DeleteClinicNextChanges = "DELETE FROM patient_next_changes WHERE clinic_id = @ClinicId";

    // An incremental pass evaluated every changed and every due patient of its scope: their old rows go.
    private const string DeleteChangedNextChanges = """
        DELETE FROM patient_next_changes
        WHERE patient_id IN (SELECT patient_id FROM patient_changes WHERE change_id > @AfterChange AND change_id <= @UpToChange AND patient_id IS NOT NULL)
        """;

    private const string DeleteDueNextChanges = "DELETE FROM patient_next_changes WHERE next_change <= @DueBy";
    private const string DeleteClinicChangedNextChanges = DeleteChangedNextChanges + " AND clinic_id = @ClinicId";
    private const string DeleteClinicDueNextChanges = DeleteDueNextChanges + " AND clinic_id = @ClinicId";

    // The log keeps what some clinic of the directory has not seen yet.
    private const string PruneChanges = """
        DELETE FROM patient_changes
        WHERE change_id < (SELECT MIN(change_id) FROM flag_refresh_states WHERE clinic_id IN (SELECT clinic_id FROM clinics))
        """;

    // The flags an incremental pass carries forward: flagged patients neither changed nor due.
    private const string SelectCarried = """
        SELECT patient_id AS PatientId, clinic_id AS ClinicId, next_change AS NextChange, flag AS Flag, acute_end AS AcuteEnd,
               end_type AS EndType, ended_by_discharge AS EndedByDischarge, implicit_episode AS ImplicitEpisode,
               last_maintenance AS LastMaintenance, discharging_provider_id AS DischargingProviderId,
               episode_visits AS EpisodeVisits, interval_days AS IntervalDays, other_points AS OtherPoints
        FROM patient_next_changes
        WHERE flag IS NOT NULL AND next_change > @DueBy
          AND patient_id NOT IN (SELECT patient_id FROM patient_changes WHERE change_id > @AfterChange AND change_id <= @UpToChange AND patient_id IS NOT NULL)
        """;

    private const string SelectClinicCarried = SelectCarried + " AND clinic_id = @ClinicId";

    private static readonly InsertTarget<FlagRefreshPlan.NextChangeRow> NextChangeRows = new("patient_next_changes", ["patient_id"],
    [
        ("patient_id", NpgsqlDbType.Varchar),
        ("clinic_id", NpgsqlDbType.Varchar),
        ("next_change", NpgsqlDbType.Date),
        ("flag", NpgsqlDbType.Varchar),
        ("acute_end", NpgsqlDbType.Date),
        ("end_type", NpgsqlDbType.Varchar),
        ("ended_by_discharge", NpgsqlDbType.Boolean),
        ("implicit_episode", NpgsqlDbType.Boolean),
        ("last_maintenance", NpgsqlDbType.Date),
        ("discharging_provider_id", NpgsqlDbType.Varchar),
        ("episode_visits", NpgsqlDbType.Integer),
        ("interval_days", NpgsqlDbType.Integer),
        ("other_points", NpgsqlDbType.Integer),
    ]);

    private static readonly InsertTarget<StateRow> StateRows = new("flag_refresh_states", ["clinic_id"],
    [
        ("clinic_id", NpgsqlDbType.Varchar),
        ("as_of", NpgsqlDbType.Date),
        ("settings", NpgsqlDbType.Varchar),
        ("change_id", NpgsqlDbType.Bigint),
    ]);

    private readonly AnalyticsDatabase _database;
    private readonly string _settings;

    public FlagRefreshStateStore(AnalyticsDatabase database, IOptions<RetentionOptions> options)
    {
        _database = database;
        _settings = SettingsOf(options.Value);
    }

    /// <summary>
    /// The settings and engine a pass runs with, as one short text: the rules' version, the engine
    /// build's id (a new build may judge the same history differently) and a hash of every Retention setting.
    /// </summary>
    public static string SettingsOf(RetentionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(options)));
        var build = typeof(PatientEvaluator).Module.ModuleVersionId.ToString("N")[..12];
        return $"rules {PatientEvaluator.RulesVersion}, build {build}, settings {Convert.ToHexStringLower(hash)[..16]}";
    }

    /// <summary>
    /// Tonight's pass for <paramref name="clinicIds"/> (one clinic when <paramref name="clinicId"/> is
    /// given): incremental when every clinic in scope was refreshed before, as of this date or earlier,
    /// with the same settings and engine; full otherwise or when <paramref name="forceFull"/>. Takes the
    /// mark of the changes this pass will have seen.
    /// </summary>
    public async Task<FlagRefreshPlan> PlanAsync(string? clinicId, IReadOnlyList<string> clinicIds, DateOnly asOf, bool forceFull, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clinicIds);
        await using var connection = await _database.OpenAsync(cancellationToken);
        var states = (await connection.QueryAsync<StateRow>(new CommandDefinition(SelectStates, cancellationToken: cancellationToken)))
            .ToDictionary(state => state.ClinicId, StringComparer.Ordinal);
        var upToChange = await MarkAsync(connection, cancellationToken);

        var missing = clinicIds.FirstOrDefault(id => !states.ContainsKey(id));
        var reason = forceFull ? "--full"
            : clinicIds.Count == 0 ? "no clinics"
            : missing is not null ? $"no earlier refresh of clinic {missing}"
            : clinicIds.Any(id => states[id].Settings != _settings) ? "Retention settings or engine changed"
            : clinicIds.Any(id => states[id].AsOf > asOf) ? "as of a date before the last refresh"
            : null;
        var selection = reason is null
            ? new PatientSelection(clinicIds.Min(id => states[id].ChangeId), upToChange, asOf)
            : null;
        return new FlagRefreshPlan(clinicId, clinicIds, asOf, _settings, upToChange, selection, reason);
    }

    /// <summary>
    /// The flags an incremental <paramref name="plan"/> carries forward (as they were evaluated: carry them
    /// to the night's date before use), streamed; none for a full pass.
    /// </summary>
    public async IAsyncEnumerable<FlaggedPatient> ReadCarriedAsync(FlagRefreshPlan plan, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Selection is not { } selection)
        {
            yield break;
        }

        var parameters = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["DueBy"] = selection.DueBy,
            ["AfterChange"] = selection.AfterChange,
            ["UpToChange"] = selection.UpToChange,
        };
        if (plan.ClinicId is not null)
        {
            parameters["ClinicId"] = plan.ClinicId;
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        await foreach (var row in connection.QueryRowsAsync<FlagRefreshPlan.NextChangeRow>(plan.ClinicId is null ? SelectCarried : SelectClinicCarried, parameters, cancellationToken))
        {
            yield return row.ToFlagged();
        }
    }

    /// <summary>Keeps the pass's next changes and each clinic's state, inside the caller's (the flags') transaction.</summary>
    public async Task SaveAsync(DbConnection connection, DbTransaction transaction, FlagRefreshPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var rows = _database.RowWriter(connection, transaction);
        var clinic = new { plan.ClinicId };
        if (plan.Selection is { } selection)
        {
            var selected = new { plan.ClinicId, selection.AfterChange, selection.UpToChange, selection.DueBy };
            await RunAsync(connection, transaction, plan.ClinicId is null ? DeleteChangedNextChanges : DeleteClinicChangedNextChanges, selected, cancellationToken);
            await RunAsync(connection, transaction, plan.ClinicId is null ? DeleteDueNextChanges : DeleteClinicDueNextChanges, selected, cancellationToken);
        }
        else
        {
            await RunAsync(connection, transaction, plan.ClinicId is null ? DeleteAllNextChanges : DeleteClinicNextChanges, clinic, cancellationToken);
        }

        foreach (var batch in plan.NextChanges.Chunk(_database.WriteBatchRows))
        {
            // After a full pass of all clinics the table is empty: plain inserts (COPY on PostgreSQL).
            if (plan.IsFull && plan.ClinicId is null)
            {
                await rows.InsertAsync(NextChangeRows, batch, cancellationToken);
            }
            else
            {
                await rows.UpsertAsync(NextChangeRows, batch, cancellationToken);
            }
        }

        var states = plan.ClinicIds.Select(id => new StateRow { ClinicId = id, AsOf = plan.AsOf, Settings = plan.Settings, ChangeId = plan.UpToChange }).ToList();
        await rows.UpsertAsync(StateRows, states, cancellationToken);
        await RunAsync(connection, transaction, PruneChanges, null, cancellationToken);
    }

    public IEnumerable<KeyValuePair<string, string>> StatementsFor(SqlDialect dialect)
    {
        yield return new("select states", SelectStates);
        yield return new("mark", MarkSql(dialect));
        yield return new("delete all next changes", DeleteAllNextChanges);
        yield return new("delete clinic next changes", DeleteClinicNextChanges);
        yield return new("delete changed next changes", DeleteChangedNextChanges);
        yield return new("delete due next changes", DeleteDueNextChanges);
        yield return new("delete clinic changed next changes", DeleteClinicChangedNextChanges);
        yield return new("delete clinic due next changes", DeleteClinicDueNextChanges);
        yield return new("prune changes", PruneChanges);
        yield return new("select carried", SelectCarried);
        yield return new("select clinic carried", SelectClinicCarried);
        yield return new("insert next change", NextChangeRows.InsertSql);
        foreach (var statement in NextChangeRows.UpsertStatementsFor(dialect).Concat(StateRows.UpsertStatementsFor(dialect)))
        {
            yield return statement;
        }
    }

    private static string MarkSql(SqlDialect dialect) => dialect.Provider switch
    {
        DatabaseProvider.Sqlite => SqliteMark,
        DatabaseProvider.Postgres => PostgresMark,
        _ => SqlServerMark,
    };

    private async Task<long> MarkAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (_database.Provider == DatabaseProvider.Postgres)
        {
            await RunAsync(connection, transaction, PostgresLock, null, cancellationToken);
        }

        var mark = await connection.ExecuteScalarAsync<long>(new CommandDefinition(MarkSql(_database.Dialect), transaction: transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return mark;
    }

    private static Task<int> RunAsync(DbConnection connection, DbTransaction transaction, string sql, object? parameters, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));

    /// <summary>A row of <c>flag_refresh_states</c>.</summary>
    private sealed record StateRow
    {
        public string ClinicId { get; init; } = "";

        public DateOnly AsOf { get; init; }

        public string Settings { get; init; } = "";

        public long ChangeId { get; init; }
    }
}

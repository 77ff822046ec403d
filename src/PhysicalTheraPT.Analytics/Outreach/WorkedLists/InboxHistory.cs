using Dapper;
using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Outreach.WorkedLists;

/// <summary>
/// <c>outreach_inbox_files</c>: what the outreach-inbox job did with each file it took out of the inbox
/// (imported or rejected, counts, where the file went). Written by <see cref="OutreachInbox"/>; read by
/// the web app to show each clinic its latest imports and rejections. Counts and file names only.
/// </summary>
internal sealed class InboxHistory : ISqlStatements
{
    /// <summary>The most rows one call returns, whatever the caller asks.</summary>
    public const int MostRows = 500;

    private const string InsertSql = """
        INSERT INTO outreach_inbox_files (entry_id, clinic_id, file_name, list_as_of, status, handled_at, recorded, already_recorded, problems, summary, moved_to)
        VALUES (@EntryId, @ClinicId, @FileName, @ListAsOf, @Status, @HandledAt, @Recorded, @AlreadyRecorded, @Problems, @Summary, @MovedTo)
        """;

    private const string Columns = """
        entry_id AS EntryId, clinic_id AS ClinicId, file_name AS FileName, list_as_of AS ListAsOf, status AS Status,
        handled_at AS HandledAt, recorded AS Recorded, already_recorded AS AlreadyRecorded, problems AS Problems,
        summary AS Summary, moved_to AS MovedTo
        """;

    private readonly AnalyticsDatabase _database;

    public InboxHistory(AnalyticsDatabase database)
    {
        _database = database;
    }

    public async Task RecordAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, entry with { HandledAt = DateTime.SpecifyKind(entry.HandledAt, DateTimeKind.Utc) }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The latest files of the given clinics, newest first, at most <paramref name="count"/> (capped at
    /// <see cref="MostRows"/>). <paramref name="clinicIds"/> null: every file, including those that named
    /// no clinic or one this database lacks (for an admin); an empty list: none.
    /// </summary>
    public async Task<IReadOnlyList<InboxEntry>> RecentAsync(IReadOnlyCollection<string>? clinicIds, int count, CancellationToken cancellationToken)
    {
        if (clinicIds is { Count: 0 } || count <= 0)
        {
            return [];
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        var sql = clinicIds is null ? SelectAll(_database.Dialect) : SelectForClinics(_database.Dialect);
        var rows = await connection.QueryAsync<InboxEntry>(new CommandDefinition(sql, new { ClinicIds = clinicIds?.ToArray(), Count = Math.Min(count, MostRows) }, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row with { HandledAt = DateTime.SpecifyKind(row.HandledAt, DateTimeKind.Utc) })];
    }

    public IEnumerable<KeyValuePair<string, string>> StatementsFor(SqlDialect dialect)
    {
        yield return new("insert", InsertSql);
        yield return new("all", SelectAll(dialect));
        yield return new("for clinics", SelectForClinics(dialect).Replace("IN @ClinicIds", "IN (@ClinicIds1, @ClinicIds2)", StringComparison.Ordinal));
    }

    private static string SelectAll(SqlDialect dialect) => $"""
        SELECT {Columns}
        FROM outreach_inbox_files
        ORDER BY handled_at DESC, entry_id DESC
        {dialect.FirstRows("@Count")}
        """;

    private static string SelectForClinics(SqlDialect dialect) => $"""
        SELECT {Columns}
        FROM outreach_inbox_files
        WHERE clinic_id {dialect.InList("@ClinicIds")}
        ORDER BY handled_at DESC, entry_id DESC
        {dialect.FirstRows("@Count")}
        """;
}

/// <summary>One file the inbox handled: a row of <c>outreach_inbox_files</c>. No patient data.</summary>
internal sealed record InboxEntry
{
    public const string Imported = "imported";

    public const string Rejected = "rejected";

    public string EntryId { get; init; } = Guid.NewGuid().ToString("N");

    /// <summary>The list's clinic; null when the file named none (not an outreach list, unreadable).</summary>
    public string? ClinicId { get; init; }

    /// <summary>The file's name as it was dropped (no folder).</summary>
    public string FileName { get; init; } = "";

    /// <summary>The list's date, when the file said it.</summary>
    public DateOnly? ListAsOf { get; init; }

    /// <summary><see cref="Imported"/> or <see cref="Rejected"/>.</summary>
    public string Status { get; init; } = Imported;

    /// <summary>When, UTC.</summary>
    public DateTime HandledAt { get; init; }

    /// <summary>Outcomes recorded from the file now.</summary>
    public int Recorded { get; init; }

    /// <summary>Outcomes the file held that were recorded before (the same list dropped again).</summary>
    public int AlreadyRecorded { get; init; }

    /// <summary>Problems that refused the file (0 when imported).</summary>
    public int Problems { get; init; }

    /// <summary>One line: what was recorded, or the first problem and how many more.</summary>
    public string Summary { get; init; } = "";

    /// <summary>Where the file lies now (in <c>imported/</c> or <c>rejected/</c>).</summary>
    public string MovedTo { get; init; } = "";
}

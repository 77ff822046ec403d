using Dapper;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Reports;

namespace PhysicalTheraPT.Analytics.FrontDesk;

/// <summary>
/// What the web pages show front desk, read from the store: today's list (the same list the Excel file
/// would hold, from <see cref="OutreachListService"/>), the recent calls, a patient's history, a search.
/// Health data: it goes to the signed-in user's page and nowhere else (no logs).
/// </summary>
internal sealed class FrontDeskReader : ISqlStatements
{
    private const int MostFound = 50;

    private const string OpenItemsSql = """
        SELECT patient_id AS PatientId, attempts AS Attempts, last_outcome AS LastOutcome, last_contact_on AS LastContactOn
        FROM outreach_items
        WHERE clinic_id = @ClinicId AND status = 'open'
        """;

    private const string RecentSql = """
        SELECT o.patient_id AS PatientId, p.first_name AS FirstName, p.last_name AS LastName, o.outcome AS Outcome,
               o.outcome_on AS OutcomeOn, o.staff_initials AS StaffInitials, o.notes AS Notes, o.source_file AS Source,
               a.user_name AS UserName
        FROM outreach_outcomes o
        JOIN patients p ON p.patient_id = o.patient_id
        LEFT JOIN outreach_web_audit a ON a.outcome_id = o.outcome_id
        WHERE o.clinic_id = @ClinicId AND o.outcome_on >= @Since
        ORDER BY o.outcome_on DESC, o.recorded_at DESC
        """;

    private const string PatientSql = """
        SELECT patient_id AS PatientId, first_name AS FirstName, last_name AS LastName, phone AS Phone, email AS Email,
               preferred_channel AS PreferredChannel
        FROM patients
        WHERE clinic_id = @ClinicId AND patient_id = @PatientId
        """;

    private const string HistorySql = """
        SELECT o.patient_id AS PatientId, p.first_name AS FirstName, p.last_name AS LastName, o.outcome AS Outcome,
               o.outcome_on AS OutcomeOn, o.staff_initials AS StaffInitials, o.notes AS Notes, o.source_file AS Source,
               a.user_name AS UserName
        FROM outreach_outcomes o
        JOIN patients p ON p.patient_id = o.patient_id
        LEFT JOIN outreach_web_audit a ON a.outcome_id = o.outcome_id
        WHERE o.clinic_id = @ClinicId AND o.patient_id = @PatientId
        ORDER BY o.outcome_on DESC, o.recorded_at DESC
        """;

    private const string SearchSql = """
        SELECT clinic_id AS ClinicId, patient_id AS PatientId, first_name AS FirstName, last_name AS LastName
        FROM patients
        WHERE clinic_id = @ClinicId
          AND (patient_id = @Exact
               OR LOWER(first_name) LIKE @Pattern ESCAPE '\'
               OR LOWER(last_name) LIKE @Pattern ESCAPE '\')
        ORDER BY last_name, first_name, patient_id
        """;

    private const string AuditSql = """
        SELECT user_name AS UserName, clinic_id AS ClinicId, patient_id AS PatientId, outcome AS Outcome,
               outcome_on AS OutcomeOn, changed AS Changed, recorded_at AS RecordedAt
        FROM outreach_web_audit
        WHERE recorded_at >= @Since
        ORDER BY recorded_at DESC
        """;

    private readonly AnalyticsDatabase _database;
    private readonly OutreachListService _lists;

    public FrontDeskReader(AnalyticsDatabase database, OutreachListService lists)
    {
        _database = database;
        _lists = lists;
    }

    /// <summary>
    /// The clinic's patients due for a call as of <paramref name="today"/>, in priority order: the list
    /// an Excel file of that day would hold (refreshing the queue as writing it does), with each patient's
    /// tries so far.
    /// </summary>
    public async Task<IReadOnlyList<TodayRow>> TodayAsync(string clinicId, DateOnly today, CancellationToken cancellationToken = default)
    {
        var list = (await _lists.BuildAsync(clinicId, today, cancellationToken)).List;
        await using var connection = await _database.OpenAsync(cancellationToken);
        var open = (await connection.QueryAsync<OpenItemRow>(new CommandDefinition(OpenItemsSql, new { ClinicId = clinicId }, cancellationToken: cancellationToken)))
            .ToDictionary(row => row.PatientId, StringComparer.Ordinal);
        return [.. list.Rows.Where(row => !row.DoNotContact).Select(row => open.GetValueOrDefault(row.PatientId) is { } item
            ? new TodayRow(row, item.Attempts, item.LastOutcome, item.LastContactOn)
            : new TodayRow(row, 0, null, null))];
    }

    /// <summary>Every outcome of the clinic recorded on or after <paramref name="since"/>, newest first.</summary>
    public async Task<IReadOnlyList<ContactRow>> RecentAsync(string clinicId, DateOnly since, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<ContactRow>(new CommandDefinition(RecentSql, new { ClinicId = clinicId, Since = since }, cancellationToken: cancellationToken))];
    }

    /// <summary>A patient of the clinic and every outcome recorded for them, newest first; null when the clinic has no such patient.</summary>
    public async Task<PatientHistory?> HistoryAsync(string clinicId, string patientId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var parameters = new { ClinicId = clinicId, PatientId = patientId };
        var patient = await connection.QuerySingleOrDefaultAsync<PatientRow>(new CommandDefinition(PatientSql, parameters, cancellationToken: cancellationToken));
        if (patient is null)
        {
            return null;
        }

        var contacts = await connection.QueryAsync<ContactRow>(new CommandDefinition(HistorySql, parameters, cancellationToken: cancellationToken));
        return new PatientHistory(patient, [.. contacts]);
    }

    /// <summary>Patients of <paramref name="clinicIds"/> whose id is the text, or whose names hold every word of it (at most 50).</summary>
    public async Task<IReadOnlyList<FoundPatient>> SearchAsync(IReadOnlyCollection<string> clinicIds, string text, CancellationToken cancellationToken = default)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0 || clinicIds.Count == 0)
        {
            return [];
        }

        var first = words[0].ToLowerInvariant().Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
        var exact = text.Trim();
        var found = new List<FoundPatient>();
        await using var connection = await _database.OpenAsync(cancellationToken);
        // One query per clinic: a user works for a handful of clinics.
        foreach (var clinicId in clinicIds.Order(StringComparer.Ordinal))
        {
            found.AddRange(await connection.QueryAsync<FoundPatient>(new CommandDefinition(SearchSql,
                new { ClinicId = clinicId, Exact = exact, Pattern = "%" + first + "%" }, cancellationToken: cancellationToken)));
        }

        return [.. found
            .Where(patient => patient.PatientId == exact || words.All(word => patient.FullName.Contains(word, StringComparison.OrdinalIgnoreCase)))
            .Take(MostFound)];
    }

    /// <summary>The outcomes recorded on the web since a time, newest first.</summary>
    public async Task<IReadOnlyList<AuditRow>> AuditAsync(DateTime sinceUtc, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<AuditRow>(new CommandDefinition(AuditSql, new { Since = DateTime.SpecifyKind(sinceUtc, DateTimeKind.Utc) }, cancellationToken: cancellationToken))];
    }

    public IEnumerable<KeyValuePair<string, string>> StatementsFor(SqlDialect dialect)
    {
        yield return new("open items", OpenItemsSql);
        yield return new("recent", RecentSql);
        yield return new("patient", PatientSql);
        yield return new("history", HistorySql);
        yield return new("search", SearchSql);
        yield return new("audit", AuditSql);
    }

    private sealed class OpenItemRow
    {
        public string PatientId { get; init; } = "";

        public int Attempts { get; init; }

        public string? LastOutcome { get; init; }

        public DateOnly? LastContactOn { get; init; }
    }

    /// <summary>A row of today's list: the list's row and the patient's open item, if the queue has one.</summary>
    internal sealed record TodayRow(OutreachListRow Row, int Attempts, string? LastOutcome, DateOnly? LastContactOn);
}

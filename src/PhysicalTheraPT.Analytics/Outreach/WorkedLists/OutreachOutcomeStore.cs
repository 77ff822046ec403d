using System.Data.Common;
using Dapper;
using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Outreach.WorkedLists;

/// <summary>
/// <c>outreach_outcomes</c> and <c>outreach_do_not_contact</c>, on the import's connection and
/// transaction: a worked list's outcomes land together or not at all.
/// </summary>
internal sealed class OutreachOutcomeStore(DbConnection connection, DbTransaction transaction) : ISqlStatements
{
    private const string ExistsSql = """
        SELECT COUNT(*) FROM outreach_outcomes
        WHERE clinic_id = @ClinicId AND patient_id = @PatientId AND flag = @Flag AND list_as_of = @ListAsOf
          AND outcome = @Outcome AND outcome_on = @OutcomeOn
        """;

    private const string InsertSql = """
        INSERT INTO outreach_outcomes (outcome_id, item_id, clinic_id, patient_id, flag, list_as_of, outcome, outcome_on,
                                       staff_initials, notes, source_file, recorded_at)
        VALUES (@OutcomeId, @ItemId, @ClinicId, @PatientId, @Flag, @ListAsOf, @Outcome, @OutcomeOn,
                @StaffInitials, @Notes, @SourceFile, @RecordedAt)
        """;

    private const string PatientClinicSql = "SELECT clinic_id FROM patients WHERE patient_id = @PatientId";

    private const string DoNotContactExistsSql = "SELECT COUNT(*) FROM outreach_do_not_contact WHERE patient_id = @PatientId";

    private const string InsertDoNotContactSql = """
        INSERT INTO outreach_do_not_contact (patient_id, clinic_id, since, staff_initials, outcome_id)
        VALUES (@PatientId, @ClinicId, @Since, @StaffInitials, @OutcomeId)
        """;

    /// <summary>True when this outcome of this list row on this date is already recorded (the file was imported before).</summary>
    public async Task<bool> ExistsAsync(WorkedOutcome outcome, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<int>(new CommandDefinition(ExistsSql, Row(outcome), transaction, cancellationToken: cancellationToken)) > 0;

    /// <summary>The patient's clinic in the database; null when there is no such patient.</summary>
    public Task<string?> PatientClinicAsync(string patientId, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<string?>(new CommandDefinition(PatientClinicSql, new { PatientId = patientId }, transaction, cancellationToken: cancellationToken));

    /// <summary>Records the outcome against the item; returns the new outcome's id.</summary>
    public async Task<string> InsertAsync(WorkedOutcome outcome, string itemId, string sourceFile, DateTime recordedAtUtc, CancellationToken cancellationToken)
    {
        var row = Row(outcome) with
        {
            OutcomeId = Guid.NewGuid().ToString("N"),
            ItemId = itemId,
            SourceFile = sourceFile,
            RecordedAt = DateTime.SpecifyKind(recordedAtUtc, DateTimeKind.Utc),
        };
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, row, transaction, cancellationToken: cancellationToken));
        return row.OutcomeId;
    }

    /// <summary>Marks the patient do-not-contact for good (the first such outcome is kept as the record).</summary>
    public async Task SetDoNotContactAsync(WorkedOutcome outcome, string outcomeId, CancellationToken cancellationToken)
    {
        var parameters = new { outcome.Key.PatientId, outcome.Key.ClinicId, Since = outcome.On, outcome.StaffInitials, OutcomeId = outcomeId };
        if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(DoNotContactExistsSql, parameters, transaction, cancellationToken: cancellationToken)) == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertDoNotContactSql, parameters, transaction, cancellationToken: cancellationToken));
        }
    }

    /// <summary>The outcome as <c>outreach_outcomes</c> holds it (Dapper sends each statement only the parameters it names).</summary>
    private static OutcomeRow Row(WorkedOutcome outcome) => new(
        "", "", outcome.Key.ClinicId, outcome.Key.PatientId, outcome.Key.Flag, outcome.Key.AsOf, outcome.Outcome.ToContractName(), outcome.On,
        outcome.StaffInitials, outcome.Notes, "", default);

    public IEnumerable<KeyValuePair<string, string>> StatementsFor(SqlDialect dialect)
    {
        yield return new("exists", ExistsSql);
        yield return new("insert", InsertSql);
        yield return new("patient clinic", PatientClinicSql);
        yield return new("do not contact exists", DoNotContactExistsSql);
        yield return new("insert do not contact", InsertDoNotContactSql);
    }

    private sealed record OutcomeRow(
        string OutcomeId,
        string ItemId,
        string ClinicId,
        string PatientId,
        string Flag,
        DateOnly ListAsOf,
        string Outcome,
        DateOnly OutcomeOn,
        string StaffInitials,
        string? Notes,
        string SourceFile,
        DateTime RecordedAt);
}

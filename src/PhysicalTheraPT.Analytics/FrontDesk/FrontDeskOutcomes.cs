using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Outreach.WorkedLists;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.FrontDesk;

/// <summary>
/// Records an outcome front desk picked on the web page: through the same <see cref="OutreachOutcomeRecorder"/>
/// and rules as a worked Excel list, in one transaction with its audit row (who, when, what changed).
/// The form's token makes a double click or a resubmitted form record once.
/// </summary>
internal sealed class FrontDeskOutcomes : ISqlStatements
{
    /// <summary>What <c>outreach_outcomes.source_file</c> holds for an outcome recorded on the web.</summary>
    public const string WebSource = "web";

    private const string TokenSeenSql = "SELECT COUNT(*) FROM outreach_web_audit WHERE form_token = @FormToken";

    private const string InsertAuditSql = """
        INSERT INTO outreach_web_audit (audit_id, form_token, user_name, clinic_id, patient_id, outcome_id, outcome, outcome_on, changed, recorded_at)
        VALUES (@AuditId, @FormToken, @UserName, @ClinicId, @PatientId, @OutcomeId, @Outcome, @OutcomeOn, @Changed, @RecordedAt)
        """;

    private readonly AnalyticsDatabase _database;
    private readonly OutreachRules _rules;
    private readonly TimeProvider _time;

    public FrontDeskOutcomes(AnalyticsDatabase database, IOptions<OutreachOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _database = database;
        _rules = new OutreachRules(options.Value);
        _time = time;
    }

    public async Task<WebOutcomeResult> RecordAsync(WebOutcomeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await TryRecordAsync(request, cancellationToken);
        }
        catch (DbException exception) when (OutreachListImporter.IsConflict(exception))
        {
            // The same form sent twice at once: the other request committed first, and this one kept nothing.
            await using var connection = await _database.OpenAsync(cancellationToken);
            if (await TokenSeenAsync(connection, null, request.FormToken, cancellationToken))
            {
                return WebOutcomeResult.SentBefore;
            }

            throw;
        }
    }

    private async Task<WebOutcomeResult> TryRecordAsync(WebOutcomeRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await TokenSeenAsync(connection, transaction, request.FormToken, cancellationToken))
        {
            return WebOutcomeResult.SentBefore;
        }

        var items = new OutreachItemStore(connection, transaction, _database);
        var open = (await items.ReadPatientItemsAsync(request.ClinicId, request.PatientId, cancellationToken)).FirstOrDefault(item => item.IsOpen);
        if (open is null)
        {
            return WebOutcomeResult.NotOnList;
        }

        var key = OutreachRowKey.Create(request.ClinicId, request.PatientId, open.Flag.ToContractName(), request.On);
        var notes = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        notes = notes is { Length: > WorkedListValidator.LongestNotes } ? notes[..WorkedListValidator.LongestNotes] : notes;
        var outcome = new WorkedOutcome(0, key, request.Outcome, request.On, request.Initials, notes, open.Reason, open.Priority);
        var recordedAt = _time.GetUtcNow().UtcDateTime;
        var recorder = new OutreachOutcomeRecorder(connection, transaction, _database, _rules);
        var result = await recorder.RecordAsync(request.ClinicId, request.On, outcome, WebSource, recordedAt, cancellationToken);
        if (result.Kind != RecordedOutcomeKind.Recorded)
        {
            return result.Kind == RecordedOutcomeKind.AlreadyRecorded ? WebOutcomeResult.AlreadyRecordedToday : WebOutcomeResult.NotOnList;
        }

        var changed = Describe(result.Before!, result.After!);
        await connection.ExecuteAsync(new CommandDefinition(InsertAuditSql, new
        {
            AuditId = Guid.NewGuid().ToString("N"),
            request.FormToken,
            request.UserName,
            request.ClinicId,
            request.PatientId,
            result.OutcomeId,
            Outcome = request.Outcome.ToContractName(),
            OutcomeOn = request.On,
            Changed = changed,
            RecordedAt = DateTime.SpecifyKind(recordedAt, DateTimeKind.Utc),
        }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new WebOutcomeResult(WebOutcomeStatus.Recorded, changed, result.After!.IsOpen);
    }

    /// <summary>What the outcome changed on the item, in words and ids only (no names), for the audit.</summary>
    internal static string Describe(OutreachItem before, OutreachItem after)
    {
        var changes = new List<string>();
        if (before.Attempts != after.Attempts)
        {
            changes.Add(string.Create(CultureInfo.InvariantCulture, $"attempts {before.Attempts} → {after.Attempts}"));
        }

        if (before.LastOutcome != after.LastOutcome)
        {
            changes.Add($"last outcome {before.LastOutcome?.ToContractName() ?? "none"} → {after.LastOutcome?.ToContractName() ?? "none"}");
        }

        if (before.IsOpen && !after.IsOpen)
        {
            changes.Add($"item closed ({after.CloseReason!.Value.ToContractName()})");
        }

        return changes.Count == 0 ? "history only (the item was already closed)" : string.Join("; ", changes);
    }

    private static async Task<bool> TokenSeenAsync(DbConnection connection, DbTransaction? transaction, string formToken, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<int>(new CommandDefinition(TokenSeenSql, new { FormToken = formToken }, transaction, cancellationToken: cancellationToken)) > 0;

    public IEnumerable<KeyValuePair<string, string>> StatementsFor(SqlDialect dialect)
    {
        yield return new("token seen", TokenSeenSql);
        yield return new("insert audit", InsertAuditSql);
    }
}

/// <summary>An outcome picked on the web page, with who picked it and the form it came from.</summary>
/// <param name="On">Today in the clinic's time zone: the date of the call.</param>
/// <param name="FormToken">The token the form carried: the same for a form sent twice.</param>
internal sealed record WebOutcomeRequest(
    string ClinicId, string PatientId, OutreachOutcome Outcome, string? Note, DateOnly On, string UserName, string Initials, string FormToken);

internal enum WebOutcomeStatus
{
    Recorded,

    /// <summary>The same form was sent before: nothing recorded this time.</summary>
    SentBefore,

    /// <summary>The same outcome for this patient is already recorded today (from another form or a worked list).</summary>
    AlreadyRecordedToday,

    /// <summary>The patient has no open outreach item in the clinic any more.</summary>
    NotOnList,
}

/// <param name="Changed">What the outcome changed on the item, as the audit keeps it.</param>
/// <param name="StillOpen">The item stays open (a try that was not the last).</param>
internal sealed record WebOutcomeResult(WebOutcomeStatus Status, string? Changed = null, bool StillOpen = false)
{
    public static WebOutcomeResult SentBefore { get; } = new(WebOutcomeStatus.SentBefore);

    public static WebOutcomeResult AlreadyRecordedToday { get; } = new(WebOutcomeStatus.AlreadyRecordedToday);

    public static WebOutcomeResult NotOnList { get; } = new(WebOutcomeStatus.NotOnList);
}

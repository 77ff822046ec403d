using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Outreach.WorkedLists;

/// <summary>
/// <c>ptanalytics outreach import</c>: records what front desk filled in on outreach lists. Each file is
/// one transaction: it is checked whole first, and any problem (not an outreach list, an edited key, a
/// row from another clinic's list, a list or key not signed by this database, an unknown outcome, a missing date or initials) rejects the file with
/// every problem listed and nothing recorded. Importing the same file again records nothing new.
/// </summary>
internal sealed class OutreachListImporter
{
    /// <summary>The file name kept with each outcome is cut to the column's size.</summary>
    private const int LongestSourceFile = 260;

    private readonly AnalyticsDatabase _database;
    private readonly ListSigningKeyStore _signingKeys;
    private readonly OutreachRules _rules;
    private readonly TimeProvider _time;

    public OutreachListImporter(AnalyticsDatabase database, ListSigningKeyStore signingKeys, IOptions<OutreachOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _database = database;
        _signingKeys = signingKeys;
        _rules = new OutreachRules(options.Value);
        _time = time;
    }

    /// <summary>Imports each file on its own, in the order given; a rejected file does not stop the others.</summary>
    public async Task<IReadOnlyList<OutreachImportFile>> ImportAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var clinics = await ClinicDirectory.LoadAsync(_database, cancellationToken);
        var signingKey = await _signingKeys.GetAsync(cancellationToken);
        var results = new List<OutreachImportFile>();
        foreach (var path in paths)
        {
            results.Add(await ImportFileAsync(path, clinics, signingKey, cancellationToken));
        }

        return results;
    }

    private async Task<OutreachImportFile> ImportFileAsync(string path, ClinicDirectory clinics, ListSigningKey signingKey, CancellationToken cancellationToken)
    {
        if (!WorkedListReader.TryRead(path, out var list, out var unreadable))
        {
            return OutreachImportFile.Rejected(path, null, null, [unreadable!]);
        }

        if (!OutreachListSignature.Verifies(signingKey, list!.ClinicId, list.AsOf, list.Signature))
        {
            return OutreachImportFile.Rejected(path, list.ClinicId, list.AsOf, [new OutreachImportProblem(path, null, null, list.Signature is null
                ? "the list is not signed: it was made before lists were signed, or its hidden identity sheet or document properties were edited. Make a new list with `ptanalytics outreach lists` and record the calls on it."
                : "the list was not made from this database (its signature does not match this installation's). Import it into the database it was made from, or make a new list from this database with `ptanalytics outreach lists`.")]);
        }

        if (!clinics.Contains(list.ClinicId))
        {
            return OutreachImportFile.Rejected(path, list.ClinicId, list.AsOf,
                [new OutreachImportProblem(path, null, null, $"the list is for clinic {list.ClinicId}, which is not in this database. Import it into the database the list was made from.")]);
        }

        var check = WorkedListValidator.Check(list, clinics.TodayIn(list.ClinicId, _time), signingKey);
        if (check.Problems.Count > 0)
        {
            return OutreachImportFile.Rejected(path, list.ClinicId, list.AsOf, check.Problems);
        }

        try
        {
            return await RecordAsync(list, check, cancellationToken);
        }
        catch (DbException exception) when (IsConflict(exception))
        {
            // Another import of the same rows committed first (two people handing in the same list at once).
            // Nothing of this attempt was kept; a second attempt finds those outcomes recorded and says so.
        }

        try
        {
            var retried = await RecordAsync(list, check, cancellationToken);
            return retried with { RecordedByConcurrentImport = retried.Accepted && retried.AlreadyRecorded > 0 };
        }
        catch (DbException exception)
        {
            return OutreachImportFile.Rejected(path, list.ClinicId, list.AsOf,
                [new OutreachImportProblem(path, null, null, $"the database refused the outcomes ({DatabaseErrorText.Describe(exception)}). Nothing from this file was recorded; import it again.")])
                with { RefusedByDatabase = true };
        }
    }

    /// <summary>A write that lost to another transaction: a duplicate key, or SQLite's writer that moved on under this one.</summary>
    internal static bool IsConflict(DbException exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555 or 517 || sqlite.SqliteErrorCode == 5,
        SqlException sqlServer => sqlServer.Number is 2627 or 2601,
        _ => false,
    };

    /// <summary>Records a checked list's outcomes in one transaction; a patient no longer in the clinic rejects the whole file.</summary>
    private async Task<OutreachImportFile> RecordAsync(WorkedList list, WorkedListCheck check, CancellationToken cancellationToken)
    {
        var path = list.File;
        var sourceFile = Path.GetFileName(path);
        sourceFile = sourceFile.Length > LongestSourceFile ? sourceFile[..LongestSourceFile] : sourceFile;
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var recorder = new OutreachOutcomeRecorder(connection, transaction, _database, _rules);
        var problems = new List<OutreachImportProblem>();
        var recorded = new Dictionary<OutreachOutcome, int>();
        var wrongNumbers = new List<string>();
        var already = 0;
        var recordedAt = _time.GetUtcNow().UtcDateTime;

        // By date, so attempts count up in the order the calls were made.
        foreach (var outcome in check.Outcomes.OrderBy(outcome => outcome.On).ThenBy(outcome => outcome.RowNumber))
        {
            var result = await recorder.RecordAsync(list.ClinicId, list.AsOf, outcome, sourceFile, recordedAt, cancellationToken);
            if (result.Kind == RecordedOutcomeKind.NotThisClinic)
            {
                problems.Add(new OutreachImportProblem(path, list.Sheet, outcome.RowNumber, result.PatientClinic is null
                    ? $"patient {outcome.Key.PatientId} is not in this database. Import the list into the database it was made from."
                    : $"patient {outcome.Key.PatientId} now belongs to clinic {result.PatientClinic}, not {list.ClinicId}. Record the call in a list of clinic {result.PatientClinic}."));
                continue;
            }

            if (result.Kind == RecordedOutcomeKind.AlreadyRecorded)
            {
                already++;
                continue;
            }

            if (outcome.Outcome == OutreachOutcome.WrongNumber)
            {
                wrongNumbers.Add(outcome.Key.PatientId);
            }

            recorded[outcome.Outcome] = recorded.GetValueOrDefault(outcome.Outcome) + 1;
        }

        if (problems.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return OutreachImportFile.Rejected(path, list.ClinicId, list.AsOf, [.. problems.OrderBy(problem => problem.Row)]);
        }

        await transaction.CommitAsync(cancellationToken);
        return new OutreachImportFile(path, list.ClinicId, list.AsOf, recorded, already, check.BlankRows, wrongNumbers, []);
    }
}

using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>
/// Tells a failure that a retry may cure (a database restarting, a lock, a dropped connection) from one
/// it cannot (bad credentials, a missing table, a bad setting), and says what a person should do about
/// the second kind. Unknown failures count as passing ones: a retry costs little, a job given up too
/// early costs a clinic its list.
/// </summary>
internal static class JobFailureClassifier
{
    private const string MigrateAdvice = "The database schema is behind this version: run `ptanalytics db migrate`.";
    private const string CredentialsAdvice = "Check Database:ConnectionString (user, password, database name) and the user's rights.";

    public static bool IsPermanent(Exception exception)
    {
        var chain = Chain(exception).ToList();
        if (chain.OfType<PermanentJobFailureException>().Any())
        {
            return true;
        }

        // A database error decides by itself, even when wrapped in a message for the user: "connection
        // refused" is worth a retry, "password authentication failed" is not.
        return chain.OfType<DbException>().FirstOrDefault() is { } databaseError
            ? DatabaseAdvice(databaseError) is not null
            : chain.OfType<UserInputException>().Any();
    }

    /// <summary>The message a permanent failure of one unit of work is recorded and shown with.</summary>
    public static string DescribePermanent(JobWorkItem work, Exception exception) =>
        DescribePermanent(work.Job, work.ToString(), exception);

    /// <summary>The message a permanent failure is recorded and shown with: what, and what to do.</summary>
    public static string DescribePermanent(string jobName, string subject, Exception exception)
    {
        var chain = Chain(exception).ToList();
        var cause = chain.OfType<PermanentJobFailureException>().FirstOrDefault()
            ?? (Exception?)chain.OfType<UserInputException>().FirstOrDefault()
            ?? chain[^1];
        var advice = chain.OfType<DbException>().Select(DatabaseAdvice).FirstOrDefault(text => text is not null);
        var text = advice is null || cause.Message.Contains(advice, StringComparison.Ordinal) ? cause.Message : $"{cause.Message} {advice}";
        var what = text.StartsWith(subject, StringComparison.Ordinal) ? text : $"{subject}: {text}";
        return $"{what} Not retried: fix the cause, then requeue the job on the dashboard's Failed page " +
            $"or run `ptanalytics serve --once {jobName}`.";
    }

    private static string? DatabaseAdvice(DbException error) => error switch
    {
        PostgresException { SqlState: "28P01" or "28000" or "3D000" or "42501" } => CredentialsAdvice,
        PostgresException { SqlState: "42P01" or "42703" or "3F000" or "42883" } => MigrateAdvice,
        SqlException { Number: 18456 or 4060 or 229 or 230 } => CredentialsAdvice,
        SqlException { Number: 208 or 207 } => MigrateAdvice,
        SqliteException { SqliteErrorCode: 1 } sqlite when sqlite.Message.Contains("no such", StringComparison.Ordinal) => MigrateAdvice,
        // 8: read-only file; 14: cannot open; 23: not authorised; 26: not a database.
        SqliteException { SqliteErrorCode: 8 or 14 or 23 or 26 } => "Check Database:Path: the file must be a SQLite database this user can read and write.",
        _ => null,
    };

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }
}

/// <summary>
/// A job failed for a reason that waiting will not fix (bad credentials, a missing table, a bad
/// setting): the scheduler must not retry it. The message says what to fix.
/// </summary>
internal sealed class PermanentJobFailureException : Exception
{
    public PermanentJobFailureException(string message)
        : base(message)
    {
    }

    public PermanentJobFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PermanentJobFailureException()
    {
    }
}

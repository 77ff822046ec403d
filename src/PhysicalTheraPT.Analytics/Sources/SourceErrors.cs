using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using Npgsql;

namespace PhysicalTheraPT.Analytics.Sources;

/// <summary>
/// Turns a failure of a source (its driver's exception) into what the sync does with it: a
/// <see cref="UserInputException"/> (bad credentials, a missing database, table or column, a query the
/// server cannot parse, no right to read: failed at once, with what to fix) or a
/// <see cref="SourceUnavailableException"/> (unreachable, timed out, restarting: retried with back-off).
/// The driver's message is kept only after <see cref="SourceSecrets.Scrub"/>, and the driver's exception
/// is not chained: its text, stack and data could carry the connection string to a log or the dashboard,
/// and the job classifier would judge it as a failure of this service's own database.
/// </summary>
internal static class SourceErrors
{
    public static Exception Translate(Exception exception, SourceOptions source, int index)
    {
        if (exception is UserInputException or SourceUnavailableException or OperationCanceledException)
        {
            return exception;
        }

        var setting = $"Sources:{index}";
        var what = $"Source {source.Name}";
        var detail = SourceSecrets.Scrub(FirstDbMessage(exception), source.ConnectionString);
        return Classify(exception) switch
        {
            Failure.Credentials => new UserInputException(
                $"{what}: the source refused the login or the database ({detail}). Check the user, password and database name in {setting}:ConnectionString, and that the user may read the tables. Not retried."),
            Failure.Schema => new UserInputException(
                $"{what}: a query refers to a table or column the source does not have, or the source cannot parse it ({detail}). Fix {setting}:Queries (each must return the contract's columns; see docs/sources.md). Not retried."),
            Failure.Setting => new UserInputException(
                $"{what}: {setting}:ConnectionString is not a valid connection string for provider {source.Provider} ({detail})."),
            _ => new SourceUnavailableException(
                $"{what} did not answer ({detail}). It is tried again with back-off; check that the server is up and reachable from this machine."),
        };
    }

    private enum Failure
    {
        Passing,
        Credentials,
        Schema,
        Setting,
    }

    private static Failure Classify(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException { SqlState: "28P01" or "28000" or "3D000" or "42501" }:
                    return Failure.Credentials;
                case PostgresException { SqlState: "42P01" or "42703" or "42601" or "3F000" or "42883" or "42804" }:
                    return Failure.Schema;
                case MySqlException { ErrorCode: MySqlErrorCode.AccessDenied or MySqlErrorCode.DatabaseAccessDenied or MySqlErrorCode.UnknownDatabase or MySqlErrorCode.TableAccessDenied or MySqlErrorCode.ColumnAccessDenied }:
                    return Failure.Credentials;
                case MySqlException { ErrorCode: MySqlErrorCode.NoSuchTable or MySqlErrorCode.BadFieldError or MySqlErrorCode.ParseError or MySqlErrorCode.UnknownTable }:
                    return Failure.Schema;
                case SqlException { Number: 18456 or 4060 or 229 or 230 or 18452 }:
                    return Failure.Credentials;
                case SqlException { Number: 208 or 207 or 102 or 156 or 4104 }:
                    return Failure.Schema;
                case SqliteException { SqliteErrorCode: 1 }:
                    return Failure.Schema;
                case SqliteException { SqliteErrorCode: 14 or 23 or 26 }:
                    return Failure.Credentials;
                case DbException { IsTransient: true } or SocketException or TimeoutException:
                    return Failure.Passing;
                case ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException when current == exception:
                    return Failure.Setting;
            }
        }

        return Failure.Passing;
    }

    private static string FirstDbMessage(Exception exception)
    {
        var message = exception.Message;
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException or SocketException or TimeoutException)
            {
                message = current.Message;
                break;
            }
        }

        return message.Split('\n')[0].Trim().TrimEnd('.');
    }
}

/// <summary>Keeps connection strings and passwords out of every message, log line and run record.</summary>
internal static class SourceSecrets
{
    private static readonly string[] SecretKeys = ["password", "pwd"];

    /// <summary><paramref name="text"/> with the connection string and its password replaced by <c>***</c>.</summary>
    public static string Scrub(string text, string? connectionString)
    {
        if (string.IsNullOrEmpty(connectionString))
        {
            return text;
        }

        var scrubbed = text.Replace(connectionString, "***", StringComparison.OrdinalIgnoreCase);
        foreach (var secret in SecretsOf(connectionString).Where(secret => secret.Length >= 3).OrderByDescending(secret => secret.Length))
        {
            scrubbed = scrubbed.Replace(secret, "***", StringComparison.Ordinal);
        }

        return scrubbed;
    }

    private static IEnumerable<string> SecretsOf(string connectionString)
    {
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            // Not a key=value string: only the whole of it is known to be secret.
            yield break;
        }

        foreach (var key in SecretKeys)
        {
            if (builder.TryGetValue(key, out var value) && value?.ToString() is { Length: > 0 } secret)
            {
                yield return secret;
            }
        }
    }
}

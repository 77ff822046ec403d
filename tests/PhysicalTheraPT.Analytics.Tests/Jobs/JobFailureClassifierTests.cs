using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;
using PhysicalTheraPT.Analytics.Jobs;

namespace PhysicalTheraPT.Analytics.Tests.Jobs;

public sealed class JobFailureClassifierTests
{
    public static TheoryData<Exception> PermanentFailures() => new()
    {
        new UserInputException("Database:Provider 'oracle' is not supported."),
        new PermanentJobFailureException("no engine"),
        new UserInputException("Could not connect", new PostgresException("password authentication failed", "FATAL", "FATAL", "28P01")),
        new PostgresException("relation \"patient_flags\" does not exist", "ERROR", "ERROR", "42P01"),
        new SqliteException("SQLite Error 1: 'no such table: job_runs'.", 1),
    };

    public static TheoryData<Exception> PassingFailures() => new()
    {
        new IOException("The disk is full."),
        new TimeoutException("The operation has timed out."),
        new UserInputException("Could not connect", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))),
        new SqliteException("SQLite Error 5: 'database is locked'.", 5),
    };

    [Theory]
    [MemberData(nameof(PermanentFailures))]
    public void IsPermanent_IsTrue_WhenWaitingCannotHelp(Exception failure)
    {
        Assert.True(JobFailureClassifier.IsPermanent(failure));
    }

    [Theory]
    [MemberData(nameof(PassingFailures))]
    public void IsPermanent_IsFalse_WhenARetryMayCureIt(Exception failure)
    {
        Assert.False(JobFailureClassifier.IsPermanent(failure));
    }

    [Fact]
    public void DescribePermanent_SaysWhatToRun_WhenATableIsMissing()
    {
        var work = new JobWorkItem(JobNames.RefreshFlags, "c01", "2026-03-02");

        var message = JobFailureClassifier.DescribePermanent(work, new PostgresException("relation \"patient_flags\" does not exist", "ERROR", "ERROR", "42P01"));

        Assert.StartsWith("refresh-flags c01 2026-03-02: ", message, StringComparison.Ordinal);
        Assert.Contains("ptanalytics db migrate", message, StringComparison.Ordinal);
        Assert.Contains("Not retried", message, StringComparison.Ordinal);
    }

    [Fact]
    public void DescribePermanent_KeepsTheUsersMessage_WhenCredentialsAreWrong()
    {
        var work = new JobWorkItem(JobNames.OutreachLists, "c02", "2026-03-02");
        var failure = new UserInputException("Could not connect to postgres db:5432/clinics: password authentication failed.", new PostgresException("password authentication failed", "FATAL", "FATAL", "28P01"));

        var message = JobFailureClassifier.DescribePermanent(work, failure);

        Assert.Contains("Could not connect to postgres db:5432/clinics", message, StringComparison.Ordinal);
        Assert.Contains("Database:ConnectionString", message, StringComparison.Ordinal);
    }
}

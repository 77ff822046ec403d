using Microsoft.Data.Sqlite;
using Npgsql;
using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Tests.Data;

/// <summary>A database error shown to a person says which error and where, never the row it refused.</summary>
public sealed class DatabaseErrorTextTests
{
    private const string PatientName = "Jane Doefake";

    [Fact]
    public void Describe_GivesSqlStateAndNamesWithoutRowValues_WhenPostgresQuotesTheRow()
    {
        // Arrange: a duplicate key whose message and detail quote the refused row.
        var exception = new PostgresException(
            $"duplicate key value violates unique constraint \"patients_pkey\" ({PatientName})",
            "ERROR",
            "ERROR",
            PostgresErrorCodes.UniqueViolation,
            detail: $"Key (clinic_id, last_name)=(1, {PatientName}) already exists.",
            tableName: "patients",
            constraintName: "patients_pkey");

        // Act
        var text = DatabaseErrorText.Describe(exception);

        // Assert
        Assert.DoesNotContain(PatientName, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Doefake", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("23505", text, StringComparison.Ordinal);
        Assert.Contains("patients_pkey", text, StringComparison.Ordinal);
        Assert.Contains("patients", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_GivesErrorCodeWithoutMessage_WhenSqliteMessageHoldsAName()
    {
        // Arrange
        var exception = new SqliteException($"SQLite Error 19: 'CHECK constraint failed: {PatientName}'.", 19);

        // Act
        var text = DatabaseErrorText.Describe(exception);

        // Assert
        Assert.DoesNotContain("Doefake", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("SQLite error 19", text, StringComparison.Ordinal);
        Assert.Contains("constraint", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_SaysConnectionErrorWithoutMessage_WhenNpgsqlHasNoServerError()
    {
        // Arrange
        var exception = new NpgsqlException($"Exception while reading from stream near {PatientName}");

        // Act
        var text = DatabaseErrorText.Describe(exception);

        // Assert
        Assert.DoesNotContain("Doefake", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("PostgreSQL", text, StringComparison.Ordinal);
    }
}

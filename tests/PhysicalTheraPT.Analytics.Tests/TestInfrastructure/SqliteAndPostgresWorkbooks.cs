using Dapper;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Tests.Reports;

namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>
/// Runs one workbook command against the same seeded history in SQLite and in PostgreSQL and compares
/// the workbooks it wrote cell by cell: the databases must make no difference to what people read.
/// </summary>
internal static class SqliteAndPostgresWorkbooks
{
    /// <param name="command">The command and its options, without the database and <c>--out</c>.</param>
    /// <param name="files">The workbooks to compare.</param>
    /// <param name="hasContent">Asserts the SQLite workbook holds the rows the comparison is about, so an empty pair cannot pass.</param>
    public static async Task AssertSameCellsAsync(string[] command, string[] files, Action<OpenXmlWorkbook> hasContent)
    {
        await using var sqlite = await SeededHistory.CreateAsync(DatabaseProvider.Sqlite, SeededHistory.Small);
        await using var postgres = await SeededHistory.CreateAsync(DatabaseProvider.Postgres, SeededHistory.Small);
        using var fromSqlite = new TemporaryFolder();
        using var fromPostgres = new TemporaryFolder();
        await SameInstallationSecretAsync(sqlite.Database, postgres.Database);

        var sqliteRun = await CliRunner.RunAsync([.. sqlite.CommandLineArguments, .. command, "--out", fromSqlite.Path]);
        var postgresRun = await CliRunner.RunAsync([.. postgres.CommandLineArguments, .. command, "--out", fromPostgres.Path]);

        Assert.Equal((0, 0), (sqliteRun.ExitCode, postgresRun.ExitCode));
        foreach (var name in files)
        {
            using var expected = OpenXmlWorkbook.Open(fromSqlite.File(name));
            using var actual = OpenXmlWorkbook.Open(fromPostgres.File(name));
            hasContent(expected);
            Assert.Equal(expected.AllCells(), actual.AllCells());
        }
    }

    /// <summary>One secret in both databases, so the signed row keys of outreach lists match too.</summary>
    private static async Task SameInstallationSecretAsync(params AnalyticsDatabase[] databases)
    {
        var secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        foreach (var database in databases)
        {
            await using var connection = await database.OpenAsync();
            await connection.ExecuteAsync("INSERT INTO installation_secrets (name, value) VALUES ('outreach-list-signing', @Secret)", new { Secret = secret });
        }
    }
}

namespace PhysicalTheraPT.Analytics.Data;

/// <summary>
/// Implemented by every class that sends SQL, so a test can list each statement for each dialect and
/// parse the SQL Server ones with a real T-SQL parser (no SQL Server runs on the build machines).
/// Implementations need a parameterless constructor or be static-free classes the test can create.
/// </summary>
internal interface ISqlStatements
{
    /// <summary>Every statement the class can send on <paramref name="dialect"/>, with a name for messages.</summary>
    IEnumerable<KeyValuePair<string, string>> StatementsFor(SqlDialect dialect);
}

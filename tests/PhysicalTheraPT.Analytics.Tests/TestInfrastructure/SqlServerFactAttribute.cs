namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>
/// A test that needs a real SQL Server: runs when <c>PTA_TEST_SQLSERVER</c> holds an admin connection
/// string, and is skipped with that reason otherwise (no SQL Server can run on the build machines).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqlServerFactAttribute : FactAttribute
{
    public const string EnvironmentVariable = "PTA_TEST_SQLSERVER";

    public SqlServerFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EnvironmentVariable)))
        {
            Skip = $"SQL Server tests skipped: {EnvironmentVariable} is not set (set it to a connection string with rights to create databases).";
        }
    }
}

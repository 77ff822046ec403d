using Microsoft.Data.Sqlite;

namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>
/// Points <c>PTA_HOME</c> (the data folder: embedded database, reports) at a fresh temporary folder, and
/// puts the previous value back on dispose. Use only in <see cref="ProcessEnvironmentCollection"/> tests.
/// </summary>
public sealed class TemporaryHome : IDisposable
{
    private readonly string? _previous = Environment.GetEnvironmentVariable("PTA_HOME");
    private readonly TemporaryFolder _folder = new();

    public TemporaryHome()
    {
        Environment.SetEnvironmentVariable("PTA_HOME", _folder.Path);
    }

    public string Path => _folder.Path;

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("PTA_HOME", _previous);
        // The pool keeps the embedded database file open; release it so the folder can go.
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}

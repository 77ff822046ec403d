namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>
/// Points <c>PTA_HOME</c> (the data folder: embedded database, reports) at a fresh temporary folder, and
/// puts back the previous value and removes the folder on dispose. Use only in
/// <see cref="ProcessEnvironmentCollection"/> tests.
/// </summary>
public sealed class TemporaryHome : IDisposable
{
    private readonly string? _previous = Environment.GetEnvironmentVariable("PTA_HOME");

    public TemporaryHome()
    {
        Directory.CreateDirectory(Path);
        Environment.SetEnvironmentVariable("PTA_HOME", Path);
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pta-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("PTA_HOME", _previous);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a failed test because of it is not.
        }
    }
}

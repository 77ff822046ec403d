namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>
/// A fresh folder under the system temp folder, deleted on dispose. Set PTA_KEEP_TEST_OUTPUT=1 to keep
/// it (to open the workbooks and charts a test wrote); its path is in <see cref="Path"/>.
/// </summary>
public sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pta-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("PTA_KEEP_TEST_OUTPUT") is "1" or "true")
        {
            return;
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail a test.
        }
    }
}

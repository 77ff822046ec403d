namespace PhysicalTheraPT.Analytics.Tests.Jobs;

/// <summary>A temporary output folder for one test, removed on dispose.</summary>
internal sealed class JobTestDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pta-tests", "jobs-" + Guid.NewGuid().ToString("N"));

    public JobTestDirectory()
    {
        Directory.CreateDirectory(Path);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

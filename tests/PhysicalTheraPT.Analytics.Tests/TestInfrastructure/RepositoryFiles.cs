namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>Files of the repository the tests check against, such as the docs that must name every setting.</summary>
internal static class RepositoryFiles
{
    /// <summary>The folder holding PhysicalTheraPT.Analytics.sln, found upwards from the test binaries.</summary>
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PhysicalTheraPT.Analytics.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("Repository root (PhysicalTheraPT.Analytics.sln) not found above " + AppContext.BaseDirectory);
        }
    }

    public static string ReadAllText(params string[] relativePath) => File.ReadAllText(Path.Combine([Root, .. relativePath]));
}

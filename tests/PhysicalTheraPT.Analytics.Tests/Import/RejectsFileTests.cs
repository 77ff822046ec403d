using PhysicalTheraPT.Analytics.Import;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Import;

public sealed class RejectsFileTests
{
    [Fact]
    public void Complete_PutsTheRowsInPlaceOwnerOnly_AndEscapesFormulas()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("rejects.csv");

        using (var rejects = RejectsFile.Create(path))
        {
            rejects.Add([new ImportError("patients.csv", 7, "phone", "not a phone number")], "=1+1");
            Assert.False(File.Exists(path));
            rejects.Complete();
        }

        var lines = File.ReadAllLines(path);
        Assert.Equal("file,line,columns,reasons,record", lines[0]);
        Assert.StartsWith("patients.csv,7,phone,phone: not a phone number,", lines[1], StringComparison.Ordinal);
        Assert.False(lines[1].EndsWith(",=1+1", StringComparison.Ordinal), lines[1]);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void Dispose_LeavesAnOlderFileAndNoTemporaryFile_WhenTheImportDidNotComplete()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("rejects.csv");
        File.WriteAllText(path, "last import's rejects");

        using (var rejects = RejectsFile.Create(path))
        {
            rejects.Add([new ImportError("episodes.csv", 3, "started_on", "not a date")], "e3,p1,x");
        }

        Assert.Equal("last import's rejects", File.ReadAllText(path));
        Assert.Equal(["rejects.csv"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Create_SaysWhichFileAndHowToChooseAnother_WhenItCannotBeWritten()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("a-file"), "not a folder");
        var path = Path.Combine(folder.File("a-file"), "rejects.csv");

        var failure = Assert.Throws<UserInputException>(() => RejectsFile.Create(path));

        Assert.StartsWith($"Could not write {path}:", failure.Message, StringComparison.Ordinal);
        Assert.EndsWith("choose another place with --rejects FILE)", failure.Message, StringComparison.Ordinal);
    }
}

using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Reports;

public sealed class AtomicFileTests
{
    [Fact]
    public void Write_ReplacesThePreviousFile_WhenWritingSucceeds()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("report.xlsx");
        File.WriteAllText(path, "old content that is longer than the new one");

        AtomicFile.Write(path, FilePrivacy.Shared, "new"u8.ToArray());

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(["report.xlsx"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Write_LeavesThePreviousFileIntactAndNoTemporaryFile_WhenWritingFailsMidway()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("report.xlsx");
        File.WriteAllText(path, "last month's good report");

        var failure = Assert.Throws<UserInputException>(() => AtomicFile.Write(path, FilePrivacy.OwnerOnly, stream =>
        {
            stream.Write(new byte[64 * 1024]);
            throw new IOException("disk full halfway.");
        }));

        Assert.StartsWith($"Could not write {path}: disk full halfway. Nothing was changed there.", failure.Message, StringComparison.Ordinal);
        Assert.Equal("last month's good report", File.ReadAllText(path));
        Assert.Equal(["report.xlsx"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Write_LeavesNoFileAtAll_WhenTheFirstWriteFails()
    {
        using var folder = new TemporaryFolder();

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(folder.File("list.xlsx"), FilePrivacy.Shared, _ => throw new InvalidOperationException("boom")));

        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Write_SaysWhichFileCouldNotBeWritten_WhenAFolderIsInTheWay()
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(folder.File("report.xlsx"));

        var failure = Assert.Throws<UserInputException>(() => AtomicFile.Write(folder.File("report.xlsx"), FilePrivacy.Shared, [1]));

        Assert.Contains(folder.File("report.xlsx"), failure.Message, StringComparison.Ordinal);
        Assert.Equal(["report.xlsx"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Write_CreatesTheFolder_WhenItDoesNotExist()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "reports", "2026", "list.xlsx");

        AtomicFile.Write(path, FilePrivacy.Shared, [1, 2, 3]);

        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
    }

    [Fact]
    public void Write_MakesTheFileReadableByItsOwnerOnly_WhenPrivacyIsOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TemporaryFolder();
        var path = folder.File("outreach.xlsx");
        File.WriteAllText(path, "older, world-readable");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        AtomicFile.Write(path, FilePrivacy.OwnerOnly, [42]);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }
}

using PhysicalTheraPT.Analytics.Files;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Files;

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

    [Fact]
    public void Begin_ShowsNothingAtTheTarget_UntilCommitted()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("clinics.csv");
        File.WriteAllText(path, "the old set");

        using (var pending = AtomicFile.Begin(path, FilePrivacy.Shared))
        {
            pending.Stream.Write("the new set"u8);
            Assert.Equal("the old set", File.ReadAllText(path));

            pending.Commit();
        }

        Assert.Equal("the new set", File.ReadAllText(path));
        Assert.Equal(["clinics.csv"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Begin_LeavesThePreviousFileAndNoTemporaryFile_WhenDisposedWithoutCommit()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("patients.csv");
        File.WriteAllText(path, "the old set");

        using (var pending = AtomicFile.Begin(path, FilePrivacy.OwnerOnly))
        {
            pending.Stream.Write(new byte[4096]);
        }

        Assert.Equal("the old set", File.ReadAllText(path));
        Assert.Equal(["patients.csv"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Begin_SaysWhichFileCouldNotBeStarted_WhenTheFolderCannotBeCreated()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("a-file"), "not a folder");
        var path = Path.Combine(folder.File("a-file"), "report.xlsx");

        var failure = Assert.Throws<UserInputException>(() => AtomicFile.Begin(path, FilePrivacy.Shared));

        Assert.StartsWith($"Could not write {path}:", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteText_WritesUtf8WithoutByteOrderMarkReadableByItsOwnerOnly()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("flags.csv");

        await AtomicFile.WriteTextAsync(path, FilePrivacy.OwnerOnly, writer => writer.Write("patient_id,reason\np01,Déjà vu\n"), default);

        Assert.Equal("patient_id,reason\np01,Déjà vu\n"u8.ToArray(), await File.ReadAllBytesAsync(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public async Task WriteText_LeavesThePreviousFileIntact_WhenTheContentFails()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("flags.csv");
        File.WriteAllText(path, "yesterday's flags");

        await Assert.ThrowsAsync<InvalidOperationException>(() => AtomicFile.WriteTextAsync(path, FilePrivacy.OwnerOnly, writer =>
        {
            writer.Write(new string('x', 100_000));
            throw new InvalidOperationException("the engine failed halfway");
        }, default));

        Assert.Equal("yesterday's flags", File.ReadAllText(path));
        Assert.Equal(["flags.csv"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }
}

using System.Diagnostics;
using PhysicalTheraPT.Analytics.Files;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Files;

/// <summary>The permissions of what the service creates, whatever the umask, and the leftovers of a killed writer.</summary>
public sealed class FileModesTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = OwnerOnly | UnixFileMode.UserExecute;

    [Fact]
    public async Task Commands_CreateOwnerOnlyDatabaseFoldersAndPatientFiles_WhenUmaskIsZero()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // Arrange: a temporary file a killed report run left in the folder the next run writes to.
        using var folder = new TemporaryFolder();
        var database = folder.File(Path.Combine("data", "clinic.db"));
        var reports = folder.File(Path.Combine("out", "reports"));
        var lists = folder.File(Path.Combine("front-desk", "lists"));
        FileModes.CreateFolder(reports);
        var leftover = Path.Combine(reports, $".retention-2026-02.xlsx.pta-{PendingFile.HostId}-{ExitedProcessId()}-0badc0de-12345678.tmp");
        File.WriteAllBytes(leftover, []);

        // Act: the commands as a process started with umask 000, as a careless service unit would.
        var exitCode = await RunUnderUmaskZeroAsync(
            ["seed", "--clinics", "1", "--patients", "60", "--months", "6", "--until", "2026-03-15", "--db", database],
            ["report", "monthly", "--month", "2026-02", "--out", reports, "--db", database],
            ["outreach", "lists", "--as-of", "2026-03-15", "--out", lists, "--db", database],
            ["serve", "--once", "refresh-flags", "--db", database]);

        // Assert
        Assert.Equal(0, exitCode);
        Assert.Equal(OwnerFolder, ModeOf(Path.GetDirectoryName(database)!));
        Assert.Equal(OwnerOnly, ModeOf(database));
        Assert.Equal(OwnerOnly, ModeOf(Path.ChangeExtension(database, ".hangfire.db")));
        Assert.Equal(OwnerFolder, ModeOf(lists));
        Assert.Equal(OwnerFolder, ModeOf(Path.GetDirectoryName(lists)!));
        Assert.Equal(OwnerOnly, ModeOf(Path.Combine(reports, "retention-2026-02.xlsx")));
        var charts = Directory.GetFiles(reports, "*.png");
        Assert.NotEmpty(charts);
        Assert.All(charts, chart => Assert.Equal(OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead, ModeOf(chart)));
        var list = Assert.Single(Directory.GetFiles(lists, "*.xlsx", SearchOption.AllDirectories));
        Assert.Equal(OwnerOnly, ModeOf(list));
        Assert.False(File.Exists(leftover));
        Assert.Empty(Directory.GetFiles(reports, ".*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Write_RemovesLeftoversOfGoneOrStaleWriters_AndKeepsThoseOfRunningOnes()
    {
        // Arrange
        using var folder = new TemporaryFolder();
        var goneWriter = folder.File($".report.xlsx.pta-{PendingFile.HostId}-{ExitedProcessId()}-0badc0de-12345678.tmp");
        var earlierProcessWithOurId = folder.File($".report.xlsx.pta-{PendingFile.HostId}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}-12345678.tmp");
        var staleWriter = folder.File($".list.xlsx.pta-{PendingFile.HostId}-1-0badc0de-87654321.tmp");
        var livingWriter = folder.File($".list.xlsx.pta-{PendingFile.HostId}-1-0badc0de-11111111.tmp");
        var notOurs = folder.File(".other-program.tmp");
        foreach (var path in new[] { goneWriter, earlierProcessWithOurId, staleWriter, livingWriter, notOurs })
        {
            File.WriteAllBytes(path, []);
        }

        File.SetLastWriteTimeUtc(staleWriter, DateTime.UtcNow.AddHours(-2));

        // Act
        AtomicFile.Write(folder.File("report.xlsx"), FilePrivacy.OwnerOnly, [1]);

        // Assert: process 1 is running, so its fresh file stays; its two-hour-old one is stale.
        Assert.False(File.Exists(goneWriter));
        Assert.False(File.Exists(earlierProcessWithOurId));
        Assert.False(File.Exists(staleWriter));
        Assert.True(File.Exists(livingWriter));
        Assert.True(File.Exists(notOurs));
    }

    [Fact]
    public void Write_JudgesAnotherHostsLeftoversOnlyByAge_WhenTheFolderIsShared()
    {
        // Arrange: another server's files; their process id is not running here, which must not matter.
        using var folder = new TemporaryFolder();
        var otherHost = PendingFile.HostId == "0badf00d" ? "0badf11d" : "0badf00d";
        var freshFile = folder.File($".report.xlsx.pta-{otherHost}-{ExitedProcessId()}-0badc0de-12345678.tmp");
        var staleFile = folder.File($".list.xlsx.pta-{otherHost}-{ExitedProcessId()}-0badc0de-87654321.tmp");
        File.WriteAllBytes(freshFile, []);
        File.WriteAllBytes(staleFile, []);
        File.SetLastWriteTimeUtc(staleFile, DateTime.UtcNow.AddHours(-2));

        // Act
        AtomicFile.Write(folder.File("report.xlsx"), FilePrivacy.OwnerOnly, [1]);

        // Assert
        Assert.True(File.Exists(freshFile));
        Assert.False(File.Exists(staleFile));
    }

    [Fact]
    public void CreateFolder_MakesEveryMissingFolderOwnerOnly_WhenParentsAreMissing()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // Arrange
        using var folder = new TemporaryFolder();
        var nested = folder.File(Path.Combine("a", "b", "c"));

        // Act
        FileModes.CreateFolder(nested);

        // Assert
        Assert.All(
            new[] { nested, folder.File(Path.Combine("a", "b")), folder.File("a") },
            path => Assert.Equal(OwnerFolder, ModeOf(path)));
    }

    [Fact]
    public void MakeSqliteDatabasePrivate_NarrowsAnExistingDatabaseAndItsCompanions_WhenTheyAreReadableByOthers()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // Arrange: a database an earlier version created 0644.
        using var folder = new TemporaryFolder();
        var database = folder.File("old.db");
        File.WriteAllBytes(database, []);
        File.WriteAllBytes(database + "-wal", []);
        File.SetUnixFileMode(database, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(database + "-wal", OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        // Act
        FileModes.MakeSqliteDatabasePrivate(database);

        // Assert
        Assert.Equal(OwnerOnly, ModeOf(database));
        Assert.Equal(OwnerOnly, ModeOf(database + "-wal"));
    }

    // Each test returns early on Windows; this keeps the platform analyzer content inside lambdas too.
    private static UnixFileMode ModeOf(string path) => OperatingSystem.IsWindows() ? UnixFileMode.None : File.GetUnixFileMode(path);

    private static int ExitedProcessId()
    {
        using var exited = Process.Start("true")!;
        exited.WaitForExit();
        return exited.Id;
    }

    private static async Task<int> RunUnderUmaskZeroAsync(params string[][] commands)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "ptanalytics.dll");
        var script = "umask 000 && " + string.Join(" && ", commands.Select(args =>
            "dotnet " + Quote(cli) + " " + string.Join(" ", args.Select(Quote))));
        var start = new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["COLUMNS"] = "240";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestTimeout.Token);
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}:\n{await output}\n{await errors}");
        return process.ExitCode;
    }

    private static string Quote(string argument) => "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

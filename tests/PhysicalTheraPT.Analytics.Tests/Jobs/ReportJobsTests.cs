using System.IO.Compression;
using System.Security.Cryptography;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Scheduling;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Jobs;

/// <summary>The jobs that write workbooks, through a real Hangfire server: files where they belong, recorded, repeatable.</summary>
public sealed class ReportJobsTests
{
    [Fact]
    public Task OutreachLists_WritesOneWorkbookPerClinic_OnSqlite() => OutreachLists_WritesOneWorkbookPerClinic(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task OutreachLists_WritesOneWorkbookPerClinic_OnPostgres() => OutreachLists_WritesOneWorkbookPerClinic(DatabaseProvider.Postgres);

    [Fact]
    public Task RetentionReport_WritesTheAllClinicsAndEachClinicsWorkbook_OnSqlite() => RetentionReport_WritesTheAllClinicsAndEachClinicsWorkbook(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task RetentionReport_WritesTheAllClinicsAndEachClinicsWorkbook_OnPostgres() => RetentionReport_WritesTheAllClinicsAndEachClinicsWorkbook(DatabaseProvider.Postgres);

    [Fact]
    public async Task RunNow_WritesIdenticalFiles_WhenTheSameWorkRunsTwice()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var output = new TemporaryFolder();
        await JobTestClinics.SeedAsync(test, clinicCount: 2);
        await using var services = JobTestServices.Build(test, output.Path, reports: new FakeReportSources());
        var first = await JobRunner.RunNowAsync(services, [JobNames.OutreachLists, JobNames.RetentionReport], TestTimeout.Token);
        var filesAfterFirst = Fingerprints(output.Path);

        var second = await JobRunner.RunNowAsync(services, [JobNames.OutreachLists, JobNames.RetentionReport], TestTimeout.Token);

        Assert.All(first.Concat(second), run => Assert.True(run.Succeeded, Failures(run)));
        var afterSecond = Fingerprints(output.Path);
        Assert.Equal(filesAfterFirst.Keys, afterSecond.Keys);
        Assert.Empty(filesAfterFirst.Where(file => afterSecond[file.Key] != file.Value).Select(file => file.Key));
        Assert.DoesNotContain(Directory.GetFiles(output.Path, "*", SearchOption.AllDirectories), path => !path.EndsWith(".xlsx", StringComparison.Ordinal) && !path.EndsWith(".png", StringComparison.Ordinal));
    }

    private static async Task OutreachLists_WritesOneWorkbookPerClinic(DatabaseProvider provider)
    {
        await using var test = TestDatabase.Create(provider);
        using var output = new TemporaryFolder();
        var clinics = await JobTestClinics.SeedAsync(test, clinicCount: 2);
        await using var services = JobTestServices.Build(test, output.Path, reports: new FakeReportSources());

        var run = Assert.Single(await JobRunner.RunNowAsync(services, [JobNames.OutreachLists], TestTimeout.Token));

        Assert.True(run.Succeeded, Failures(run));
        var expected = run.Work.Select(work => Path.Combine(output.Path, "outreach", ReportFileNames.OutreachList(work.LastRun!.ClinicId!, work.LastRun.PeriodAsDate()))).Order();
        Assert.Equal(expected, run.Work.Select(work => Assert.Single(work.LastRun!.Files)).Order());
        Assert.All(expected, path => Assert.True(File.Exists(path), path));
        Assert.Equal(clinics, run.Work.Select(work => work.LastRun!.ClinicId).Order());
        Assert.All(run.Work, work => Assert.Equal(3, work.LastRun!.RowsWritten));
    }

    private static async Task RetentionReport_WritesTheAllClinicsAndEachClinicsWorkbook(DatabaseProvider provider)
    {
        await using var test = TestDatabase.Create(provider);
        using var output = new TemporaryFolder();
        await JobTestClinics.SeedAsync(test, clinicCount: 2);
        await using var services = JobTestServices.Build(test, output.Path, reports: new FakeReportSources());

        var run = Assert.Single(await JobRunner.RunNowAsync(services, [JobNames.RetentionReport], TestTimeout.Token));

        Assert.True(run.Succeeded, Failures(run));
        Assert.Equal([null, "c01", "c02"], run.Work.Select(work => work.LastRun!.ClinicId).Order());
        Assert.Single(run.Work.Select(work => work.LastRun!.Period).Distinct());
        Assert.All(run.Work, work =>
        {
            var files = work.LastRun!.Files;
            Assert.EndsWith(".xlsx", files[0], StringComparison.Ordinal);
            Assert.Contains(files.Skip(1), path => path.EndsWith(".png", StringComparison.Ordinal));
            Assert.All(files, path => Assert.True(File.Exists(path), path));
            Assert.All(files, path => Assert.StartsWith(Path.Combine(output.Path, "monthly"), path, StringComparison.Ordinal));
        });
        Assert.Equal(3, run.Work.Select(work => work.LastRun!.Files[0]).Distinct().Count());
    }

    private static SortedDictionary<string, string> Fingerprints(string folder) =>
        new(Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(folder, path), Fingerprint), StringComparer.Ordinal);

    // A workbook is a zip package: what it says is in its parts. The packaging library names the
    // core-properties part and the package's relationships with fresh random ids on every save, so those
    // two are compared by content and ignored, respectively.
    private static string Fingerprint(string path)
    {
        if (!path.EndsWith(".xlsx", StringComparison.Ordinal))
        {
            return Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
        }

        using var zip = ZipFile.OpenRead(path);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var entry in zip.Entries.Where(entry => entry.FullName != "_rels/.rels").OrderBy(PartName, StringComparer.Ordinal))
        {
            using var content = new MemoryStream();
            using (var stream = entry.Open())
            {
                stream.CopyTo(content);
            }

            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(PartName(entry)));
            hash.AppendData(content.ToArray());
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static string PartName(ZipArchiveEntry entry) =>
        entry.FullName.StartsWith("package/services/metadata/core-properties/", StringComparison.Ordinal) ? "core-properties" : entry.FullName;

    private static string Failures(TriggeredRun run) =>
        string.Join("\n", new[] { run.Failure }.Concat(run.Work.Select(work => work.Failure)).Where(failure => failure is not null));
}

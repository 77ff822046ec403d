using ClosedXML.Excel;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Scheduling;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Jobs;

public sealed class OutreachInboxJobTests
{
    [Fact]
    public async Task RunNow_EmptiesTheDefaultInboxInTheReportsFolder_AsOneJobForAllClinics()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        await JobTestClinics.SeedAsync(test, clinicCount: 2);
        using var output = new TemporaryFolder();
        var inbox = Directory.CreateDirectory(Path.Combine(output.Path, "outreach", "inbox")).FullName;
        using (var workbook = new XLWorkbook())
        {
            workbook.AddWorksheet("Sheet1").Cell(1, 1).SetValue("not a list");
            workbook.SaveAs(Path.Combine(inbox, "calls.xlsx"));
        }

        await using var services = JobTestServices.Build(test, output.Path, settings: new Dictionary<string, string?> { ["Outreach:InboxSettleTime"] = "00:00:00" });

        var run = Assert.Single(await JobRunner.RunNowAsync(services, [JobNames.OutreachInbox], TestTimeout.Token));

        var work = Assert.Single(run.Work);
        Assert.True(run.Succeeded, run.Failure ?? work.Failure);
        Assert.Null(work.LastRun!.ClinicId);
        Assert.Equal($"0 list(s) imported (0 outcome(s) recorded), 1 rejected; inbox {inbox}.", work.LastRun.Message);
        Assert.Equal([Path.Combine(inbox, "rejected", "calls.xlsx")], work.LastRun.Files);
        Assert.True(File.Exists(Path.Combine(inbox, "rejected", "calls.xlsx.problems.txt")));
        Assert.Empty(Directory.GetFiles(inbox));
    }
}

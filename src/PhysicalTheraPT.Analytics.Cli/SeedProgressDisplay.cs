using PhysicalTheraPT.Analytics.Seeding;
using Spectre.Console;

namespace PhysicalTheraPT.Analytics.Cli;

/// <summary>A progress bar over the patients of a seed.</summary>
internal static class SeedProgressDisplay
{
    public static async Task<SeedResult> RunAsync(IAnsiConsole console, string description, Func<IProgress<SeedProgress>, Task<SeedResult>> seed)
    {
        SeedResult? result = null;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progressContext =>
            {
                var task = progressContext.AddTask(description, maxValue: 1);
                result = await seed(new SynchronousProgress<SeedProgress>(report =>
                {
                    task.MaxValue = Math.Max(1, report.PatientsTotal);
                    task.Value = report.PatientsDone;
                }));
                task.Value = task.MaxValue;
            });
        return result!;
    }
}

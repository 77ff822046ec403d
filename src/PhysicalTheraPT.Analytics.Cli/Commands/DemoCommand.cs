using System.CommandLine;
using PhysicalTheraPT.Analytics.Cli.Dashboard;
using PhysicalTheraPT.Analytics.Demo;
using Spectre.Console;

namespace PhysicalTheraPT.Analytics.Cli.Commands;

/// <summary>
/// <c>ptanalytics demo</c>: on a fresh clone, with no configuration, creates the embedded database, seeds a
/// 3-clinic history and runs every demo step, showing progress, then prints what it made and where.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("demo", "Run the whole service end to end on a seeded 3-clinic history (embedded database unless --db/--provider say otherwise).");
        CommandAction.Set(command, console, async context =>
        {
            var run = context.Get<DemoRun>();
            IReadOnlyList<DemoOutput> outputs = [];
            await context.Console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async progressContext =>
                {
                    var tasks = run.Steps.Select(step => progressContext.AddTask(step.Title, autoStart: false, maxValue: 1)).ToList();
                    var progress = new SynchronousProgress<DemoProgress>(report =>
                    {
                        var task = tasks[report.StepIndex];
                        task.MaxValue = Math.Max(report.Total, 1);
                        task.Value = report.Done;
                    });
                    outputs = await run.RunAsync(progress, index => tasks[index].StartTask(), context.CancellationToken);
                });

            var summary = new Table().Title("What the demo made").AddColumn("what").AddColumn("where / how many");
            foreach (var output in outputs)
            {
                summary.AddRow(new Text(output.What), new Text(output.Value));
            }

            context.Console.Write(summary);
            await WebAppSignInAsync(context);
            return CommandAction.Success;
        });
        return command;
    }

    /// <summary>
    /// A sign-in for the web app that exists only in this demo database (a fresh password each run; only
    /// its hash is kept), accepted by <c>serve</c> on loopback only, and how to use it.
    /// </summary>
    private static async Task WebAppSignInAsync(CommandContext context)
    {
        var password = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y');
        await context.Get<DemoSignIn>().SaveAsync(DashboardPassword.Hash(password), context.CancellationToken);
        var database = context.Value(DatabaseArguments.Db) is { } db ? $"--db \"{db}\" " : "";
        context.Console.WriteLine();
        context.Console.MarkupLine("[bold]Work the lists in the browser, on the demo data:[/]");
        context.Console.MarkupLineInterpolated($"  1. dotnet run --project src/PhysicalTheraPT.Analytics.Cli -- {database}serve");
        context.Console.MarkupLine("  2. open [link]http://127.0.0.1:5080/[/]");
        context.Console.MarkupLineInterpolated($"  3. sign in as [bold]{DemoSignIn.UserName}[/], password [bold]{password}[/]");
        context.Console.MarkupLine("  (This sign-in exists only in the demo database and works only on 127.0.0.1; the next demo run replaces it.)");
    }
}

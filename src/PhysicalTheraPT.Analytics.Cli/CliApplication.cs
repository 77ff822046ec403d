using System.CommandLine;
using PhysicalTheraPT.Analytics.Cli.Commands;
using Spectre.Console;

namespace PhysicalTheraPT.Analytics.Cli;

/// <summary>The <c>ptanalytics</c> command tree. Tests run it in-process with their own console.</summary>
internal static class CliApplication
{
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("PhysicalTheraPT.Analytics: finds patients who left after the acute phase without booking maintenance, and reports on retention.");
        root.Options.Add(DatabaseArguments.Db);
        root.Options.Add(DatabaseArguments.Provider);
        root.Options.Add(DatabaseArguments.Connection);

        root.Subcommands.Add(DbCommand.Create(console));
        root.Subcommands.Add(SeedCommand.Create(console));
        root.Subcommands.Add(DemoCommand.Create(console));
        root.Subcommands.Add(FlagsCommand.Create(console));
        root.Subcommands.Add(MetricsCommand.Create(console));
        root.Subcommands.Add(ImportCommand.Create(console));
        root.Subcommands.Add(SyncCommand.Create(console));
        root.Subcommands.Add(ReportCommand.Create(console));
        root.Subcommands.Add(OutreachCommand.Create(console));
        root.Subcommands.Add(BenchCommand.Create(console));
        root.Subcommands.Add(BenchStageCommand.Create(console));
        root.Subcommands.Add(ServeCommand.Create(console));
        root.Subcommands.Add(RunsCommand.Create(console));

        var invocation = new InvocationConfiguration
        {
            Output = new AnsiConsoleWriter(console),
            Error = Console.Error,
            // Ctrl+C and SIGTERM cancel the command's token; a command that has not finished this long
            // after is ended. `serve` needs the time to hand running jobs back to the queue
            // (Scheduling:ShutdownTimeout, 15 s by default); commands that stop sooner exit sooner.
            ProcessTerminationTimeout = TimeSpan.FromSeconds(60),
        };
        return await root.Parse(args).InvokeAsync(invocation, cancellationToken);
    }
}

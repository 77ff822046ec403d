using PhysicalTheraPT.Analytics.Cli;
using Spectre.Console;

namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>Runs <c>ptanalytics</c> in-process with a console that records what it printed.</summary>
internal sealed class CliRun
{
    private readonly StringWriter _output = new();

    public CliRun()
    {
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(_output),
        });
        Console.Profile.Width = 240;
    }

    public IAnsiConsole Console { get; }

    public string Output => _output.ToString();

    public Task<int> RunAsync(IEnumerable<string> args, CancellationToken cancellationToken = default) =>
        CliApplication.RunAsync(args.ToArray(), Console, cancellationToken);

    public static async Task<(int ExitCode, string Output)> ExecuteAsync(params string[] args)
    {
        var run = new CliRun();
        var exitCode = await run.RunAsync(args);
        return (exitCode, run.Output);
    }
}

using PhysicalTheraPT.Analytics.Cli;
using Spectre.Console;

namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>Runs <c>ptanalytics</c> in-process with a console that writes plain text to a string.</summary>
internal static class CliRunner
{
    public static Task<(int ExitCode, string Output)> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);

    /// <summary>The same, stopped by <paramref name="cancellationToken"/> as Ctrl+C would stop it (<c>serve</c>).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        // Wide enough that no message is wrapped mid-sentence.
        console.Profile.Width = 1000;

        var exitCode = await CliApplication.RunAsync(args, console, cancellationToken);
        return (exitCode, output.ToString());
    }
}

using Spectre.Console;

namespace PhysicalTheraPT.Analytics.Cli;

/// <summary>
/// Output sent to a file or a pipe has no width; Spectre.Console then assumes 80 columns and wraps every
/// long path and message, which breaks them for whoever greps or copies them. There, lines are as wide
/// as they need to be (tables still size their columns to their content).
/// </summary>
internal static class ConsoleWidth
{
    public const int Redirected = 4096;

    public static IAnsiConsole ForRedirectedOutput(IAnsiConsole console)
    {
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = Redirected;
        }

        return console;
    }
}

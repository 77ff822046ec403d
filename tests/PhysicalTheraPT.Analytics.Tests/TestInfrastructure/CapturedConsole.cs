using Spectre.Console;

namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>
/// A Spectre console that writes plain text (no colours, no live redraws) into memory, wide enough that
/// paths and table cells are not wrapped, for running <c>ptanalytics</c> commands in-process.
/// </summary>
public sealed class CapturedConsole
{
    private readonly StringWriter _writer = new();

    public CapturedConsole()
    {
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(_writer),
        });
        Console.Profile.Width = 400;
    }

    public IAnsiConsole Console { get; }

    public string Output => _writer.ToString();
}

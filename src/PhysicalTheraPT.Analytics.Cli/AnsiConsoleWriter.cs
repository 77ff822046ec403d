using System.Text;
using Spectre.Console;

namespace PhysicalTheraPT.Analytics.Cli;

/// <summary>Routes System.CommandLine's help text to the same console the commands write to.</summary>
internal sealed class AnsiConsoleWriter(IAnsiConsole console) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => console.Profile.Out.Writer.Write(value);

    public override void Write(string? value) => console.Profile.Out.Writer.Write(value);
}

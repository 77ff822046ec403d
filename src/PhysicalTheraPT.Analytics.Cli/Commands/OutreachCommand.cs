using System.CommandLine;
using Spectre.Console;

namespace PhysicalTheraPT.Analytics.Cli.Commands;

/// <summary><c>ptanalytics outreach ...</c>: the front desk's outreach workflow.</summary>
internal static class OutreachCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var outreach = new Command("outreach", "Front desk outreach: record worked lists.");
        outreach.Subcommands.Add(OutreachImportCommand.Create(console));
        return outreach;
    }
}

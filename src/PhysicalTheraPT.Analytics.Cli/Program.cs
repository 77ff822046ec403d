using PhysicalTheraPT.Analytics.Cli;
using Spectre.Console;

return await CliApplication.RunAsync(args, ConsoleWidth.ForRedirectedOutput(AnsiConsole.Console));

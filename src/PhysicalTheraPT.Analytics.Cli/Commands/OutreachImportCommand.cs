using System.CommandLine;
using System.Globalization;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Outreach.WorkedLists;
using Spectre.Console;

namespace PhysicalTheraPT.Analytics.Cli.Commands;

/// <summary>
/// <c>ptanalytics outreach import FILE.xlsx [FILE ...]</c>: records what front desk filled in on worked
/// outreach lists. A folder stands for every outreach list in it. Exit code 2 when any file was rejected
/// (nothing from that file is recorded; the others are).
/// </summary>
internal static class OutreachImportCommand
{
    /// <summary>The lists the writer names outreach-&lt;clinic&gt;-&lt;date&gt;.xlsx; Excel's "~$" lock files do not match.</summary>
    private const string ListPattern = "outreach-*.xlsx";

    public static Command Create(IAnsiConsole console)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Worked outreach lists (.xlsx), or folders holding them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("import", "Record the outcomes front desk filled in on outreach lists (each file all or nothing; importing a file again records nothing new).")
        {
            files,
        };

        CommandAction.Set(command, console, async context =>
        {
            var paths = Expand(context.ParseResult.GetValue(files) ?? []);
            if (paths.Count == 0)
            {
                throw new UserInputException($"No outreach lists found: the folder(s) hold no {ListPattern} files.");
            }

            var results = await context.Get<OutreachListImporter>().ImportAsync(paths, context.CancellationToken);
            foreach (var result in results)
            {
                Report(context.Console, result);
            }

            var rejected = results.Count(result => !result.Accepted);
            context.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{results.Count - rejected} of {results.Count} file(s) imported, {results.Sum(result => result.RecordedCount)} outcome(s) recorded, {rejected} file(s) rejected."));
            return rejected == 0 ? CommandAction.Success : CommandAction.UserError;
        });

        return command;
    }

    private static List<string> Expand(IEnumerable<string> arguments)
    {
        var paths = new List<string>();
        foreach (var argument in arguments)
        {
            if (Directory.Exists(argument))
            {
                paths.AddRange(Directory.EnumerateFiles(argument, ListPattern).Order(StringComparer.Ordinal));
            }
            else
            {
                paths.Add(argument);
            }
        }

        return paths;
    }

    private static void Report(IAnsiConsole console, OutreachImportFile result)
    {
        if (!result.Accepted)
        {
            console.MarkupLineInterpolated($"[red]Rejected[/] {result.File}: nothing from it was recorded. Fix these and import it again:");
            foreach (var problem in result.Problems)
            {
                console.MarkupLineInterpolated($"  - {problem}");
            }

            return;
        }

        var recorded = result.Recorded.Count == 0
            ? ""
            : " (" + string.Join(", ", result.Recorded.OrderBy(pair => pair.Key).Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Value} {pair.Key.ToContractName()}"))) + ")";
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"[green]Imported[/] {result.File} (clinic {result.ClinicId}, list of {result.AsOf:yyyy-MM-dd}): {result.RecordedCount} outcome(s) recorded{recorded}, {result.AlreadyRecorded} already recorded, {result.BlankRows} row(s) left blank.");
        if (result.RecordedByConcurrentImport)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"  {result.AlreadyRecorded} outcome(s) were already recorded by an import of the same list running at the same time: each is recorded once.");
        }

        if (result.WrongNumbers.Count > 0)
        {
            console.MarkupLineInterpolated(
                $"  Wrong phone number or email for patient(s) {string.Join(", ", result.WrongNumbers)}: please correct them in the clinic software.");
        }
    }
}

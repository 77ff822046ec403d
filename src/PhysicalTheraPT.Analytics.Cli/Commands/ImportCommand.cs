using System.CommandLine;
using System.Globalization;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Import;
using Spectre.Console;

namespace PhysicalTheraPT.Analytics.Cli.Commands;

/// <summary>
/// <c>ptanalytics import --from DIR [--skip-invalid] [--rejects FILE]</c>: imports a clinic's EMR export
/// (the contract files in docs/import.md) and prints what it did per file. A refused import exits 2.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var from = new Option<string>("--from")
        {
            Description = "Folder holding clinics.csv, providers.csv, patients.csv, episodes.csv and/or appointments.csv.",
            Required = true,
        };
        var skipInvalid = new Option<bool>("--skip-invalid")
        {
            Description = "Import the valid rows and write the rejected ones, with reasons, to a rejects file (default: one bad row refuses the whole import).",
        };
        var rejects = new Option<string?>("--rejects")
        {
            Description = "Where --skip-invalid writes rejected rows (default: <DIR>/rejects-<yyyyMMdd-HHmmss>.csv). Created owner-only.",
        };

        var import = new Command("import", "Import a clinic's EMR export (CSV files of the data contract) into the database, all or nothing.");
        import.Options.Add(from);
        import.Options.Add(skipInvalid);
        import.Options.Add(rejects);
        CommandAction.Set(import, console, async context =>
        {
            var request = new ImportRequest(context.Value(from)!, context.Value(skipInvalid), context.Value(rejects));
            if (request.RejectsPath is not null && !request.SkipInvalid)
            {
                throw new UserInputException("--rejects only applies with --skip-invalid (without it, one bad row refuses the whole import and nothing is rejected).");
            }

            var database = context.Get<AnalyticsDatabase>();
            var importer = context.Get<ClinicDataImporter>();
            var result = await context.Console.Status().StartAsync($"Importing {request.Directory}", async status =>
            {
                var progress = new SynchronousProgress<ImportProgress>(update =>
                {
                    var rows = $"{update.FileName}: {Count(update.RowsRead)} rows read";
                    if (context.Console.Profile.Capabilities.Interactive)
                    {
                        status.Status(rows);
                    }
                    else if (update.FileDone)
                    {
                        // Redirected output (a log, a scheduler): one line per file, not one per batch.
                        context.Console.WriteLine(rows);
                    }
                });
                return await importer.ImportAsync(request, progress, context.CancellationToken);
            });

            Print(context.Console, result, database);
            return result.Committed ? CommandAction.Success : CommandAction.UserError;
        });
        return import;
    }

    private static void Print(IAnsiConsole console, ImportResult result, AnalyticsDatabase database)
    {
        var table = new Table().AddColumns("File", "Read", "New or changed", "Unchanged", "Rejected");
        foreach (var column in table.Columns.Skip(1))
        {
            column.RightAligned();
        }

        foreach (var file in result.Files)
        {
            table.AddRow(Markup.Escape(file.FileName), Count(file.Read), Count(file.NewOrChanged), Count(file.Unchanged), Count(file.Rejected));
        }

        console.Write(table);

        if (result.ErrorCount > 0)
        {
            foreach (var error in result.Errors)
            {
                console.WriteLine(error.ToString());
            }

            if (result.ErrorsNotListed > 0)
            {
                console.WriteLine($"and {Count(result.ErrorsNotListed)} more");
            }
        }

        if (!result.Committed)
        {
            console.MarkupLineInterpolated(
                $"[red]Nothing was imported:[/] {result.ErrorCount} problem(s) in {result.RowsRejected} row(s). Fix them and import again, or pass --skip-invalid to import the valid rows and set the others aside in a rejects file.");
            return;
        }

        console.MarkupLineInterpolated($"Imported into {database.Description}: {result.RowsNewOrChanged} row(s) new or changed.");
        if (result.RejectsPath is not null)
        {
            console.MarkupLineInterpolated(
                $"{result.RowsRejected} row(s) rejected, written with their reasons to [yellow]{result.RejectsPath}[/] (owner-only: it can hold contact details).");
        }
    }

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

using System.CommandLine;
using PhysicalTheraPT.Analytics.Data;
using Spectre.Console;

namespace PhysicalTheraPT.Analytics.Cli.Commands;

/// <summary><c>ptanalytics db migrate</c>: applies the schema scripts to the configured database.</summary>
internal static class DbCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var migrate = new Command("migrate", "Apply the numbered schema scripts under sql/<provider>/ that the database has not had yet.");
        CommandAction.Set(migrate, console, context =>
        {
            var database = context.Get<AnalyticsDatabase>();
            var applied = new SchemaMigrator(database).Migrate();
            if (applied.Count == 0)
            {
                context.Console.MarkupLineInterpolated($"{database.Description}: schema is current, nothing to apply.");
            }
            else
            {
                foreach (var script in applied)
                {
                    context.Console.MarkupLineInterpolated($"applied [green]{script}[/]");
                }

                context.Console.MarkupLineInterpolated($"{database.Description}: {applied.Count} script(s) applied.");
            }

            return Task.FromResult(CommandAction.Success);
        });

        var db = new Command("db", "Database administration.");
        db.Subcommands.Add(migrate);
        return db;
    }
}

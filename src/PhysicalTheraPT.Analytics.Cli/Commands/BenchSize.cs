using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PhysicalTheraPT.Analytics.Benchmarks;
using PhysicalTheraPT.Analytics.Data;
using Spectre.Console;

namespace PhysicalTheraPT.Analytics.Cli.Commands;

/// <summary>
/// One size <c>bench</c> measures: its dataset, the database options its stage processes get (a database
/// of its own per size) and the folder of the import stage's files.
/// </summary>
internal sealed record BenchSize(BenchDataset Dataset, IReadOnlyList<string> DatabaseArguments, string ImportDirectory)
{
    /// <summary>Stands for the size in a <c>--db</c> path or a connection string's database name when several sizes each need a database.</summary>
    public const string Placeholder = "{appointments}";

    /// <summary>
    /// The database options for <paramref name="dataset"/>: the ones given, with <see cref="Placeholder"/>
    /// replaced by the size; on SQLite with neither --db nor --connection, a benchmark file of its own per
    /// size in the data folder, so seeding it never touches the clinic data.
    /// </summary>
    public static BenchSize For(CommandContext context, BenchDataset dataset, bool severalSizes)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(dataset);
        var db = context.Value(Cli.DatabaseArguments.Db);
        var provider = context.Value(Cli.DatabaseArguments.Provider);
        var connection = context.Value(Cli.DatabaseArguments.Connection);
        if (db is null && connection is null)
        {
            if (DatabaseSelection.ParseProvider(provider).Provider != DatabaseProvider.Sqlite)
            {
                // Seeding into the database the configuration names could fill a clinic group's real
                // database with made-up patients: the benchmark's own is named on the command line.
                throw new UserInputException(
                    $"bench on {provider} needs --connection naming a database of its own for the benchmark, e.g. \"Host=...;Database=pta_bench_{Placeholder}\" (created when missing).");
            }

            db = Path.Combine(AnalyticsPaths.DataDirectory, $"bench-{Placeholder}.db");
        }

        var size = dataset.Appointments.ToString(CultureInfo.InvariantCulture);
        var arguments = new List<string>();
        if (db is not null)
        {
            arguments.AddRange(["--db", Path.GetFullPath(OfSize(db, "--db", severalSizes, size))]);
        }

        if (provider is not null)
        {
            arguments.AddRange(["--provider", provider]);
        }

        if (connection is not null)
        {
            arguments.AddRange(["--connection", OfSize(connection, "--connection", severalSizes, size)]);
        }

        var importDirectory = BenchDataPreparer.ImportFilesDirectory(dataset, Path.Combine(AnalyticsPaths.DataDirectory, "bench-import"));
        return new BenchSize(dataset, arguments, importDirectory);
    }

    /// <summary>
    /// Seeds the size's history when its database does not hold it yet, settles the database, and writes
    /// the import stage's files when they are missing.
    /// </summary>
    public async Task PrepareAsync(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(context.Configuration)
            .AddInMemoryCollection(AsConfiguration(DatabaseArguments))
            .Build();
        await using var services = CommandAction.BuildServices(configuration);
        var database = services.GetRequiredService<AnalyticsDatabase>();
        var preparer = services.GetRequiredService<BenchDataPreparer>();
        context.Console.MarkupLineInterpolated($"Benchmark database for {Dataset.Appointments:N0} appointments: {database.Description}");

        if (await preparer.HoldsHistoryAsync(Dataset, context.CancellationToken))
        {
            context.Console.WriteLine("The seeded history is there already: not seeding again.");
        }
        else
        {
            await SeedProgressDisplay.RunAsync(context.Console, "Seeding the benchmark history", progress => preparer.SeedAsync(Dataset, progress, context.CancellationToken));
        }

        await preparer.SettleAsync(context.CancellationToken);
        if (!BenchDataPreparer.HasImportFiles(ImportDirectory))
        {
            await SeedProgressDisplay.RunAsync(context.Console, "Writing the import stage's CSV files", progress => BenchDataPreparer.WriteImportFilesAsync(Dataset, ImportDirectory, progress, context.CancellationToken));
        }
    }

    private static string OfSize(string value, string option, bool severalSizes, string size)
    {
        if (severalSizes && !value.Contains(Placeholder, StringComparison.Ordinal))
        {
            // One database for every size would seed them all on top of each other.
            throw new UserInputException(
                $"Several --appointments sizes need a database each, but {option} names one for all. Put {Placeholder} in it, e.g. "
                + (option == "--db" ? $"--db bench-{Placeholder}.db." : $"Database=pta_bench_{Placeholder}."));
        }

        return value.Replace(Placeholder, size, StringComparison.Ordinal);
    }

    private static List<KeyValuePair<string, string?>> AsConfiguration(IReadOnlyList<string> arguments)
    {
        var root = new RootCommand();
        root.Options.Add(Cli.DatabaseArguments.Db);
        root.Options.Add(Cli.DatabaseArguments.Provider);
        root.Options.Add(Cli.DatabaseArguments.Connection);
        return [.. Cli.DatabaseArguments.AsConfiguration(root.Parse([.. arguments]))];
    }
}

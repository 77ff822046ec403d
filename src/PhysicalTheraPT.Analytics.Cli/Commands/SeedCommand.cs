using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using PhysicalTheraPT.Analytics.Seeding;
using Spectre.Console;

namespace PhysicalTheraPT.Analytics.Cli.Commands;

/// <summary>
/// <c>ptanalytics seed</c>: writes a deterministic synthetic clinic history into the configured database,
/// or with <c>--csv DIR</c> as CSV files in the import contract.
/// </summary>
internal static class SeedCommand
{
    private static readonly SeedSettings Defaults = new() { Until = DateOnly.MinValue };

    public static Command Create(IAnsiConsole console)
    {
        var clinics = new Option<int>("--clinics") { Description = "Clinics in the group.", DefaultValueFactory = _ => Defaults.Clinics };
        var patients = new Option<int>("--patients") { Description = "Patients across all clinics (about 20 appointments each over 36 months).", DefaultValueFactory = _ => Defaults.Patients };
        var months = new Option<int>("--months") { Description = "Months of history before --until.", DefaultValueFactory = _ => Defaults.Months };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed and options give the same history.", DefaultValueFactory = _ => Defaults.Seed };
        var until = new Option<string?>("--until") { Description = "The history's \"today\" (YYYY-MM-DD): later appointments are bookings. Default: today." };
        var csv = new Option<string?>("--csv") { Description = "Write clinics.csv, providers.csv, patients.csv, episodes.csv and appointments.csv to this folder instead of the database." };

        var command = new Command("seed", "Generate a realistic, deterministic multi-clinic history (synthetic patients only).")
        {
            clinics, patients, months, seed, until, csv,
        };
        CommandAction.Set(command, console, async context =>
        {
            var settings = new SeedSettings
            {
                Clinics = context.Value(clinics),
                Patients = context.Value(patients),
                Months = context.Value(months),
                Seed = context.Value(seed),
                Until = ParseUntil(context.Value(until)) ?? DateOnly.FromDateTime(context.Get<TimeProvider>().GetLocalNow().DateTime),
            };
            settings.Validate();
            var csvDirectory = context.Value(csv);

            var stopwatch = Stopwatch.StartNew();
            var result = await SeedProgressDisplay.RunAsync(context.Console, "Generating patients", progress => csvDirectory is null
                ? context.Get<ClinicHistorySeeder>().SeedDatabaseAsync(settings, progress, context.CancellationToken)
                : ClinicHistorySeeder.WriteCsvAsync(settings, csvDirectory, progress, context.CancellationToken));
            stopwatch.Stop();

            context.Console.Write(SeedResultTable.Create(result));
            var appointments = result.RowsOf(csvDirectory is null ? "appointments" : "appointments.csv");
            var seconds = Math.Max(stopwatch.Elapsed.TotalSeconds, 0.001);
            context.Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Seed {settings.Seed}, {settings.Clinics} clinic(s), {settings.Patients:N0} patients, {settings.Months} months up to {settings.Until:yyyy-MM-dd} -> {result.Destination}"));
            context.Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{appointments:N0} appointments in {seconds:N1} s ({appointments / seconds:N0} appointments/s)."));
            return CommandAction.Success;
        });
        return command;
    }

    private static DateOnly? ParseUntil(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until)
            ? until
            : throw new UserInputException($"--until '{text}' is not a date: write it as YYYY-MM-DD, for example 2026-03-31.");
    }
}

using System.CommandLine;
using System.Globalization;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Files;
using PhysicalTheraPT.Analytics.Retention;
using Spectre.Console;

namespace PhysicalTheraPT.Analytics.Cli.Commands;

/// <summary>The options <c>flags</c> and <c>metrics</c> share, and how they turn into dates and files.</summary>
internal static class RetentionArguments
{
    /// <summary>A command with its options, in the order its help lists them.</summary>
    public static Command CommandWith(string name, string description, params Option[] options)
    {
        var command = new Command(name, description);
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        return command;
    }

    public static Option<string?> AsOf(string description) => new("--as-of") { Description = description };

    public static Option<string?> Format() => new("--format") { Description = "csv (default) or json." };

    public static Option<string?> Output() => new("--output")
    {
        Description = "File to write (created owner-only, replaced whole). Default: standard output.",
    };

    /// <summary>A <c>YYYY-MM-DD</c> option value; null when the option was not given.</summary>
    public static DateOnly? ParseDate(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UserInputException($"{option} '{text}' is not a date: use YYYY-MM-DD, e.g. 2026-03-31.");
    }

    /// <summary>A <c>YYYY-MM</c> option value, which the command requires.</summary>
    public static CalendarMonth ParseMonth(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UserInputException($"{option} is required: the calendar month to report, as YYYY-MM, e.g. 2026-03.");
        }

        return CalendarMonth.TryParse(text.Trim())
            ?? throw new UserInputException($"{option} '{text}' is not a month: use YYYY-MM, e.g. 2026-03.");
    }

    /// <summary>
    /// The <c>--as-of</c> date of a month's numbers: the day after the month when not given, and never a
    /// date that leaves no day of the month in the past.
    /// </summary>
    public static DateOnly ParseAsOfForMonth(string? text, CalendarMonth month)
    {
        var asOf = AsOfDates.ForMonth(month, ParseDate(text, "--as-of"));
        if (asOf <= month.FirstDay)
        {
            throw new UserInputException(
                $"--as-of {asOf:yyyy-MM-dd} leaves no day of {month} in the past, so there is nothing to count. " +
                $"Give a date after {month.FirstDay:yyyy-MM-dd}, or leave --as-of out for {month.DayAfter:yyyy-MM-dd}, the day after the month.");
        }

        return asOf;
    }

    /// <summary>Writes the table to <paramref name="path"/> atomically (owner-only), or to standard output when there is none.</summary>
    public static async Task WriteAsync(CommandContext context, string? path, Action<TextWriter> write)
    {
        if (path is null)
        {
            var writer = context.Console.Profile.Out.Writer;
            write(writer);
            await writer.FlushAsync(context.CancellationToken);
            return;
        }

        if (Directory.Exists(path))
        {
            throw new UserInputException($"--output '{path}' is a folder; give a file name, e.g. {Path.Combine(path, "flags.csv")}.");
        }

        // Owner-only: the flags file lists patients (by id) with their health history in a sentence.
        await AtomicFile.WriteTextAsync(path, FilePrivacy.OwnerOnly, write, context.CancellationToken);
    }

    /// <summary>
    /// A line for the person running the command: on the console when the table went to a file, else on
    /// standard error, so a table piped from standard output stays clean.
    /// </summary>
    public static void Tell(CommandContext context, string? path, string message)
    {
        if (path is null)
        {
            Console.Error.WriteLine(message);
        }
        else
        {
            context.Console.WriteLine(message);
        }
    }
}

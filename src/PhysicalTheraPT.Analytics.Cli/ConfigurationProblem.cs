using System.Text.Json;
using System.Text.RegularExpressions;

namespace PhysicalTheraPT.Analytics.Cli;

/// <summary>
/// Turns what .NET's configuration throws for a user's mistake (a settings file that is not JSON, a value
/// that does not convert to its setting's type) into one line that names the file and position, or the
/// key, and what is expected. Never prints the value itself: it may be a password.
/// </summary>
internal static partial class ConfigurationProblem
{
    /// <summary>The user error <paramref name="exception"/> stands for, or null when it is not a configuration mistake.</summary>
    public static UserInputException? Describe(Exception exception) => exception switch
    {
        // FileConfigurationProvider wraps the JSON parser's FormatException (itself wrapping JsonException).
        InvalidDataException { InnerException: FormatException format } when FilePath(exception.Message) is { } file =>
            new UserInputException(DescribeFile(file, format), exception),
        InvalidOperationException when ConversionFailure().Match(exception.Message) is { Success: true } match =>
            new UserInputException(
                $"Setting {match.Groups["key"].Value} is not {Expected(match.Groups["type"].Value)}. Fix it where it is set: " +
                $"ptanalytics.json, the environment (PTA_{match.Groups["key"].Value.Replace(":", "__", StringComparison.Ordinal)}) or appsettings.json.",
                exception),
        _ => null,
    };

    private static string DescribeFile(string file, FormatException format)
    {
        if (format.InnerException is JsonException { LineNumber: { } line, BytePositionInLine: { } position })
        {
            // JsonException counts from 0; editors count from 1.
            return $"{file}: not valid JSON at line {line + 1}, position {position + 1}. Fix the file (or remove it to use the defaults).";
        }

        return $"{file}: {format.Message} Fix the file (or remove it to use the defaults).";
    }

    private static string? FilePath(string message)
    {
        var match = QuotedFile().Match(message);
        return match.Success ? match.Groups["file"].Value : null;
    }

    private static string Expected(string type) => type switch
    {
        "System.TimeSpan" => "a duration (hh:mm:ss, for example 00:10:00)",
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Decimal" or "System.Double" => "a number (with a '.' for decimals)",
        "System.Boolean" => "true or false",
        "System.DateOnly" or "System.DateTime" => "a date (yyyy-MM-dd)",
        _ => $"a {type}",
    };

    [GeneratedRegex("'(?<file>[^']+\\.json)'")]
    private static partial Regex QuotedFile();

    // ConfigurationBinder: "Failed to convert configuration value at 'Scheduling:LockTimeout' to type 'System.TimeSpan'."
    [GeneratedRegex("configuration value (?:'[^']*' )?at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex ConversionFailure();
}

using System.Text.Json;
using CsvHelper;

namespace PhysicalTheraPT.Analytics.Analysis;

/// <summary>
/// Writes the flags and metrics tables as CSV (CsvHelper) or JSON (System.Text.Json), deterministically:
/// invariant culture, the rows in the order given, nothing from the clock. Both formats name the columns
/// alike: the row's properties in snake_case.
/// </summary>
internal static class TableWriter
{
    public static readonly IReadOnlyList<string> FlagColumns =
        ["patient_id", "clinic_id", "flag", "acute_end", "end_type", "last_maintenance", "days_since", "priority", "reason"];

    public static readonly IReadOnlyList<string> MetricColumns = ["clinic_id", "metric", "value"];

    private const string DateFormat = "yyyy-MM-dd";

    // Unix line ends: the files go to scripts and pipes more than to spreadsheets, which read both.
    private static readonly CsvWriterOptions Csv = new() { NewLine = "\n" };

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        // Reasons carry apostrophes and dashes; keep them readable rather than \u-escaped.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void WriteFlags(TextWriter writer, IEnumerable<FlagRow> rows, OutputFormat format)
    {
        Write(writer, rows, format, FlagColumns, static (csv, row) =>
        {
            csv.WriteField(row.PatientId);
            csv.WriteField(row.ClinicId);
            csv.WriteField(row.Flag);
            csv.WriteField(row.AcuteEnd, DateFormat);
            csv.WriteField(row.EndType);
            csv.WriteField(row.LastMaintenance, DateFormat);
            csv.WriteField(row.DaysSince, "");
            csv.WriteField(row.Priority, "");
            csv.WriteField(row.Reason);
        });
    }

    /// <summary>Values as the shortest text that reads back as the same number (rates as fractions 0-1).</summary>
    public static void WriteMetrics(TextWriter writer, IEnumerable<MetricRow> rows, OutputFormat format)
    {
        Write(writer, rows, format, MetricColumns, static (csv, row) =>
        {
            csv.WriteField(row.ClinicId);
            csv.WriteField(row.Metric);
            csv.WriteField(row.Value, "");
        });
    }

    /// <summary><c>csv</c> or <c>json</c> (any case; blank is csv); anything else is the user's to fix.</summary>
    public static OutputFormat ParseFormat(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "csv" => OutputFormat.Csv,
        "json" => OutputFormat.Json,
        _ => throw new UserInputException($"--format '{text}' is not a format this command writes: use csv or json."),
    };

    private static void Write<TRow>(TextWriter writer, IEnumerable<TRow> rows, OutputFormat format, IReadOnlyList<string> columns, Action<CsvWriter, TRow> writeFields)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        if (format == OutputFormat.Json)
        {
            writer.Write(JsonSerializer.Serialize(rows, Json));
            writer.Write('\n');
            return;
        }

        using var csv = CsvWriter.Create(writer, Csv, leaveOpen: true);
        csv.WriteHeader([.. columns]);
        foreach (var row in rows)
        {
            writeFields(csv, row);
            csv.EndRecord();
        }

        csv.Flush();
    }
}

/// <summary>The machine-readable formats of the flags and metrics tables.</summary>
internal enum OutputFormat
{
    /// <summary>RFC 4180 CSV with a header row, invariant culture, <c>\n</c> line ends.</summary>
    Csv,

    /// <summary>A JSON array of objects with the CSV's column names.</summary>
    Json,
}

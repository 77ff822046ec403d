using System.Text;
using System.Text.Json;
using PhysicalTheraPT.Analytics.Files;

namespace PhysicalTheraPT.Analytics.Benchmarks;

/// <summary>
/// How the benchmark writes its tables: CSV with a header line and JSON under the same snake_case names,
/// each file whole or not at all. They hold no patient data, so they are readable by others.
/// </summary>
internal static class BenchFiles
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <param name="rows">Each row's cells, already formatted; a cell holding a comma or a quote is quoted.</param>
    public static Task WriteCsvAsync(string path, IReadOnlyList<string> columns, IEnumerable<IEnumerable<string>> rows, CancellationToken cancellationToken) =>
        AtomicFile.WriteTextAsync(path, FilePrivacy.Shared, writer =>
        {
            writer.Write(string.Join(',', columns) + "\n");
            foreach (var row in rows)
            {
                writer.Write(string.Join(',', row.Select(Quote)) + "\n");
            }
        }, cancellationToken);

    public static Task WriteJsonAsync<T>(string path, T value, CancellationToken cancellationToken) =>
        AtomicFile.WriteTextAsync(path, FilePrivacy.Shared, writer => writer.Write(JsonSerializer.Serialize(value, JsonOptions)), cancellationToken);

    private static string Quote(string value)
    {
        if (!value.Contains(',', StringComparison.Ordinal) && !value.Contains('"', StringComparison.Ordinal) && !value.Contains('\n', StringComparison.Ordinal))
        {
            return value;
        }

        return new StringBuilder("\"").Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"').ToString();
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>
/// The row count and a checksum of every row of each clinic data table, so a test can prove an import
/// left the database exactly as it was.
/// </summary>
public sealed record DatabaseSnapshot(IReadOnlyDictionary<string, (long Rows, string Checksum)> Tables)
{
    private static readonly (string Table, string Key)[] ClinicTables =
    [
        ("clinics", "clinic_id"), ("providers", "provider_id"), ("patients", "patient_id"), ("episodes", "episode_id"), ("appointments", "appointment_id"),
    ];

    public long TotalRows => Tables.Values.Sum(table => table.Rows);

    internal static async Task<DatabaseSnapshot> TakeAsync(AnalyticsDatabase database)
    {
        var tables = new SortedDictionary<string, (long, string)>(StringComparer.Ordinal);
        await using var connection = await database.OpenAsync();
        foreach (var (table, key) in ClinicTables)
        {
            var text = new StringBuilder();
            long rows = 0;
            await using var reader = await connection.ExecuteReaderAsync($"SELECT * FROM {table} ORDER BY {key}");
            while (await reader.ReadAsync())
            {
                rows++;
                for (var field = 0; field < reader.FieldCount; field++)
                {
                    text.Append(Convert.ToString(reader.GetValue(field), CultureInfo.InvariantCulture)).Append('\u001f');
                }

                text.Append('\u001e');
            }

            tables[table] = (rows, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))));
        }

        return new DatabaseSnapshot(tables);
    }

    public override string ToString() => string.Join(", ", Tables.Select(table => $"{table.Key}: {table.Value.Rows} rows {table.Value.Checksum}"));
}

using System.Globalization;
using DuckDB.NET.Data;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Benchmarks;

/// <summary>
/// The flags rules as one set-based SQL query (DuckDbFlags.sql: CTEs and window functions, a comment per
/// rule) over the DuckDB peer's copy (<see cref="DuckDbPeer"/>), and the check that it gives the engine's
/// flags: same patients, kinds, dates, priorities, explanations and reasons.
/// </summary>
internal static class DuckDbFlagsQuery
{
    private static readonly Lazy<string> Sql = new(() =>
    {
        using var stream = typeof(DuckDbFlagsQuery).Assembly.GetManifestResourceStream("duckdb/flags.sql")
            ?? throw new InvalidOperationException("The embedded resource duckdb/flags.sql is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The flags as of <paramref name="asOf"/> under <paramref name="options"/>, in <see cref="RetentionAnalysis.FlagOrder"/>.</summary>
    public static List<PatientFlag> Run(DuckDBConnection connection, DateOnly asOf, RetentionOptions options)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        using var command = connection.CreateCommand();
        command.CommandText = Sql.Value;
        foreach (var (name, value) in Parameters(asOf, options))
        {
            command.Parameters.Add(new DuckDBParameter(name, value));
        }

        var flags = new List<PatientFlag>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            flags.Add(new PatientFlag(
                reader.GetString(0),
                reader.GetString(1),
                PatientFlagKindNames.FromContractName(reader.GetString(2)),
                reader.IsDBNull(3) ? null : DateOnly.FromDayNumber(reader.GetInt32(3)),
                reader.IsDBNull(4) ? null : AcuteEndTypeNames.FromContractName(reader.GetString(4)),
                reader.IsDBNull(5) ? null : DateOnly.FromDayNumber(reader.GetInt32(5)),
                Convert.ToInt32(reader.GetValue(6), CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(7), CultureInfo.InvariantCulture),
                reader.GetString(8),
                reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetString(10),
                Convert.ToInt32(reader.GetValue(11), CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(12), CultureInfo.InvariantCulture)));
        }

        // The database's ORDER BY compares text its own way; the product's order is ordinal.
        flags.Sort(RetentionAnalysis.FlagOrder);
        return flags;
    }

    /// <summary>
    /// Null when <paramref name="peer"/> holds exactly the flags of <paramref name="engine"/>; otherwise what
    /// differs: both counts, how many patients differ, and the first few patient ids (ids only, no PHI).
    /// </summary>
    public static string? Difference(IReadOnlyList<PatientFlag> engine, IReadOnlyList<PatientFlag> peer, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(peer);
        var byPatient = peer.ToDictionary(flag => flag.PatientId, StringComparer.Ordinal);
        var differing = new List<string>();
        foreach (var flag in engine)
        {
            if (!byPatient.Remove(flag.PatientId, out var other) || other != flag)
            {
                differing.Add(flag.PatientId);
            }
        }

        differing.AddRange(byPatient.Keys);
        if (differing.Count == 0)
        {
            return null;
        }

        differing.Sort(StringComparer.Ordinal);
        var counts = string.Create(CultureInfo.InvariantCulture,
            $"{engine.Count:N0} flags from the engine, {peer.Count:N0} from DuckDB, {differing.Count:N0} patient(s) differ");
        return $"The DuckDB peer's flags as of {asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} differ from the product's: {counts}, "
            + $"e.g. {string.Join(", ", differing.Take(5))}. The query (Benchmarks/DuckDbFlags.sql) no longer follows the rules of Retention/: fix it before comparing times.";
    }

    private static IEnumerable<(string Name, object Value)> Parameters(DateOnly asOf, RetentionOptions options)
    {
        yield return ("as_of", asOf.DayNumber);
        yield return ("grace_days", options.GraceDays);
        yield return ("lookback_days", options.LookbackDays);
        yield return ("implicit_discharge_days", options.ImplicitDischargeDays);
        yield return ("lapse_factor", options.LapseFactor);
        yield return ("default_maintenance_interval_days", options.DefaultMaintenanceIntervalDays);
        yield return ("priority_recency_weight", options.PriorityRecencyWeight);
        yield return ("priority_self_discharged_weight", options.PrioritySelfDischargedWeight);
        yield return ("priority_reinjury_weight", options.PriorityReinjuryWeight);
        yield return ("priority_visits_weight", options.PriorityVisitsWeight);
        yield return ("priority_visits_for_full_weight", options.PriorityVisitsForFullWeight);
    }
}

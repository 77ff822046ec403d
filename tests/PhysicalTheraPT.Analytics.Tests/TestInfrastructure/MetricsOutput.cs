using System.Globalization;

namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>The <c>metrics</c> command's CSV read back: value by clinic id (or ALL) and metric name.</summary>
internal sealed class MetricsOutput(IReadOnlyDictionary<(string ClinicId, string Metric), string> values)
{
    public static async Task<MetricsOutput> RunAsync(string[] database, string month, string? asOf = null)
    {
        string[] arguments = asOf is null ? [.. database, "metrics", "--month", month] : [.. database, "metrics", "--month", month, "--as-of", asOf];
        var (exitCode, output) = await CliRunner.RunAsync(arguments);
        Assert.Equal(0, exitCode);
        var values = output.TrimEnd('\n').Split('\n').Skip(1)
            .Select(line => line.Split(','))
            .ToDictionary(fields => (fields[0], fields[1]), fields => fields[2]);
        return new MetricsOutput(values);
    }

    /// <summary>The value; null when the metric is blank (a maturing rate, a median of nothing).</summary>
    public double? Value(string clinicId, string metric)
    {
        var text = values[(clinicId, metric)];
        return text.Length == 0 ? null : double.Parse(text, CultureInfo.InvariantCulture);
    }
}

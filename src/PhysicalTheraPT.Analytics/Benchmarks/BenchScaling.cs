using System.Globalization;
using System.Text.Json.Serialization;

namespace PhysicalTheraPT.Analytics.Benchmarks;

/// <summary>
/// How each stage grows from one benchmark size to the next: the time and the peak memory at the larger
/// size over the smaller. The targets "time grows by no more than 2.2× when the data doubles" and "memory
/// flat from 2.5M to 5M" are read off here. Written as CSV and JSON beside the per-size tables.
/// </summary>
internal sealed record BenchScaling(string Provider, string Machine, int Rounds, IReadOnlyList<BenchScalingStep> Steps)
{
    public static readonly IReadOnlyList<string> CsvColumns =
        ["stage", "from_appointments", "to_appointments", "rows_growth", "seconds_growth", "peak_memory_change_percent"];

    /// <summary>Each stage from each size to the next larger one, in the reports' stage order.</summary>
    /// <param name="reports">One report per size, all of one provider and one run of <c>bench</c>.</param>
    public static BenchScaling From(IReadOnlyList<BenchReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        if (reports.Count < 2)
        {
            throw new ArgumentException("Growth needs two sizes or more.", nameof(reports));
        }

        var bySize = reports.OrderBy(report => report.Appointments).ToList();
        var steps = new List<BenchScalingStep>();
        foreach (var stage in bySize[0].Stages.Select(stage => stage.Stage))
        {
            for (var index = 1; index < bySize.Count; index++)
            {
                var from = bySize[index - 1].Stages.Single(result => result.Stage == stage);
                var to = bySize[index].Stages.Single(result => result.Stage == stage);
                steps.Add(new BenchScalingStep(
                    stage,
                    bySize[index - 1].Appointments,
                    bySize[index].Appointments,
                    Growth(from.Rows, to.Rows),
                    Growth(from.Seconds, to.Seconds),
                    Growth(from.PeakMegabytes, to.PeakMegabytes) is { } memory ? Percent(memory) : null));
            }
        }

        return new BenchScaling(bySize[0].Provider, bySize[0].Machine, bySize[0].Rounds, steps);
    }

    public Task WriteCsvAsync(string path, CancellationToken cancellationToken) =>
        BenchFiles.WriteCsvAsync(path, CsvColumns, Steps.Select(step => new[]
        {
            step.Stage,
            step.FromAppointments.ToString(CultureInfo.InvariantCulture),
            step.ToAppointments.ToString(CultureInfo.InvariantCulture),
            Format(step.RowsGrowth, "0.00"),
            Format(step.SecondsGrowth, "0.00"),
            Format(step.PeakMemoryChangePercent, "0.0"),
        }), cancellationToken);

    public Task WriteJsonAsync(string path, CancellationToken cancellationToken) => BenchFiles.WriteJsonAsync(path, this, cancellationToken);

    // A stage with nothing to measure at the smaller size (no one to call in a tiny history) has no growth.
    private static double? Growth(double from, double to) => from > 0 ? to / from : null;

    // Rounded to the tenth the files show, so a change of -0.01 % reads 0.0, not -0.0.
    private static double Percent(double growth) => Math.Round((growth - 1) * 100, 1) is var percent && percent == 0 ? 0 : percent;

    private static string Format(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "";
}

/// <summary>One stage from one size to the next; in JSON under the same names as the CSV's columns.</summary>
/// <param name="RowsGrowth">The stage's rows at the larger size over the smaller: about 2 for a doubling of the stages that read the history, 1 for those of a fixed size.</param>
/// <param name="SecondsGrowth">The median seconds at the larger size over the smaller.</param>
/// <param name="PeakMemoryChangePercent">How much higher (or, negative, lower) the peak memory is at the larger size.</param>
internal sealed record BenchScalingStep(
    string Stage,
    long FromAppointments,
    long ToAppointments,
    double? RowsGrowth,
    double? SecondsGrowth,
    [property: JsonPropertyName("peak_memory_change_percent")] double? PeakMemoryChangePercent);

using System.Text.Json.Serialization;

namespace PhysicalTheraPT.Analytics.Benchmarks;

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

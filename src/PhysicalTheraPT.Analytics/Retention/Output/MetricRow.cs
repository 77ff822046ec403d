namespace PhysicalTheraPT.Analytics.Retention.Output;

/// <summary>
/// One line of the metrics file (<c>ptanalytics metrics</c>): <c>clinic_id,metric,value</c>. The value is
/// blank (null in JSON) when there is no number to give: a rate while its cohort is maturing or when
/// there were no completions, percentiles of a month without completions.
/// </summary>
/// <remarks>The CSV header is <see cref="TableWriter.MetricColumns"/>: the properties in snake_case, in order.</remarks>
public sealed record MetricRow(
    string ClinicId,
    string Metric,
    double? Value);

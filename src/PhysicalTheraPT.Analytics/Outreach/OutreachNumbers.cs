using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>
/// The Outreach sheet of a monthly workbook: reads what front desk recorded and the bookings that
/// followed, and counts them for the report's months. The monthly report service fills
/// <see cref="MonthlyReport.Outreach"/> from here.
/// </summary>
public sealed class OutreachNumbers
{
    private readonly AnalyticsDatabase _database;
    private readonly OutreachOptions _options;

    public OutreachNumbers(AnalyticsDatabase database, IOptions<OutreachOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _database = database;
        _options = options.Value;
    }

    /// <param name="clinicId">One clinic, or null for every clinic.</param>
    /// <param name="months">The report's trend months, oldest first, ending at the report month.</param>
    /// <param name="asOf">Only what was known before this date counts (the report's as-of date).</param>
    public async Task<OutreachReport> ForReportAsync(string? clinicId, IReadOnlyList<CalendarMonth> months, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(months);
        var clinics = await ClinicDirectory.LoadAsync(_database, cancellationToken);
        var inScope = clinics.Clinics
            .Where(clinic => clinicId is null || clinic.ClinicId == clinicId)
            .Select(clinic => (clinic.ClinicId, clinic.Name))
            .ToList();
        var from = months.Count == 0 ? asOf : months[0].FirstDay;
        var activity = await OutreachActivityReader.ReadAsync(_database, clinics, clinicId, from, asOf, cancellationToken);
        return OutreachReportBuilder.Build(activity, months, asOf, _options, inScope);
    }
}

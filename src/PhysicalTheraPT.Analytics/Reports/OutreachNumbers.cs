using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// The Outreach sheet of a monthly workbook: reads what front desk recorded and the bookings that
/// followed, and counts them for the report's months. The monthly report service fills
/// <see cref="MonthlyReport.Outreach"/> from here.
/// </summary>
internal sealed class OutreachNumbers
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
        var clinics = await ClinicDirectory.LoadAsync(_database, cancellationToken);
        return (await ForReportsAsync(clinics, [clinicId], months, asOf, cancellationToken))[0];
    }

    /// <summary>
    /// Several scopes' Outreach sheets from one read of the activity, so a run that writes every clinic's
    /// workbook reads it once: every clinic's activity, or only the clinic's when it is the one scope.
    /// </summary>
    /// <param name="clinics">The run's clinic directory, already loaded.</param>
    /// <param name="clinicIds">The scopes, each one clinic or null for every clinic; the result is in this order.</param>
    public async Task<IReadOnlyList<OutreachReport>> ForReportsAsync(
        ClinicDirectory clinics, IReadOnlyList<string?> clinicIds, IReadOnlyList<CalendarMonth> months, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clinics);
        ArgumentNullException.ThrowIfNull(clinicIds);
        ArgumentNullException.ThrowIfNull(months);
        if (clinicIds.Count == 0)
        {
            return [];
        }

        var from = months.Count == 0 ? asOf : months[0].FirstDay;
        var activity = await OutreachActivityReader.ReadAsync(_database, clinics, clinicIds.Count == 1 ? clinicIds[0] : null, from, asOf, cancellationToken);
        return [.. clinicIds.Select(clinicId =>
        {
            var inScope = clinics.Clinics
                .Where(clinic => clinicId is null || clinic.ClinicId == clinicId)
                .Select(clinic => (clinic.ClinicId, clinic.Name))
                .ToList();
            return OutreachReportBuilder.Build(clinicId is null ? activity : OfClinic(activity, clinicId), months, asOf, _options, inScope);
        })];
    }

    /// <summary>
    /// One clinic's part of every clinic's activity: its listings and calls. The bookings stay whole: they
    /// are looked up by the patients called, and a patient called at this clinic may book at any clinic.
    /// </summary>
    private static OutreachActivity OfClinic(OutreachActivity activity, string clinicId) => new(
        [.. activity.Listings.Where(listing => listing.ClinicId == clinicId)],
        [.. activity.Contacts.Where(contact => contact.ClinicId == clinicId)],
        activity.Bookings);
}

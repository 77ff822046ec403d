using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>
/// Stands in until the mapping from the engine's numbers to the report model is part of the build: the
/// outreach-lists and retention-report jobs then fail at once, saying so, instead of writing nothing.
/// </summary>
internal sealed class UnavailableReportSources : IOutreachListSource, IMonthlyReportSource
{
    public Task<OutreachList> BuildAsync(string clinicId, DateOnly asOf, CancellationToken cancellationToken) =>
        throw new PermanentJobFailureException($"outreach-lists {clinicId} {asOf:yyyy-MM-dd}: building outreach lists is not part of this build yet.");

    public Task<MonthlyReport> BuildAsync(string? clinicId, CalendarMonth month, DateOnly asOf, CancellationToken cancellationToken) =>
        throw new PermanentJobFailureException($"retention-report {clinicId ?? "all clinics"} {month}: building the monthly report is not part of this build yet.");
}

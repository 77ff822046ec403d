using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Tests.Reports;

namespace PhysicalTheraPT.Analytics.Tests.Jobs;

/// <summary>
/// Report models from the reports tests' builders, for the clinic, month and date a job asks for: the
/// jobs' tests are about writing and recording files, not about the numbers in them.
/// </summary>
internal sealed class FakeReportSources : IOutreachListSource, IMonthlyReportSource
{
    public Task<OutreachList> BuildAsync(string clinicId, DateOnly asOf, CancellationToken cancellationToken) =>
        Task.FromResult(new OutreachListBuilder().Build() with { ClinicId = clinicId, ClinicName = $"Clinic {clinicId}", AsOf = asOf });

    public Task<MonthlyReport> BuildAsync(string? clinicId, CalendarMonth month, DateOnly asOf, CancellationToken cancellationToken)
    {
        var builder = new MonthlyReportBuilder().WithMonth(new ReportMonth(month.Year, month.Month)).WithAsOf(asOf);
        return Task.FromResult((clinicId is null ? builder : builder.ForClinic(clinicId, $"Clinic {clinicId}")).Build());
    }
}

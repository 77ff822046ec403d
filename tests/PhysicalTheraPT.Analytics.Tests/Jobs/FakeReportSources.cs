using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Tests.Reports;

namespace PhysicalTheraPT.Analytics.Tests.Jobs;

/// <summary>
/// Report models from the reports tests' builders, for the clinic, month and date a job asks for: the
/// jobs' tests are about writing and recording files, not about the numbers in them. Outreach lists can
/// be held until released, so a test can stop a server while its clinic jobs are running.
/// </summary>
internal sealed class FakeReportSources : IOutreachListSource, IMonthlyReportSource
{
    private int _outreachCalls;

    /// <summary>Every outreach list waits for this before it answers (and honours cancellation meanwhile).</summary>
    public TaskCompletionSource? OutreachGate { get; init; }

    /// <summary>What every outreach list says of its flags: computed (none stored), or read from the store.</summary>
    public bool FlagsComputed { get; init; }

    /// <summary>Outreach lists started so far.</summary>
    public int OutreachCalls => Volatile.Read(ref _outreachCalls);

    public async Task<OutreachListBuild> BuildAsync(string clinicId, DateOnly asOf, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _outreachCalls);
        if (OutreachGate is not null)
        {
            await OutreachGate.Task.WaitAsync(cancellationToken);
        }

        return new OutreachListBuild(new OutreachListBuilder().Build() with { ClinicId = clinicId, ClinicName = $"Clinic {clinicId}", AsOf = asOf }, FlagsComputed);
    }

    public Task<MonthlyReport> BuildAsync(string? clinicId, CalendarMonth month, DateOnly asOf, CancellationToken cancellationToken)
    {
        var builder = new MonthlyReportBuilder().WithMonth(new CalendarMonth(month.Year, month.Month)).WithAsOf(asOf);
        return Task.FromResult((clinicId is null ? builder : builder.ForClinic(clinicId, $"Clinic {clinicId}")).Build());
    }
}

using PhysicalTheraPT.Analytics.Reports;

namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>A clinic's outreach list as of a date: the flagged patients front desk should call, in the report model.</summary>
public interface IOutreachListSource
{
    Task<OutreachList> BuildAsync(string clinicId, DateOnly asOf, CancellationToken cancellationToken);
}

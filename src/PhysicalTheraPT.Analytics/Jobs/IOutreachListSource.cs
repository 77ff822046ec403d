using PhysicalTheraPT.Analytics.Outreach;

namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>
/// A clinic's outreach list as of a date: the flagged patients front desk should call, in the report model,
/// from the flags stored for that date when there are any.
/// </summary>
public interface IOutreachListSource
{
    Task<OutreachListBuild> BuildAsync(string clinicId, DateOnly asOf, CancellationToken cancellationToken);
}

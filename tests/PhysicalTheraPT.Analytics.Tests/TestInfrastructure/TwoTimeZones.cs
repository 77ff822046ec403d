using Microsoft.Extensions.Time.Testing;

namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>
/// The same discharge, 16 February 2026, at a clinic in Denver (patient p1) and one in New York (p2), and
/// a clock at 05:30 UTC on 2 March: still 1 March in Denver (13 days after, not flagged yet), already
/// 2 March in New York (14 days: flagged). For "today in each clinic's own time zone".
/// </summary>
internal static class TwoTimeZones
{
    public static ClinicDataBuilder Build() => new ClinicDataBuilder()
        .Clinic("denver", "America/Denver")
        .Clinic("newyork", "America/New_York")
        .Patient("p1", "denver")
        .Patient("p2", "newyork")
        .Episode("e1", "p1", "2026-02-01", "2026-02-16", "goals_met")
        .Episode("e2", "p2", "2026-02-01", "2026-02-16", "goals_met");

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 3, 2, 5, 30, 0, TimeSpan.Zero));
}

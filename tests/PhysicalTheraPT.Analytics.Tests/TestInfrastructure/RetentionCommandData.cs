using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>
/// A small hand-built history for the <c>flags</c> and <c>metrics</c> commands, each patient there for
/// one rule (defaults: grace 14 days, implicit discharge 21 days, lapse after 42 days):
/// <list type="bullet">
/// <item>p01 (c1): discharged 2026-02-10 goals met after 3 visits with Dana Ruiz, no maintenance: dropped.</item>
/// <item>p02 (c1): discharged 2026-02-20 referred out after 2 visits, maintenance 2026-02-25: converted.</item>
/// <item>p03 (c1): maintenance only, last 2026-01-10: lapsed from 2026-02-22.</item>
/// <item>p04 (c1): maintenance 2026-01-20 and booked 2026-03-10: not lapsed.</item>
/// <item>p05 (c2): two PT visits without an episode, last 2025-12-08: implicit episode, dropped.</item>
/// <item>p06 (c2): as p01 but do-not-contact: counted in completions, never flagged.</item>
/// <item>p07 (c1): open episode, last visit 2026-02-25: in acute care until 2026-03-18, then self-discharged.</item>
/// <item>c3: a clinic without patients, which still gets its block of numbers.</item>
/// </list>
/// </summary>
internal static class RetentionCommandData
{
    /// <summary>A fresh database of <paramref name="provider"/> holding this history.</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var test = TestDatabase.Create(provider);
        await Build().WriteAsync(test.Database);
        return test;
    }

    public static ClinicDataBuilder Build() => new ClinicDataBuilder()
        .Clinic("c1", "America/Denver", "Eastside")
        .Clinic("c2", "America/New_York", "Uptown")
        .Clinic("c3", "America/Phoenix", "Westgate")
        .Provider("pr1", "c1", "Dana Ruiz")
        .Provider("pr2", "c1", "Sam Ode", "massage_therapy")
        .Patient("p01", "c1")
        .Patient("p02", "c1")
        .Patient("p03", "c1")
        .Patient("p04", "c1")
        .Patient("p05", "c2")
        .Patient("p06", "c2", doNotContact: true)
        .Patient("p07", "c1")
        .Episode("e1", "p01", "2026-01-05", "2026-02-10", "goals_met")
        .Appointment("a01", "p01", "2026-01-05", episodeId: "e1", providerId: "pr1")
        .Appointment("a02", "p01", "2026-01-12", episodeId: "e1", providerId: "pr1")
        .Appointment("a03", "p01", "2026-02-10", episodeId: "e1", providerId: "pr1")
        .Episode("e2", "p02", "2026-02-02", "2026-02-20", "referred_out")
        .Appointment("a04", "p02", "2026-02-02", episodeId: "e2", providerId: "pr1")
        .Appointment("a05", "p02", "2026-02-16", "recovery_massage", episodeId: "e2", providerId: "pr2")
        .Appointment("a06", "p02", "2026-02-25", "maintenance_massage", providerId: "pr2")
        .Appointment("a07", "p03", "2025-12-01", "maintenance_massage", providerId: "pr2")
        .Appointment("a08", "p03", "2026-01-10", "maintenance_massage", providerId: "pr2")
        .Appointment("a09", "p03", "2026-01-31", "maintenance_massage", "cancelled", providerId: "pr2")
        .Appointment("a10", "p04", "2026-01-20", "maintenance_massage", providerId: "pr2")
        .Appointment("a11", "p04", "2026-03-10", "maintenance_massage", "booked", providerId: "pr2")
        .Appointment("a12", "p05", "2025-12-01")
        .Appointment("a13", "p05", "2025-12-08")
        .Episode("e6", "p06", "2026-01-05", "2026-02-10", "goals_met")
        .Appointment("a14", "p06", "2026-01-05", episodeId: "e6")
        .Appointment("a15", "p06", "2026-01-12", episodeId: "e6")
        .Appointment("a16", "p06", "2026-02-10", episodeId: "e6")
        .Episode("e7", "p07", "2026-02-11")
        .Appointment("a17", "p07", "2026-02-11", episodeId: "e7", providerId: "pr1")
        .Appointment("a18", "p07", "2026-02-25", episodeId: "e7", providerId: "pr1");
}

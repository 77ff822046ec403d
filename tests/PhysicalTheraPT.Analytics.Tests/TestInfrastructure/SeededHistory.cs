using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Seeding;

namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>
/// A database holding a seeded clinic history up to a fixed day, so report tests see realistic data (every
/// end type, conversions, lapses, do-not-contact patients, stale bookings) the same whatever day they run.
/// </summary>
internal static class SeededHistory
{
    /// <summary>The history's "today": March 2026 is the last complete month.</summary>
    public static readonly DateOnly Until = new(2026, 4, 10);

    /// <summary>Three clinics, big enough for every kind of row in every clinic and month.</summary>
    public static SeedSettings Realistic => new() { Clinics = 3, Patients = 600, Months = 24, Until = Until };

    /// <summary>Small enough for PostgreSQL's row-by-row upserts to take a few seconds.</summary>
    public static SeedSettings Small => new() { Clinics = 2, Patients = 200, Months = 18, Until = Until };

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, SeedSettings settings)
    {
        var test = TestDatabase.Create(provider);
        await new ClinicHistorySeeder(test.Database).SeedDatabaseAsync(settings, null, default);
        return test;
    }
}

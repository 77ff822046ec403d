namespace PhysicalTheraPT.Analytics.Benchmarks;

/// <summary>What <c>ptanalytics bench</c> measures, in the order it measures and reports it.</summary>
internal enum BenchStage
{
    /// <summary>Reading the appointment rows the engine needs, unbuffered, doing nothing with them.</summary>
    Floor,

    /// <summary>The nightly flag refresh for all clinics: read + compute + store (the refresh-flags job's one pass and its sets).</summary>
    Flags,

    /// <summary>The monthly numbers for all clinics for one month.</summary>
    Metrics,

    /// <summary>The whole refresh-flags job: <see cref="Flags"/>, then every clinic's outreach queue refreshed.</summary>
    Nightly,

    /// <summary>Writing the all-clinics monthly workbook with its charts (the engine pass before it is not timed).</summary>
    Workbook,

    /// <summary>Writing a 5,000-row outreach list.</summary>
    Outreach,

    /// <summary>Importing the seeded appointments.csv (and its companion files) into a fresh SQLite database.</summary>
    Import,
}

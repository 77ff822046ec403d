namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>The Summary sheet: headline numbers, the latest matured cohort per window, what changed.</summary>
public sealed record ReportSummary(
    IReadOnlyList<HeadlineNumber> Headlines,
    IReadOnlyList<MaturedCohort> LatestMaturedCohorts,
    IReadOnlyList<string> WhatChanged);

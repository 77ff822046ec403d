namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>What one <see cref="RetentionAnalysis"/> pass over the data should produce.</summary>
public sealed record RetentionAnalysisRequest
{
    /// <summary>
    /// D, the same for every patient. Null: the day after <see cref="Month"/> when there is one, else
    /// today in each patient's clinic's own time zone.
    /// </summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>The report month of the monthly numbers; null for flags only.</summary>
    public CalendarMonth? Month { get; init; }

    /// <summary>Only this clinic's patients (their whole histories); null for every clinic.</summary>
    public string? ClinicId { get; init; }

    /// <summary>Keep the flags in the result; off when only the numbers are wanted.</summary>
    public bool CollectFlags { get; init; } = true;

    /// <summary>
    /// Collect the flags without their texts, as <see cref="RetentionAnalysisResult.FlaggedPatients"/>
    /// (<see cref="RetentionAnalysisResult.Flags"/> stays empty): a few dozen bytes a flagged patient
    /// instead of about 700, for a caller that lists every one and writes the reasons as it goes (the
    /// monthly workbook). Needs <see cref="Month"/>.
    /// </summary>
    public bool FlagsWithoutTexts { get; init; }
}
